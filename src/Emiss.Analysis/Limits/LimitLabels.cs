using System.Globalization;

namespace Emiss.Analysis.Limits;

/// <summary>
/// What the numbers of a limit are, for output headers and captions: which signal yield was used and which inputs
/// were given rather than computed. The counting inputs of the NA64-2016 card (background 0.15, efficiency
/// 0.69 → 0.55, zero observed events, 2.75·10⁹ EOT) are the published values of PRL 118, 011802 (2017);
/// they stay inputs until the analysis chain derives them from simulated and recorded events.
/// </summary>
/// <param name="Yield">The yield model in a sentence.</param>
/// <param name="YieldShort">The yield model in a few words (figure caption).</param>
/// <param name="YieldIsPrimaryElectronBound">
/// True for the analytic track-length yield: it counts only the primary electron's track length (Tsai's T₁,
/// docs/physics/signal-yield-analytic.md#primary-electron-track-length) and leaves out the shower's secondary e±, so it is a lower bound on the shower yield up to
/// the T₁ approximation; the Monte Carlo shower yield is the one to quote where the limit matters.
/// </param>
/// <param name="Inputs">The given inputs with their values and source, one sentence.</param>
/// <param name="InputsShort">The same in a few words (figure caption).</param>
public sealed record LimitLabels(string Yield, string YieldShort, bool YieldIsPrimaryElectronBound, string Inputs, string InputsShort)
{
    /// <summary>The labels of a request.</summary>
    public static LimitLabels For(LimitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inv = CultureInfo.InvariantCulture;
        bool bound = request.ShowerYield is null;
        string yield = request.ShowerYield is { } mc
            ? string.Create(inv, $"shower Monte Carlo: A′ emission by every e± of {mc.Events} simulated showers per mass in '{mc.Geometry.Name}' (track-length estimator)")
            : "primary-electron bound: the analytic track-length yield counts only the primary electron's track length (Tsai T1), " +
              "not the shower's secondary e±, so it is a lower bound on the shower yield";
        string yieldShort = request.ShowerYield is { } m
            ? string.Create(inv, $"yield: shower Monte Carlo ({m.Events} showers per mass)")
            : "yield: primary-electron track length (a lower bound on the shower yield)";
        IReadOnlyList<double> eff = request.Efficiency.Signal, effMass = request.Efficiency.MassMeV;
        string efficiency = eff.Count == 1
            ? string.Create(inv, $"{eff[0]:G4} at every mass")
            : string.Create(inv, $"{string.Join(" → ", eff.Select(e => e.ToString("G4", inv)))} ({effMass[0]:G4}–{effMass[^1]:G4} MeV)");
        double eot = request.Runs.Sum(r => r.ElectronsOnTarget);
        CountingInput c = request.Counting;
        string values = string.Create(inv,
            $"observed events {c.ObservedEvents}, expected background {c.ExpectedBackground:G4}, signal efficiency {efficiency}, electrons on target {eot:0.00E+00}");
        string inputs = $"inputs given, not computed by Emiss: {values}; source: {request.InputSource}; they remain inputs until the analysis chain derives them";
        string inputsShort = string.Create(inv,
            $"given inputs: n_obs = {c.ObservedEvents}, b = {c.ExpectedBackground:G4}, efficiency {string.Join("→", eff.Select(e => e.ToString("G3", inv)))}, {eot:0.00E+00} EOT ({request.InputSource})");
        return new LimitLabels(yield, yieldShort, bound, inputs, inputsShort);
    }
}

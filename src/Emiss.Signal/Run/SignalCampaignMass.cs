using Emiss.Signal.MonteCarloYield;

namespace Emiss.Signal.Run;

/// <summary>The results of one mass of a <see cref="SignalCampaign"/>.</summary>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="Analog">Analog yield-mode pass (bias factor 1): the track-length yield.</param>
/// <param name="Biased">Biased yield-mode pass with kept events: E_miss spectrum, weighted emissions, HepMC3 sample.</param>
/// <param name="Detector">Detector-mode pass with kept events, or null when none was requested.</param>
/// <param name="AnalyticPerEot">Analytic primary-electron track-length yield per EOT at ε = 1 (comparison).</param>
public sealed record SignalCampaignMass(double MassMeV, SignalRunResult Analog, SignalRunResult Biased, SignalRunResult? Detector, double AnalyticPerEot)
{
    /// <summary>The signal sample of the mass: the detector pass if there was one, else the biased pass.</summary>
    public SignalRunResult Sample => Detector ?? Biased;

    /// <summary>The mass's row of the yield table.</summary>
    public SignalYieldPoint Point => new(MassMeV, Analog.Estimator.Value, Analog.Estimator.StatError, Analog.EstimatorBrem.Value,
        Analog.EstimatorAnnihilation.Value, Biased.EmissionsTotal.Value, Biased.EmissionsTotal.StatError, AnalyticPerEot, Biased.BiasFactor, Analog.Events);
}

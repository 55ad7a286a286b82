using System.Globalization;
using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Decays in flight of beam μ⁻, π⁻ and K⁻ that faked the SRD tag with a knock-on electron or SRD noise (the seed's first
/// "largest source": a pion knocks electrons off the vessel's downstream window into the SRD, then decays in front of
/// the ECAL; Ke3 dominates). Rate per EOT = Σ_s (f_s/f_e) × P_tag × P_s(L), with f_s the beam fractions, P_tag
/// = <see cref="Emiss.Detector.BeamLine.SrdFakeTag.Probability"/> (knock-on or noise only) and P_s(L) = 1 − exp(−L/λ_s) over the <see cref="DecayRegion"/> at the beam
/// momentum. Biased mode: half of the decays in the e + ν channels, orientation forced towards missing energy above
/// the threshold (default half the beam energy, the seed's E_ECAL &lt; 50 GeV), exact weights.
/// docs/physics/decays-in-flight.md#mechanism-a-knock-on-fake-tag.
/// </summary>
public sealed class DecayInFlightSource : IBackgroundSource
{
    private readonly double? _thresholdGeV;

    /// <summary>Creates the source; <paramref name="missingEnergyThresholdGeV"/> sets the biased orientation's
    /// threshold (default: half the beam energy).</summary>
    public DecayInFlightSource(double? missingEnergyThresholdGeV = null)
    {
        if (missingEnergyThresholdGeV is { } t) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t, nameof(missingEnergyThresholdGeV));
        _thresholdGeV = missingEnergyThresholdGeV;
    }

    /// <inheritdoc />
    public string Name => "decay-in-flight";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.DecayInFlight;

    /// <inheritdoc />
    public string TableRow => "μ→eνν, π,K → eν, Ke3 decays";

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        BeamDecayMixture m = Mixture(model);
        double tag = model.SrdFakeTag.Probability;
        double rate = m.SumFractionTimesDecay / m.ElectronFraction * tag;
        return new SourceRate(rate, 0.5, string.Create(CultureInfo.InvariantCulture,
            $"Σ_s f_s·P_decay(L = {m.Region.LengthCm:G4} cm) = [{m.Describe()}] / {m.ElectronFraction:G4} e⁻/beam × {tag:G3} SRD fake tag (knock-on or noise); ±50 % (the knock-on yield)"));
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new DecayInFlightProcess(Mixture(model), new DaughterAcceptance(model.Card), biased, _thresholdGeV ?? 0.5 * model.Card.Beam.EnergyGeV);
    }

    private static BeamDecayMixture Mixture(DetectorModel model) => new(model.Card, DecayRegion.FromCard(model.Card));
}

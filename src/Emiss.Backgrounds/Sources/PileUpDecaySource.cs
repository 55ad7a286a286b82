using System.Globalization;
using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Pile-up of a low-energy-tail electron with a decaying beam μ⁻/π⁻/K⁻ (the seed's second "largest source": the tail
/// electron's synchrotron light tags the event in the SRD, the magnets bend it out of the ECAL, the accompanying
/// particle decays in flight; Ke3 dominates). Rate per EOT = Σ_s (f_s/f_e) P_s(L) × [1 − exp(−r f_e t w)]: per
/// electron on target f_s/f_e beam particles of species s, each decaying in the region with P_s(L), and in time with a
/// tail electron with probability 1 − exp(−r f_e t w), r the beam rate (particles per ns during the spill), t the tail
/// fraction of beam electrons (<c>beam.lowEnergyTail.fraction</c>), w the SRD gate. Biased mode as in
/// <see cref="DecayInFlightSource"/>. docs/physics/decays-in-flight.md#mechanism-b-pile-up-with-a-low-energy-electron.
/// </summary>
public sealed class PileUpDecaySource : IBackgroundSource
{
    private readonly double? _thresholdGeV;

    /// <summary>Creates the source; <paramref name="missingEnergyThresholdGeV"/> as in <see cref="DecayInFlightSource"/>.</summary>
    public PileUpDecaySource(double? missingEnergyThresholdGeV = null)
    {
        if (missingEnergyThresholdGeV is { } t) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t, nameof(missingEnergyThresholdGeV));
        _thresholdGeV = missingEnergyThresholdGeV;
    }

    /// <inheritdoc />
    public string Name => "pileup-decay";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.PileUpDecay;

    /// <inheritdoc />
    public string TableRow => "pile-up of low energy e⁻ and μ, π, K followed by their decays";

    /// <summary>Probability that a tail electron arrives within the SRD gate of a given beam particle.</summary>
    public static double InTimeTailProbability(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var beam = model.Card.Beam;
        double meanTail = beam.RatePerNs * beam.Composition.ElectronFraction * beam.LowEnergyTail.Fraction * model.Card.Srd.GateNs;
        return -double.ExpM1(-meanTail);
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        BeamDecayMixture m = new(model.Card, DecayRegion.FromCard(model.Card));
        double pile = InTimeTailProbability(model);
        var beam = model.Card.Beam;
        return new SourceRate(m.SumFractionTimesDecay / m.ElectronFraction * pile, 1.0, string.Create(CultureInfo.InvariantCulture,
            $"Σ_s f_s·P_decay(L = {m.Region.LengthCm:G4} cm) = [{m.Describe()}] / {m.ElectronFraction:G4} e⁻/beam × P(tail e⁻ in the {model.Card.Srd.GateNs:G4} ns SRD gate) = 1 − exp(−{beam.RatePerNs:G4}/ns × {m.ElectronFraction:G4} × {beam.LowEnergyTail.Fraction:G3} tail × {model.Card.Srd.GateNs:G4} ns) = {pile:G4}; ±100 % (the tail fraction is assumed: the seed gives none)"));
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new PileUpDecayProcess(new BeamDecayMixture(model.Card, DecayRegion.FromCard(model.Card)), new DaughterAcceptance(model.Card), biased, _thresholdGeV ?? 0.5 * model.Card.Beam.EnergyGeV);
    }
}

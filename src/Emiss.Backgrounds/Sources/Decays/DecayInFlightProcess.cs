using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Mechanism (a) of the seed: a beam μ⁻/π⁻/K⁻ fakes the SRD tag with a knock-on electron or SRD noise (the process
/// transports the primary once, conditioned on <see cref="SrdFakeTag"/>: the probability is in the rate) and decays between the last tracker and the ECAL (<see cref="DecayRegion"/>). The transported primary
/// is a K⁻ (<see cref="Primary"/> is fixed per process); the decaying species is drawn per event by its share of
/// decays and keeps the primary's momentum and position (the beam-line transport of π, K, μ differs only by
/// multiple scattering at the 10⁻⁴ level at 100 GeV). The species drawn is in <see cref="LastDecay"/>; the event
/// row's true PDG code is the transported K⁻. docs/physics/decays-in-flight.md#mechanism-a-knock-on-fake-tag.
/// </summary>
public sealed class DecayInFlightProcess : IEventPhysics
{
    private readonly InFlightDecayer _decayer;
    private readonly bool _biased;

    /// <summary>Creates a process for one worker.</summary>
    public DecayInFlightProcess(BeamDecayMixture mixture, DaughterAcceptance acceptance, bool biased, double missingEnergyThresholdGeV)
    {
        _decayer = new InFlightDecayer(mixture, acceptance, Primary, missingEnergyThresholdGeV);
        _biased = biased;
    }

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.DecayInFlight;

    /// <inheritdoc />
    public DetectorSpecies Primary => DetectorSpecies.KaonMinus;

    /// <inheritdoc />
    public bool TransportsPrimary => true;

    /// <summary>The last event's decay (truth).</summary>
    public DecayTruth LastDecay { get; private set; }

    /// <inheritdoc />
    public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        // The fake tag: the primary conditioned on a knock-on candidate or a noise-only tag (its probability is in the rate).
        model.SrdFakeTag.Transport(record.Primary, ref rng, record);
        if (record.PrimaryLost || record.ArrivalCount == 0)
            throw new InvalidOperationException("the beam particle did not reach the decay region (lost in a dipole)");
        double w = _decayer.Apply(record, _biased, ref rng, out DecayTruth truth);
        LastDecay = truth;
        return w;
    }
}

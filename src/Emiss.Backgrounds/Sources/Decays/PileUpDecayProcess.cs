using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Mechanism (b) of the seed: an electron of the beam's low-energy tail (energy uniform in the card's
/// [minGeV, maxGeV]) in time with a beam μ⁻/π⁻/K⁻. The tail electron is transported through the beam line: its
/// synchrotron light reaches the SRD (added to the event's SRD energy) and the dipoles bend it further than a
/// 100 GeV electron, mostly out of the ECAL; whatever of it arrives at z = 0 is added to the event (the calorimeter
/// model decides whether it hits the ECAL, the HCAL or nothing). The beam particle decays in flight as in
/// <see cref="DecayInFlightProcess"/>. Both particles are placed at the trigger time (t = 0).
/// docs/physics/decays-in-flight.md#mechanism-b-pile-up-with-a-low-energy-electron.
/// </summary>
public sealed class PileUpDecayProcess : IEventPhysics
{
    private readonly InFlightDecayer _decayer;
    private readonly bool _biased;

    /// <summary>Creates a process for one worker.</summary>
    public PileUpDecayProcess(BeamDecayMixture mixture, DaughterAcceptance acceptance, bool biased, double missingEnergyThresholdGeV)
    {
        _decayer = new InFlightDecayer(mixture, acceptance, Primary, missingEnergyThresholdGeV);
        _biased = biased;
    }

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.PileUpDecay;

    /// <inheritdoc />
    public DetectorSpecies Primary => DetectorSpecies.KaonMinus;

    /// <summary>The last event's decay (truth).</summary>
    public DecayTruth LastDecay { get; private set; }

    /// <summary>The last event's tail electron: energy at S1 (GeV), its SRD energy (GeV), and whether the electron
    /// itself arrived on the ECAL face (its bremsstrahlung photons are added to the event either way).</summary>
    public (double EnergyGeV, double SrdGeV, bool HitsEcal) LastTailElectron { get; private set; }

    /// <inheritdoc />
    public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scratch);
        LowEnergyTailOptions tail = model.Card.Beam.LowEnergyTail;
        double eTail = tail.MinGeV + (tail.MaxGeV - tail.MinGeV) * rng.NextDouble();
        BeamParticle electron = model.Beam.Sample(DetectorSpecies.Electron, ref rng) with { EnergyGeV = eTail };
        model.BeamLine.Transport(electron, ref rng, scratch);
        record.SrdTrueGeV += scratch.SrdTrueGeV;

        double w = _decayer.Apply(record, _biased, ref rng, out DecayTruth truth);
        LastDecay = truth;

        bool hitsEcal = false;
        for (int i = 0; i < scratch.ArrivalCount; i++)
        {
            record.AddArrival(scratch.ArrivalKind[i], scratch.ArrivalEnergyGeV[i], scratch.ArrivalXCm[i], scratch.ArrivalYCm[i]);
            hitsEcal |= scratch.ArrivalKind[i] == DetectorSpecies.Electron && model.Layout.HitsEcal(scratch.ArrivalXCm[i], scratch.ArrivalYCm[i]);
        }
        LastTailElectron = (eTail, scratch.SrdTrueGeV, hitsEcal);
        return w;
    }
}

using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Events;

namespace Emiss.Detector.Pipeline;

/// <summary>
/// A physics process acting on one simulated event between the beam line and the calorimeters: the seam through
/// which background sources (decays in flight, γ → μμ and photonuclear reactions in the target, interactions of
/// mis-tagged hadrons, pile-up partners) enter the detector simulation. The process receives the primary's
/// beam-line record after transport and rewrites what arrives at the ECAL face (and what the SRD sees); the
/// calorimeters, pile-up, digitization and trigger then run unchanged. Processes inside the ECAL are placed at its
/// face (their depth, ≲ a few X0, shifts the longitudinal profile only; the A′ signal, whose recoil shape is what the
/// selection tests, starts at its emission depth instead: <see cref="EventSimulator.SimulateSignal(long, int, AprimeEmission, double, EventBatch)"/>).
/// <para>An instance may keep scratch buffers: use one per worker thread. All randomness must come from the
/// <c>rng</c> argument, so that the event depends only on (seed, event index).</para>
/// </summary>
public interface IEventPhysics
{
    /// <summary>The true process stored with the event.</summary>
    TrueProcess Process { get; }

    /// <summary>Species of the primary beam particle (momentum, spot and divergence drawn by the beam generator).</summary>
    DetectorSpecies Primary { get; }

    /// <summary>
    /// Whether the process transports the primary through the beam line itself. False (the default): the pipeline
    /// transports it with the event's beam stream before <see cref="Apply"/>. True: the pipeline only samples the
    /// primary and hands <see cref="Apply"/> an empty record whose <see cref="BeamLineRecord.Primary"/> is set, so that
    /// a process that needs a conditioned transport (a forced knock-on tag, <see cref="SrdFakeTag"/>) transports the
    /// primary once instead of discarding the pipeline's transport.
    /// </summary>
    bool TransportsPrimary => false;

    /// <summary>
    /// Applies the process to <paramref name="record"/> (the primary's transport, or only its primary when
    /// <see cref="TransportsPrimary"/>; arrivals, SRD energy and tracker hits
    /// may be changed). <paramref name="scratch"/> is an empty record the process may use to transport a second beam
    /// particle with <c>model.BeamLine</c>. Returns the importance weight of the sampled configuration relative to
    /// the unbiased process (1 when the process is sampled without bias): the product over all biased choices of
    /// true probability density / sampling density.
    /// </summary>
    double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng);
}

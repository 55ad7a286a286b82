using Emiss.Shower;

namespace Emiss.Signal.Biasing;

/// <summary>The (at most one) A′ emission of an event, at truth level.</summary>
/// <param name="Kind">Production process (<see cref="EmissionKind.None"/> if no emission).</param>
/// <param name="Emitter">Species of the emitting lepton.</param>
/// <param name="EmitterIsPrimary">True if the emitter is the beam particle (or its continuation).</param>
/// <param name="EmitterEnergyGeV">Total energy of the emitter at the start of the emitting step, GeV.</param>
/// <param name="APrimeEnergyGeV">A′ energy (= missing energy in invisible mode), GeV.</param>
/// <param name="Ux">Direction cosine x of the emitter (the A′ and recoil keep it, PHYSICS.md §1.5).</param>
/// <param name="Uy">Direction cosine y.</param>
/// <param name="Uz">Direction cosine z.</param>
/// <param name="Slab">Slab index of the emission point.</param>
/// <param name="Weight">Importance weight w of the biased emission (PHYSICS.md §1.5), at the run coupling ε.</param>
public readonly record struct EmissionRecord(EmissionKind Kind, ParticleType Emitter, bool EmitterIsPrimary, double EmitterEnergyGeV,
    double APrimeEnergyGeV, double Ux, double Uy, double Uz, int Slab, double Weight)
{
    /// <summary>x = E_A′/E of the emitter.</summary>
    public double X => EmitterEnergyGeV > 0 ? APrimeEnergyGeV / EmitterEnergyGeV : 0.0;
}

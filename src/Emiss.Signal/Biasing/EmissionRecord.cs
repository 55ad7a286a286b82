using Emiss.Shower;

namespace Emiss.Signal.Biasing;

/// <summary>The (at most one) A′ emission of an event, at truth level.</summary>
/// <param name="Kind">Production process (<see cref="EmissionKind.None"/> if no emission).</param>
/// <param name="Emitter">Species of the emitting lepton.</param>
/// <param name="EmitterIsPrimary">True if the emitter is the beam particle (or its continuation).</param>
/// <param name="EmitterEnergyGeV">Total energy of the emitter at the start of the emitting step, GeV (the energy x is sampled at).</param>
/// <param name="APrimeEnergyGeV">A′ energy (= missing energy in invisible mode), GeV.</param>
/// <param name="Ux">Direction cosine x of the A′ (the emitter's direction unless angles are sampled).</param>
/// <param name="Uy">Direction cosine y.</param>
/// <param name="Uz">Direction cosine z.</param>
/// <param name="Slab">Slab index of the emission point.</param>
/// <param name="Weight">Importance weight w of the biased emission (docs/physics/aprime-emission.md#biasing-and-weights), at the run coupling ε.</param>
/// <param name="EmitterUx">Direction cosine x of the emitter before the emission.</param>
/// <param name="EmitterUy">Direction cosine y of the emitter.</param>
/// <param name="EmitterUz">Direction cosine z of the emitter.</param>
/// <param name="EmitterVertexEnergyGeV">
/// Total energy of the emitter arriving at the emission point, GeV: <paramref name="EmitterEnergyGeV"/> less the
/// continuous loss along the emitting step. The interaction conserves this energy (A′-strahlung: recoil =
/// this − E_A′; annihilation: E_A′ = this + m_e), so it is the emitter's energy in a four-momentum record.
/// </param>
public readonly record struct EmissionRecord(EmissionKind Kind, ShowerSpecies Emitter, bool EmitterIsPrimary, double EmitterEnergyGeV,
    double APrimeEnergyGeV, double Ux, double Uy, double Uz, int Slab, double Weight, double EmitterUx, double EmitterUy, double EmitterUz,
    double EmitterVertexEnergyGeV)
{
    /// <summary>x = E_A′/E of the emitter.</summary>
    public double X => EmitterEnergyGeV > 0 ? APrimeEnergyGeV / EmitterEnergyGeV : 0.0;

    /// <summary>Polar angle between the A′ and the emitter, rad.</summary>
    public double Theta => Math.Acos(Math.Clamp(Ux * EmitterUx + Uy * EmitterUy + Uz * EmitterUz, -1.0, 1.0));
}

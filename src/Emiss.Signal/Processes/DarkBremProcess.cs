using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Processes;
using Emiss.Signal.Biasing;

namespace Emiss.Signal.Processes;

/// <summary>
/// A′-strahlung e± Z → e± Z A′ as a shower process (PHYSICS.md §1.5) with a biased cross section B ε² Σ(E; x E &gt; E_cut).
/// At most one emission per event: after it, and for emitters that cannot put more than E_cut into the A′, an
/// interaction is a null collision (the lepton continues unchanged; by memorylessness this leaves the rest of the
/// shower unbiased). x is sampled from the material's <see cref="Tables.DarkBremTable"/> at the total energy of the
/// start of the emitting step (the energy its rate was evaluated at); the A′ goes along the lepton direction and the
/// recoil keeps that direction with the remaining energy (invisible mode, PHYSICS.md §1.5 recoil convention).
/// The A′ energy is reported as invisible. One instance per transport worker (it shares the worker's
/// <see cref="EmissionState"/>).
/// </summary>
public sealed class DarkBremProcess : IProcess
{
    private const double Me = PhysicalConstants.ElectronMassGeV;
    private readonly SignalRates _rates;
    private readonly EmissionState _state;

    /// <summary>Creates the process for one worker.</summary>
    public DarkBremProcess(SignalRates rates, EmissionState state)
    {
        _rates = rates ?? throw new ArgumentNullException(nameof(rates));
        _state = state ?? throw new ArgumentNullException(nameof(state));
    }

    /// <inheritdoc />
    public string Name => "aprimeBrem";

    /// <inheritdoc />
    public bool AppliesTo(ParticleType particle) => particle is ParticleType.Electron or ParticleType.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ParticleType particle, double kineticGeV) =>
        AppliesTo(particle) ? _rates.BiasedBremTabulated(materialIndex, kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ParticleType particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        if (!_state.Armed || !(_state.StepBremTrue > 0)) return Interaction.Unchanged(incoming);
        double eStart = _state.StepKineticGeV + Me;
        double x = _rates.Tables[incoming.MaterialIndex].SampleX(eStart, ref rng);
        // x E_start can exceed the post-step kinetic energy only by the step's continuous loss (MeV against tens of
        // GeV); clamp so the recoil keeps T ≥ 0 and the energy budget closes exactly.
        double eA = Math.Min(x * eStart, incoming.KineticEnergyGeV);
        _state.Record(Biasing.EmissionKind.Bremsstrahlung, incoming.Type, eStart, eA, incoming.Ux, incoming.Uy, incoming.Uz);
        Interaction r = Interaction.Unchanged(incoming);
        r.KineticEnergyGeV = incoming.KineticEnergyGeV - eA;
        r.InvisibleGeV = eA;
        return r;
    }
}

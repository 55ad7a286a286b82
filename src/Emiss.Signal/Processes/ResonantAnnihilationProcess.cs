using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Processes;
using Emiss.Signal.Biasing;

namespace Emiss.Signal.Processes;

/// <summary>
/// Resonant e⁺e⁻ → A′ → invisible on atomic electrons as a shower process (docs/physics/resonant-annihilation.md#in-the-shower) with biased
/// Σ = B ε² n_e σ(E₊), restricted to A′ energies above E_cut. The positron disappears and its whole budget
/// (T + 2 m_e, the A′ energy E₊ + m_e) leaves invisibly. At most one A′ per event (shared with
/// <see cref="DarkBremProcess"/> through the worker's <see cref="EmissionState"/>). Atomic-electron motion is
/// neglected (docs/physics/resonant-annihilation.md#validity caveat).
/// </summary>
public sealed class ResonantAnnihilationProcess : IProcess
{
    private const double Me = PhysicalConstants.ElectronMassGeV;
    private readonly SignalRates _rates;
    private readonly EmissionState _state;

    /// <summary>Creates the process for one worker.</summary>
    public ResonantAnnihilationProcess(SignalRates rates, EmissionState state)
    {
        _rates = rates ?? throw new ArgumentNullException(nameof(rates));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        if (rates.Annihilation is null) throw new ArgumentException("resonant annihilation is switched off in these rates", nameof(rates));
    }

    /// <inheritdoc />
    public string Name => "aprimeAnnihil";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? _rates.BiasedAnnihilationTabulated(materialIndex, kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        if (!_state.Armed || !(_state.StepAnnTrue > 0)) return Interaction.Unchanged(incoming);
        double budget = incoming.KineticEnergyGeV + 2 * Me;
        _state.Record(EmissionKind.ResonantAnnihilation, incoming.Type, _state.StepKineticGeV + Me, budget, incoming.Ux, incoming.Uy, incoming.Uz,
            incoming.Ux, incoming.Uy, incoming.Uz, incoming.KineticEnergyGeV + Me);
        return new Interaction { Absorbed = true, InvisibleGeV = budget };
    }
}

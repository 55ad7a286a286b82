using Emiss.Core.Random;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.Annihilation;

/// <summary>e⁺ annihilation in flight (Σ = n_e σ_Heitler). Annihilation at rest is done by the transport when a
/// positron stops or falls below its cut.</summary>
public sealed class AnnihilationProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public AnnihilationProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "annihil";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? _materials[materialIndex].ElectronDensityPerCm3 * HeitlerXsCalculator.CrossSectionPerElectronCm2(kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        (SecondaryParticle a, SecondaryParticle b) = AnnihilationSampler.InFlight(incoming.KineticEnergyGeV, incoming.Ux, incoming.Uy, incoming.Uz, ref rng);
        var r = new Interaction { Absorbed = true };
        r.AddSecondary(a);
        r.AddSecondary(b);
        return r;
    }
}

using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Compton;

/// <summary>Compton scattering on free electrons (Σ = n_e σ_KN; binding neglected, acceptable above ~1 MeV, docs/physics/compton.md#cross-section).
/// The electron takes T = k − k′ along p_γ − p_γ′.</summary>
public sealed class ComptonProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public ComptonProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "compt";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Gamma;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? _materials[materialIndex].ElectronDensityPerCm3 * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double k = incoming.KineticEnergyGeV;
        (double eps, double cosT) = KleinNishinaSampler.Sample(k, ref rng);
        double k1 = eps * k;
        (double gx, double gy, double gz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, cosT, 2.0 * Math.PI * rng.NextDouble());
        double te = k - k1;
        var r = new Interaction { KineticEnergyGeV = k1, Ux = gx, Uy = gy, Uz = gz };
        if (te > 0)
        {
            (double ex, double ey, double ez) = Direction.Normalize(k * incoming.Ux - k1 * gx, k * incoming.Uy - k1 * gy, k * incoming.Uz - k1 * gz);
            r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, te, ex, ey, ez));
        }
        return r;
    }
}

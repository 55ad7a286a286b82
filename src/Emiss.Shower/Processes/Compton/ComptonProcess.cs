using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.PhotonData;

namespace Emiss.Shower.Processes.Compton;

/// <summary>Compton scattering: Σ = Σ_j n_j Z_j σ_KN S_j(k), with the binding factor S_j = σ_incoherent/(Z σ_KN) of xraylib
/// (<see cref="ElementPhotonTable.ComptonBindingFactor"/>: 0.84 for Pb at 100 keV, → 1 above a few MeV;
/// docs/physics/compton.md#cross-section). The final state is the free-electron Klein–Nishina one; the electron takes
/// T = k − k′ along p_γ − p_γ′.</summary>
public sealed class ComptonProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public ComptonProcess(ShowerMaterialSet materials)
    {
        _materials = materials ?? throw new ArgumentNullException(nameof(materials));
        _tables = [.. materials.Materials.Select(m => m.Z.Select(PhotonDataLibrary.Element).ToArray())];
    }

    private readonly ElementPhotonTable[][] _tables;

    /// <inheritdoc />
    public string Name => "compt";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Gamma;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        ShowerMaterial m = _materials[materialIndex];
        ElementPhotonTable[] t = _tables[materialIndex];
        double s = 0.0;
        for (int j = 0; j < t.Length; j++) s += m.AtomDensityPerCm3[j] * m.Z[j] * t[j].ComptonBindingFactor(kineticGeV);
        return s * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(kineticGeV);
    }

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

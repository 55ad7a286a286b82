using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// e± ionisation, condensed history class II (docs/physics/ionisation.md#electrons-and-positrons): restricted continuous loss below the e± cut, explicit
/// Møller/Bhabha δ rays above it. δ-ray angle from two-body kinematics, primary direction from momentum balance.
/// </summary>
public sealed class IonisationProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public IonisationProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "eIoni";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.Electron or ShowerSpecies.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        ShowerMaterial m = _materials[materialIndex];
        return m.ElectronDensityPerCm3 * MollerBhabhaXsCalculator.CrossSectionPerElectronCm2(kineticGeV, m.ElectronCutGeV, particle == ShowerSpecies.Positron);
    }

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle)
            ? ElectronStoppingPower.RestrictedGeVPerCm(_materials[materialIndex].Source, kineticGeV, _materials[materialIndex].ElectronCutGeV, particle == ShowerSpecies.Positron)
            : 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double t = incoming.KineticEnergyGeV, me = PhysicalConstants.ElectronMassGeV;
        bool positron = incoming.Type == ShowerSpecies.Positron;
        double cut = _materials[incoming.MaterialIndex].ElectronCutGeV;
        if (cut >= ElectronStoppingPower.MaxSecondaryGeV(t, positron)) return Interaction.Unchanged(incoming);
        double td = MollerBhabhaSampler.SampleDeltaEnergy(t, cut, positron, ref rng);
        double cosT = Math.Sqrt(td * (t + 2.0 * me) / (t * (td + 2.0 * me)));
        (double dx, double dy, double dz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, cosT, 2.0 * Math.PI * rng.NextDouble());
        double p = Math.Sqrt(t * (t + 2.0 * me)), pd = Math.Sqrt(td * (td + 2.0 * me));
        (double ex, double ey, double ez) = Direction.Normalize(p * incoming.Ux - pd * dx, p * incoming.Uy - pd * dy, p * incoming.Uz - pd * dz);
        var r = new Interaction { KineticEnergyGeV = t - td, Ux = ex, Uy = ey, Uz = ez };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, td, dx, dy, dz));
        return r;
    }
}

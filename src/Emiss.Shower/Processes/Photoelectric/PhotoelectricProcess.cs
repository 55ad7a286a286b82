using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Photoelectric;

/// <summary>Photoelectric absorption (<see cref="PhotoelectricData"/>): the photon is absorbed and a photoelectron of
/// kinetic energy k is emitted (Sauter–Gavrila angle). Binding energy and fluorescence are not separated: they stay
/// with the photoelectron, which is below the e± cut almost always and deposits locally.</summary>
public sealed class PhotoelectricProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public PhotoelectricProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "phot";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Gamma;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        ShowerMaterial m = _materials[materialIndex];
        double s = 0.0;
        for (int j = 0; j < m.Z.Length; j++) s += m.AtomDensityPerCm3[j] * PhotoelectricData.CrossSectionCm2(m.Z[j], kineticGeV);
        return s;
    }

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double k = incoming.KineticEnergyGeV;
        double cosT = SauterGavrilaSampler.SampleCosTheta(k, ref rng);
        (double ex, double ey, double ez) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, cosT, 2.0 * Math.PI * rng.NextDouble());
        var r = new Interaction { Absorbed = true };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, k, ex, ey, ez));
        return r;
    }
}

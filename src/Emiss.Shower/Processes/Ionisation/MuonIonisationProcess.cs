using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Muon ionisation, condensed history class II as for e± (docs/physics/muons.md#ionisation): the restricted Bethe loss
/// below the material's e± production cut T_c as a continuous loss (with the transport's fluctuations up to T_c), and
/// knock-on electrons above it as δ rays, T sampled from dσ/dT ∝ (1 − β²T/W_max)/T² on [T_c, W_max] (PDG eq. 34.6
/// without the spin-½ term, as the Bethe formula used), emitted at cos θ = (T/p_δ)(E + m_e)/p (two-body kinematics on
/// an electron at rest); the muon's direction from momentum balance. The radiative losses are
/// <see cref="MuonRadiativeProcess"/>.
/// </summary>
public sealed class MuonIonisationProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public MuonIonisationProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "muIoni";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        ShowerMaterial m = _materials[materialIndex];
        return m.ElectronDensityPerCm3 * MuonStoppingPower.DeltaRayCrossSectionPerElectronCm2(kineticGeV, PhysicalConstants.MuonMassGeV, m.ElectronCutGeV);
    }

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle)
            ? MuonStoppingPower.RestrictedGeVPerCm(_materials[materialIndex].Source, kineticGeV, PhysicalConstants.MuonMassGeV, _materials[materialIndex].ElectronCutGeV)
            : 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double t = incoming.KineticEnergyGeV, mu = PhysicalConstants.MuonMassGeV, me = PhysicalConstants.ElectronMassGeV;
        double cut = _materials[incoming.MaterialIndex].ElectronCutGeV;
        double wmax = Math.Min(MuonStoppingPower.MaxTransferGeV(t, mu), t);
        if (!(cut < wmax)) return Interaction.Unchanged(incoming);
        double e = t + mu, p = Math.Sqrt(t * (t + 2.0 * mu)), beta2 = p * p / (e * e);
        double td = MuonStoppingPower.SampleKnockOnGeV(cut, wmax, beta2, ref rng);
        double pd = Math.Sqrt(td * (td + 2.0 * me));
        double cosT = Math.Min(1.0, td * (e + me) / (pd * p));
        (double dx, double dy, double dz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, cosT, 2.0 * Math.PI * rng.NextDouble());
        (double mx, double my, double mz) = Direction.Normalize(p * incoming.Ux - pd * dx, p * incoming.Uy - pd * dy, p * incoming.Uz - pd * dz);
        var r = new Interaction { KineticEnergyGeV = t - td, Ux = mx, Uy = my, Uz = mz };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, td, dx, dy, dz));
        return r;
    }
}

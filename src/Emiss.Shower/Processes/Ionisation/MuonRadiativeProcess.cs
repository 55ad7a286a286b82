using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Radiative losses of muons in the shower engine (docs/physics/muons.md#radiative-losses). Bremsstrahlung and
/// photonuclear losses with the split of <see cref="MuonRadiativeLoss"/>: the soft part (v = ε/E &lt; 1 %) is continuous,
/// harder losses are discrete at the rate ρ (b_brems + b_nucl)·∫_v_cut^1 g(v)/v dv with ε = vE sampled from g(v)/v, and the loss
/// becomes a photon along the muon's direction (the bremsstrahlung angle, ~m_μ/E, is neglected), which the engine showers
/// (a photonuclear loss is treated as electromagnetic, as the parametrised calorimeter does). Direct e⁺e⁻ pair production
/// from the cross section of Kelner, Kokoulin and Petrukhin (<see cref="MuonDirectPairTable"/>,
/// docs/physics/muons.md#direct-pair-production): pairs below 2(T_c + m_e) are continuous, harder pairs are produced as an
/// e⁺ and an e⁻ along the muon, sharing ε with an asymmetry drawn uniformly within its kinematic limit (as Geant4's
/// G4MuPairProductionModel does). At 100 GeV these losses are 42 % of a muon's energy loss in lead (1.358 of 3.218 MeV cm²/g;
/// niess/pumas-materials) and 30 % in iron.
/// </summary>
public sealed class MuonRadiativeProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;
    private readonly MuonRadiativeLoss.Table[] _tables;
    private readonly MuonDirectPairTable[] _pairs;

    /// <summary>Creates the process for a material set.</summary>
    public MuonRadiativeProcess(ShowerMaterialSet materials)
    {
        _materials = materials ?? throw new ArgumentNullException(nameof(materials));
        _tables = [.. materials.Materials.Select(m => MuonRadiativeLoss.For(m.Source))];
        _pairs = [.. materials.Materials.Select(MuonDirectPairTable.For)];
    }

    /// <inheritdoc />
    public string Name => "muRad";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? PhotonRatePerCm(materialIndex, kineticGeV) + _pairs[materialIndex].RatePerCm(kineticGeV) : 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        var (brems, _, nuclear) = MuonRadiativeLoss.Components(_tables[materialIndex], kineticGeV);
        return _materials[materialIndex].Source.DensityGPerCm3 * (brems + nuclear) * MuonRadiativeLoss.SoftFraction
               + _pairs[materialIndex].ContinuousGeVPerCm(kineticGeV);
    }

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double t = incoming.KineticEnergyGeV;
        int m = incoming.MaterialIndex;
        double photons = PhotonRatePerCm(m, t), pairs = _pairs[m].RatePerCm(t);
        Interaction r = Interaction.Unchanged(incoming);
        // Below 0.5 GeV (no pair table) every radiative interaction is a photon; above, the pair share is pairs/(photons + pairs).
        if (!(pairs > 0) || rng.NextDouble() * (photons + pairs) < photons)
        {
            double loss = Math.Min(MuonRadiativeLoss.SampleV(ref rng) * (t + PhysicalConstants.MuonMassGeV), t);
            r.KineticEnergyGeV = t - loss;
            r.AddSecondary(new SecondaryParticle(ShowerSpecies.Gamma, loss, incoming.Ux, incoming.Uy, incoming.Uz));
            return r;
        }
        // A pair of energy ε: the muon keeps T − ε; e⁺ and e⁻ share ε with r = (E₊ − E₋)/ε uniform in ±r_max,
        // r_max = (1 − 6m_μ²/(E(E − ε)))·√(1 − 4m_e/ε) (G4MuPairProductionModel::SampleSecondaries). T₊ + T₋ = ε − 2m_e, as in a
        // photon conversion: the positron's annihilation gives the 2m_e back.
        double me = PhysicalConstants.ElectronMassGeV, e = t + PhysicalConstants.MuonMassGeV;
        double eps = Math.Min(_pairs[m].SamplePairEnergyGeV(t, ref rng), t);
        double rMax = Math.Max(0.0, (1.0 - 6.0 * PhysicalConstants.MuonMassGeV * PhysicalConstants.MuonMassGeV / (e * (e - eps)))
                                    * Math.Sqrt(Math.Max(0.0, 1.0 - 4.0 * me / eps)));
        double asym = rMax * (2.0 * rng.NextDouble() - 1.0);
        double tPlus = Math.Max(0.0, 0.5 * eps * (1.0 + asym) - me);
        double tMinus = Math.Max(0.0, eps - 2.0 * me - tPlus);
        r.KineticEnergyGeV = t - eps;
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Positron, tPlus, incoming.Ux, incoming.Uy, incoming.Uz));
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, tMinus, incoming.Ux, incoming.Uy, incoming.Uz));
        return r;
    }

    /// <summary>Bremsstrahlung and photonuclear losses above v_cut per cm.</summary>
    private double PhotonRatePerCm(int materialIndex, double kineticGeV)
    {
        var (brems, _, nuclear) = MuonRadiativeLoss.Components(_tables[materialIndex], kineticGeV);
        double e = kineticGeV + PhysicalConstants.MuonMassGeV;
        return _materials[materialIndex].Source.DensityGPerCm3 * (brems + nuclear) / e * MuonRadiativeLoss.HardCountIntegral;
    }
}

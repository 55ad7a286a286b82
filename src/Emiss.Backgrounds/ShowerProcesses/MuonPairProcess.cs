using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Physics.Muons;
using Emiss.Shower;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Backgrounds.ShowerProcesses;

/// <summary>
/// γZ → μ⁺μ⁻Z as a process of the shower engine (docs/physics/muon-pairs.md#in-the-shower-engine): the
/// Burkhardt–Kelner–Kokoulin total cross section (<see cref="MuonPairCrossSection.TotalCm2"/>) per element, multiplied by a
/// cross-section factor F as Geant4's <c>G4GammaConversionToMuons::SetCrossSecFactor</c> does, so that a rare channel
/// (≈ 1.5·10⁻⁴ pairs per 100 GeV e⁻ in lead) can be measured in a few thousand showers: the number of conversions divided
/// by F is the rate. The factor carries no weight; it removes F times more photons into muon pairs than nature does,
/// which biases the rest of the shower by the ratio of F σ_μμ to the photon's total cross section (≈ 1 % for F = 1000 in
/// lead at 10 GeV). The element is chosen ∝ n_i σ_i(k), the energy partition and the muon angles come from
/// <see cref="MuonPairSampler"/> (in the photon's frame, rotated to its direction); the photon is absorbed, the muons go
/// on the stack with kinetic energies x₊k − m_μ and (1 − x₊)k − m_μ, and their rest energy 2m_μ is booked as invisible
/// (it leaves with the muons, whose decays the engine does not follow), so the energy budget closes exactly.
/// </summary>
public sealed class MuonPairProcess : IProcess
{
    /// <summary>The process name in interaction counts and summaries.</summary>
    public const string ProcessName = "muPair";

    private readonly (int Z, double A)[][] _elements;
    private readonly ElementTables _sigma;                // F n_i σ_i on the grid, cm⁻¹

    /// <summary>Tabulates F n_i σ_i(k) for every element of every material.</summary>
    /// <param name="materials">The shower's materials.</param>
    /// <param name="grid">The physics list's energy grid.</param>
    /// <param name="crossSectionFactor">F ≥ 1 (1 = nature).</param>
    public MuonPairProcess(ShowerMaterialSet materials, EnergyGrid grid, double crossSectionFactor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(grid);
        if (!(crossSectionFactor >= 1.0) || double.IsInfinity(crossSectionFactor))
            throw new ArgumentOutOfRangeException(nameof(crossSectionFactor), crossSectionFactor, "the cross-section factor must be finite and ≥ 1");
        CrossSectionFactor = crossSectionFactor;
        _elements = [.. materials.Materials.Select(mat => mat.Z.Select(z => (z, mat.Source.Elements.First(e => e.Z == z).AGramsPerMol)).ToArray())];
        _sigma = new ElementTables(materials, grid, (mat, j, k) =>
        {
            (int z, double a) = _elements[mat.Index][j];
            return Samplable(k, z, a) ? crossSectionFactor * mat.AtomDensityPerCm3[j] * MuonPairCrossSection.TotalCm2(k, z, a) : 0.0;
        });
    }

    /// <summary>The factor F the cross section is multiplied by.</summary>
    public double CrossSectionFactor { get; }

    /// <inheritdoc />
    public string Name => ProcessName;

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Gamma;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        return AppliesTo(particle) ? _sigma.Total(materialIndex, Math.Log(kineticGeV)) : 0.0;
    }

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        double k = incoming.KineticEnergyGeV, mu = PhysicalConstants.MuonMassGeV;
        int m = incoming.MaterialIndex;
        (int z, double a) = _elements[m][_sigma.Choose(m, Math.Log(k), ref rng)];
        // The table interpolates between grid points: within one grid step of the threshold it can be positive where the
        // partition density is not; such a collision is a null collision (the photon goes on unchanged).
        if (!Samplable(k, z, a)) return Interaction.Unchanged(incoming);
        MuonPair pair = MuonPairSampler.Sample(k, z, a, ref rng);
        double tPlus = Math.Max(0.0, pair.XPlus * k - mu);
        double tMinus = k - 2.0 * mu - tPlus;          // exact budget: k = T₊ + T₋ + 2 m_μ
        if (tMinus < 0) { tPlus += tMinus; tMinus = 0.0; }
        (double px, double py, double pz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, Math.Cos(pair.ThetaPlus), pair.PhiPlus);
        (double nx, double ny, double nz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, Math.Cos(pair.ThetaMinus), pair.PhiMinus);
        var r = new Interaction { Absorbed = true, InvisibleGeV = 2.0 * mu };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.MuonPlus, tPlus, px, py, pz));
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.MuonMinus, tMinus, nx, ny, nz));
        return r;
    }

    /// <summary>True where x₊ can be sampled: above 4m_μ and with a positive partition density at x₊ = ½.</summary>
    private static bool Samplable(double kGeV, int z, double a) =>
        kGeV > MuonPairCrossSection.ThresholdGeV && MuonPairCrossSection.LogW(kGeV, z, a, 0.5) > 0;
}

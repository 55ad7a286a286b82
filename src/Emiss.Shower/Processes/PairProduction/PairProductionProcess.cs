using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.PairProduction;

/// <summary>γ → e⁺e⁻ in the field of a nucleus or atomic electrons (Tsai). LPM suppression of pair production is
/// neglected (matters only above ~100 GeV photons in Pb, docs/physics/pair-production.md#cross-section). Lepton angles: Tsai (G4ModifiedTsai),
/// opposite azimuths.</summary>
public sealed class PairProductionProcess : IProcess
{
    private readonly BremsstrahlungElement[][] _elements;
    private readonly ElementTables _sigma;

    /// <summary>Builds the per-element tables for a material set.</summary>
    public PairProductionProcess(ShowerMaterialSet materials, EnergyGrid grid)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(grid);
        _elements = [.. materials.Materials.Select(mat => mat.Z.Select(BremsstrahlungElement.For).ToArray())];
        _sigma = new ElementTables(materials, grid, (mat, j, k) => mat.AtomDensityPerCm3[j] * PairProductionXsCalculator.CrossSectionCm2(_elements[mat.Index][j], k));
    }

    /// <inheritdoc />
    public string Name => "conv";

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
        double k = incoming.KineticEnergyGeV, me = PhysicalConstants.ElectronMassGeV;
        if (k <= 2.0 * me * 1.000001) return Interaction.Unchanged(incoming);
        int m = incoming.MaterialIndex;
        int j = _sigma.Choose(m, Math.Log(k), ref rng);
        double x = PairProductionSampler.SampleX(_elements[m][j], k, ref rng);
        double tPlus = Math.Max(0.0, x * k - me);
        double tMinus = k - 2.0 * me - tPlus;       // exact energy balance: k = T₊ + T₋ + 2 m_e
        if (tMinus < 0) { tPlus += tMinus; tMinus = 0.0; }
        double phi = 2.0 * Math.PI * rng.NextDouble();
        (double px, double py, double pz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, ModifiedTsaiAngle.SampleCosTheta(tPlus, ref rng), phi);
        (double mx, double my, double mz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, ModifiedTsaiAngle.SampleCosTheta(tMinus, ref rng), phi + Math.PI);
        var r = new Interaction { Absorbed = true };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Positron, tPlus, px, py, pz));
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Electron, tMinus, mx, my, mz));
        return r;
    }
}

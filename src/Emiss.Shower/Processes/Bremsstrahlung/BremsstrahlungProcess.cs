using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// e± bremsstrahlung: photons above the γ cut are produced explicitly; softer ones are continuous loss.
/// Tsai screening + Coulomb correction, LPM and dielectric suppression (see <see cref="BremsstrahlungXsCalculator"/>).
/// Interactor: photon direction from Tsai's angular distribution, e± direction from momentum balance.
/// </summary>
public sealed class BremsstrahlungProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;
    private readonly bool _lpm, _dielectric;
    private readonly BremsstrahlungElement[][] _elements;
    private readonly double[][] _majorants;
    private readonly double[][][] _sigmaPerElement;   // [material][element][grid] n_j σ_j, cm⁻¹
    private readonly double[][] _lossBelowCut;        // [material][grid] GeV/cm
    private readonly EnergyGrid _grid;

    /// <summary>Builds the process and its per-element tables for a material set.</summary>
    public BremsstrahlungProcess(ShowerMaterialSet materials, bool lpm, bool dielectric, EnergyGrid grid)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(grid);
        _materials = materials;
        _lpm = lpm;
        _dielectric = dielectric;
        _grid = grid;
        int nm = materials.Count;
        _elements = new BremsstrahlungElement[nm][];
        _majorants = new double[nm][];
        _sigmaPerElement = new double[nm][][];
        _lossBelowCut = new double[nm][];
        for (int m = 0; m < nm; m++)
        {
            ShowerMaterial mat = materials[m];
            int ne = mat.Z.Length;
            _elements[m] = new BremsstrahlungElement[ne];
            _majorants[m] = new double[ne];
            _sigmaPerElement[m] = new double[ne][];
            _lossBelowCut[m] = new double[grid.Count];
            for (int j = 0; j < ne; j++)
            {
                BremsstrahlungElement el = BremsstrahlungElement.For(mat.Z[j]);
                _elements[m][j] = el;
                _majorants[m][j] = BremsstrahlungXsCalculator.BracketMajorant(el);
                double n = mat.AtomDensityPerCm3[j];
                _sigmaPerElement[m][j] = grid.Tabulate(t => n * BremsstrahlungXsCalculator.CrossSectionAboveCutCm2(
                    el, t, mat.GammaCutGeV, mat.LpmEnergyGeV, mat.PlasmaEnergyGeV, lpm, dielectric));
                for (int i = 0; i < grid.Count; i++)
                    _lossBelowCut[m][i] += n * BremsstrahlungXsCalculator.EnergyLossBelowCutCm2GeV(
                        el, grid.EnergiesGeV[i], mat.GammaCutGeV, mat.LpmEnergyGeV, mat.PlasmaEnergyGeV, lpm, dielectric);
            }
        }
    }

    /// <inheritdoc />
    public string Name => "eBrem";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.Electron or ShowerSpecies.Positron;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV)
    {
        if (!AppliesTo(particle)) return 0.0;
        double ln = Math.Log(kineticGeV), s = 0.0;
        foreach (double[] t in _sigmaPerElement[materialIndex]) s += _grid.Interpolate(t, ln);
        return s;
    }

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? _grid.Interpolate(_lossBelowCut[materialIndex], Math.Log(kineticGeV)) : 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        int m = incoming.MaterialIndex;
        ShowerMaterial mat = _materials[m];
        double t = incoming.KineticEnergyGeV;
        // Σ is interpolated between grid points, so an interaction can be selected just below the cut: nothing to emit.
        if (t <= mat.GammaCutGeV * 1.000001) return Interaction.Unchanged(incoming);
        int j = SelectElement(m, t, ref rng);
        double k = BremsstrahlungSampler.SampleK(_elements[m][j], _majorants[m][j], t, mat.GammaCutGeV,
            mat.LpmEnergyGeV, mat.PlasmaEnergyGeV, _lpm, _dielectric, ref rng);
        double cosT = ModifiedTsaiAngle.SampleCosTheta(t, ref rng);
        (double gx, double gy, double gz) = Direction.Deflect(incoming.Ux, incoming.Uy, incoming.Uz, cosT, 2.0 * Math.PI * rng.NextDouble());
        // e± momentum after emission: p' = p − k (the nucleus takes negligible momentum transverse to the beam).
        double me = PhysicalConstants.ElectronMassGeV;
        double p = Math.Sqrt(t * (t + 2.0 * me));
        (double ex, double ey, double ez) = Direction.Normalize(p * incoming.Ux - k * gx, p * incoming.Uy - k * gy, p * incoming.Uz - k * gz);
        var r = new Interaction { KineticEnergyGeV = t - k, Ux = ex, Uy = ey, Uz = ez };
        r.AddSecondary(new SecondaryParticle(ShowerSpecies.Gamma, k, gx, gy, gz));
        return r;
    }

    private int SelectElement(int m, double t, ref EventRng rng)
    {
        double[][] tabs = _sigmaPerElement[m];
        if (tabs.Length == 1) return 0;
        double ln = Math.Log(t), tot = 0.0;
        Span<double> acc = stackalloc double[tabs.Length];
        for (int j = 0; j < tabs.Length; j++) { tot += _grid.Interpolate(tabs[j], ln); acc[j] = tot; }
        double u = rng.NextDouble() * tot;
        for (int j = 0; j < tabs.Length - 1; j++) if (u < acc[j]) return j;
        return tabs.Length - 1;
    }
}

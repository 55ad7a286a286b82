using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;

namespace Emiss.Signal.Tables;

/// <summary>
/// A′-strahlung tables of one (production model, material, mass, E_cut) for the shower Monte Carlo
/// (docs/physics/aprime-emission.md#sampling-tables): the macroscopic cross section Σ(E; x E &gt; E_cut) = Σ_j n_j σ_j(E; x E &gt; E_cut) at ε = 1
/// (per-element <see cref="CutCrossSectionTable"/>s, cm⁻¹), and the cumulative emission spectrum in
/// v = −ln(1 − x) at energy nodes uniform in ζ = ln(E/E_cut − 1) (dense near threshold, where the shape changes
/// fastest) up to 1.05 E0. Sampling chooses node j or j+1 with the fractional distance in ζ, inverts that node's
/// cumulative table (binary search + linear interpolation) in the scaled variable u = (v − v_lo)/(v_hi − v_lo),
/// and maps u back to v at the actual energy, so the sampled x always satisfies x E &gt; E_cut and x ≤ 1 − m_e/E.
/// Immutable and thread-safe after construction.
/// </summary>
public sealed class DarkBremTable
{
    private const double ZetaLow = -6.907755278982137; // ln(1e-3): first node at E_cut(1 + 1e-3)
    private readonly MacroscopicCutCrossSection _sigma;
    private readonly double[] _zeta;
    private readonly double[] _cdf; // [node × uNodes], normalised to 1 at the last u node
    private readonly int _uNodes;

    private DarkBremTable(IDarkProductionModel model, Material material, double massGeV, double cutGeV, double maxGeV,
        MacroscopicCutCrossSection sigma, double[] zeta, double[] cdf, int uNodes)
    {
        ModelName = model.Name;
        ModelDescription = model.Description;
        Material = material;
        MassGeV = massGeV;
        CutGeV = cutGeV;
        MaxGeV = maxGeV;
        _sigma = sigma;
        _zeta = zeta;
        _cdf = cdf;
        _uNodes = uNodes;
    }

    /// <summary>Production model key (e.g. "vector-etl").</summary>
    public string ModelName { get; }

    /// <summary>Production model description (output metadata).</summary>
    public string ModelDescription { get; }

    /// <summary>The material.</summary>
    public Material Material { get; }

    /// <summary>A′ mass, GeV.</summary>
    public double MassGeV { get; }

    /// <summary>E_cut, GeV: only emissions with E_A′ &gt; E_cut are simulated (NA64: 0.5 E0).</summary>
    public double CutGeV { get; }

    /// <summary>Highest tabulated lepton total energy, GeV (1.05 E0).</summary>
    public double MaxGeV { get; }

    /// <summary>Number of energy nodes of the sampling table.</summary>
    public int EnergyNodes => _zeta.Length;

    /// <summary>
    /// Builds the tables. Cost: the per-element σ tables (see <see cref="CutCrossSectionTable.Build"/>) plus
    /// <paramref name="energyNodes"/> spectra per element (one 3-D pass each for the ETL models — the vector pass, times
    /// the IWW shape ratio for the other mediators — otherwise
    /// <paramref name="uNodes"/> calls of dσ/dx).
    /// </summary>
    /// <param name="model">Production model (any mediator and approximation).</param>
    /// <param name="material">Target material (all elements contribute, weighted by atom density).</param>
    /// <param name="mass">A′ mass.</param>
    /// <param name="beam">Beam energy E0 (tables reach 1.05 E0).</param>
    /// <param name="missingEnergyFraction">E_cut / E0 (NA64: 0.5).</param>
    /// <param name="energyNodes">Energy nodes of the sampling table (≥ 4).</param>
    /// <param name="uNodes">Nodes of each cumulative table (≥ 16).</param>
    public static DarkBremTable Build(IDarkProductionModel model, Material material, Mass mass, Energy beam,
        double missingEnergyFraction = 0.5, int energyNodes = 24, int uNodes = 512)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(material);
        if (!(missingEnergyFraction > 0 && missingEnergyFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(missingEnergyFraction), missingEnergyFraction, "must lie in (0, 1)");
        if (energyNodes < 4 || uNodes < 16) throw new ArgumentException("need ≥ 4 energy nodes and ≥ 16 u nodes");
        double e0 = beam.InGeV, cut = missingEnergyFraction * e0, max = 1.05 * e0, m = mass.InGeV;
        if (!(m > 0) || m >= cut) throw new ArgumentOutOfRangeException(nameof(mass), m, "A′ mass must lie in (0, E_cut)");
        MacroscopicCutCrossSection sigma = MacroscopicCutCrossSection.Build(model, material, mass, Energy.FromGeV(cut), Energy.FromGeV(max));
        ElementComponent[] elements = [.. material.Elements.Where(e => e.MassFraction > 0)];
        double[] density = [.. elements.Select(material.AtomDensityPerCm3)];

        var zeta = new double[energyNodes];
        double zetaHigh = Math.Log(max / cut - 1.0);
        for (int k = 0; k < energyNodes; k++) zeta[k] = ZetaLow + (zetaHigh - ZetaLow) * k / (energyNodes - 1);
        var cdf = new double[energyNodes * uNodes];
        var unit = new DarkParameters(mass, 1.0);
        for (int k = 0; k < energyNodes; k++)
        {
            double e = cut * (1.0 + Math.Exp(zeta[k]));
            (double vLo, double vHi) = VRange(e, cut);
            Span<double> c = cdf.AsSpan(k * uNodes, uNodes);
            var g = new double[uNodes];
            for (int j = 0; j < elements.Length; j++)
            {
                Func<double, double> density1 = SpectrumInV(model, elements[j], e, cut, unit);
                for (int i = 0; i < uNodes; i++)
                    g[i] += density[j] * density1(vLo + (vHi - vLo) * i / (uNodes - 1));
            }
            c[0] = 0;
            for (int i = 1; i < uNodes; i++) c[i] = c[i - 1] + 0.5 * (g[i] + g[i - 1]);
            double total = c[^1];
            if (double.IsNaN(total) || total < 0)
                throw new InvalidOperationException($"{model.Name}: invalid A′ spectrum at E = {e} GeV, m = {m} GeV in {material.Name}");
            if (total == 0)
            {
                // Just above E_cut a heavy A′ on light nuclei (H, C in scintillator) has no phase space with
                // x E > E_cut (the nuclear-recoil limit on x_max), so σ(E) = 0 there and no emission is ever
                // chosen at this node; a uniform CDF only keeps node interpolation well defined.
                for (int i = 0; i < uNodes; i++) c[i] = (double)i / (uNodes - 1);
                continue;
            }
            for (int i = 0; i < uNodes; i++) c[i] /= total;
        }
        return new DarkBremTable(model, material, m, cut, max, sigma, zeta, cdf, uNodes);
    }

    /// <summary>Σ(E; x E &gt; E_cut) at ε = 1 for lepton total energy <paramref name="leptonGeV"/>, cm⁻¹ (0 at or below E_cut; clamped at <see cref="MaxGeV"/>).</summary>
    public double MacroscopicPerCmAtEps1(double leptonGeV) => _sigma.PerCmAtEps1(leptonGeV);

    /// <summary>
    /// Samples x = E_A′/E for a lepton of total energy <paramref name="leptonGeV"/> &gt; E_cut, restricted to
    /// x E &gt; E_cut (docs/physics/aprime-emission.md#x-sampling: node choice in ln-energy-like ζ, then inverse CDF). Uses two uniforms.
    /// </summary>
    public double SampleX(double leptonGeV, ref EventRng rng)
    {
        double e = Math.Min(leptonGeV, MaxGeV);
        double z = Math.Log(Math.Max(e / CutGeV - 1.0, 1e-300));
        int n = _zeta.Length;
        double pos = (Math.Clamp(z, _zeta[0], _zeta[^1]) - _zeta[0]) / (_zeta[1] - _zeta[0]);
        int j = Math.Min((int)pos, n - 2);
        double frac = pos - j;
        int node = rng.NextDouble() < frac ? j + 1 : j;
        double u = InverseCdf(node, rng.NextDouble());
        (double vLo, double vHi) = VRange(leptonGeV, CutGeV);
        double v = vLo + u * (vHi - vLo);
        return -double.ExpM1(-v);
    }

    /// <summary>Normalised cumulative probability of the sampling table at energy node <paramref name="node"/> for x (tests).</summary>
    internal double NodeCdf(int node, double x)
    {
        double e = NodeEnergyGeV(node);
        (double vLo, double vHi) = VRange(e, CutGeV);
        double u = (-Math.Log(1.0 - x) - vLo) / (vHi - vLo);
        if (u <= 0) return 0.0;
        if (u >= 1) return 1.0;
        double pos = u * (_uNodes - 1);
        int i = Math.Min((int)pos, _uNodes - 2);
        ReadOnlySpan<double> c = _cdf.AsSpan(node * _uNodes, _uNodes);
        return c[i] + (pos - i) * (c[i + 1] - c[i]);
    }

    /// <summary>Lepton total energy of sampling node <paramref name="node"/>, GeV.</summary>
    public double NodeEnergyGeV(int node) => CutGeV * (1.0 + Math.Exp(_zeta[node]));

    private double InverseCdf(int node, double r)
    {
        ReadOnlySpan<double> c = _cdf.AsSpan(node * _uNodes, _uNodes);
        int lo = 0, hi = _uNodes - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (c[mid] <= r) lo = mid; else hi = mid;
        }
        double d = c[hi] - c[lo];
        double f = d > 0 ? (r - c[lo]) / d : 0.5;
        return (lo + f) / (_uNodes - 1);
    }

    /// <summary>v = −ln(1 − x) from x = E_cut/E to x = 1 − m_e/E (the outgoing lepton keeps at least its mass).</summary>
    private static (double Lo, double Hi) VRange(double e, double cut) =>
        (-Math.Log(1.0 - cut / e), Math.Log(e / PhysicalConstants.ElectronMassGeV));

    /// <summary>Returns v ↦ (1 − x) dσ/dx per atom (cm², ε = 1) for one element at one energy.</summary>
    private static Func<double, double> SpectrumInV(IDarkProductionModel model, ElementComponent el, double e, double cut, DarkParameters unit)
    {
        EtlSpectrum? spectrum = model is IEtlSpectrumSource tabulated ? tabulated.Spectrum(el, e, unit.Mass.InGeV, cut / e) : null;
        if (spectrum is { } s)
        {
            // One 3-D pass gives dσ/dx on nodes log-spaced in w = 1 − x (uniform in v); interpolate w·f linearly in v.
            int n = s.OneMinusX.Length;
            var v = new double[n];
            var g = new double[n];
            for (int i = 0; i < n; i++)
            {
                // Reverse so v ascends.
                double w = s.OneMinusX[n - 1 - i];
                v[i] = -Math.Log(w);
                g[i] = w * s.DSigmaDxGeVm2[n - 1 - i] * PhysicalConstants.HbarCSquaredGeV2Cm2;
            }
            return vv =>
            {
                if (vv <= v[0]) return g[0];
                if (vv >= v[^1]) return g[^1];
                int k = Array.BinarySearch(v, vv);
                if (k >= 0) return g[k];
                k = ~k;
                double f = (vv - v[k - 1]) / (v[k] - v[k - 1]);
                return g[k - 1] + f * (g[k] - g[k - 1]);
            };
        }
        return vv =>
        {
            double x = -double.ExpM1(-vv);
            return Math.Exp(-vv) * model.DifferentialCrossSectionCm2(el, e, x, unit);
        };
    }
}

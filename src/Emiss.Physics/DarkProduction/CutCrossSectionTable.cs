using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Units;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// σ(E; x E &gt; E_cut) per atom at ε = 1 for one (model, element, mass), tabulated for lepton energies
/// E_cut &lt; E ≤ E_max (docs/physics/aprime-emission.md#cross-section-tables). The table variable is τ = ln(1 − E_cut/E), in which σ is smooth
/// (≈ linear for m ≫ m_e, where dσ/dx ∝ 1/(1−x), ≈ exponential for m ≲ m_e). Values on a dense τ grid are
/// read by 4-point Lagrange interpolation.
/// Expensive models (WW, ETL) are evaluated only at a few anchor energies: the ratio R = σ_model/σ_IWW of
/// the same mediator is interpolated between anchors (it varies slowly with E) and multiplied by the cheap
/// IWW σ at each dense node. The accuracy against direct evaluation is checked by tests (≤ 0.1 %).
/// </summary>
public sealed class CutCrossSectionTable
{
    /// <summary>Smallest tabulated 1 − E_cut/E; below it σ is taken linear in (1 − E_cut/E) down to zero.</summary>
    public const double MinimumFraction = 1e-4;

    private readonly double[] _tau;
    private readonly double[] _sigmaGeVm2;

    private CutCrossSectionTable(string modelName, double eCutGeV, double eMaxGeV, double massGeV, double[] tau, double[] sigma)
    {
        ModelName = modelName;
        CutGeV = eCutGeV;
        MaxGeV = eMaxGeV;
        MassGeV = massGeV;
        _tau = tau;
        _sigmaGeVm2 = sigma;
    }

    /// <summary>Name of the model tabulated.</summary>
    public string ModelName { get; }

    /// <summary>E_cut, GeV (the emitted boson must carry more).</summary>
    public double CutGeV { get; }

    /// <summary>Highest tabulated lepton energy, GeV.</summary>
    public double MaxGeV { get; }

    /// <summary>Boson mass, GeV.</summary>
    public double MassGeV { get; }

    /// <summary>
    /// Builds the table. <paramref name="anchorNodes"/> direct evaluations of an expensive model (uniform in
    /// ln(E/E_cut − 1) from ln 1e-3 to its value at E_max), <paramref name="denseNodes"/> interpolation nodes.
    /// </summary>
    public static CutCrossSectionTable Build(IDarkProductionModel model, ElementComponent element, Mass mass,
                                             Energy cut, Energy max, int anchorNodes = 8, int denseNodes = 96)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(element);
        double eCut = cut.InGeV, eMax = max.InGeV, m = mass.InGeV;
        if (!(eMax > eCut * (1 + 2 * MinimumFraction)) || !(eCut > 0))
            throw new ArgumentException($"table needs 0 < E_cut < E_max (got {eCut} GeV, {eMax} GeV)");
        if (anchorNodes < 2 || denseNodes < 4) throw new ArgumentException("need ≥ 2 anchor and ≥ 4 dense nodes");
        var unit = new DarkParameters(mass, 1.0);
        double tauLo = Math.Log(MinimumFraction), tauHi = Math.Log(1.0 - eCut / eMax);
        double[] tau = ValueGrid.Linspace(tauLo, tauHi, denseNodes);
        var sigma = new double[denseNodes];

        if (model.Approximation == ProductionApproximation.ImprovedWw)   // its own control: no ratio to interpolate
        {
            Parallel.For(0, denseNodes, i => sigma[i] = Direct(model, element, eCut, tau[i], unit));
            return new CutCrossSectionTable(model.Name, eCut, eMax, m, tau, sigma);
        }

        var control = new ImprovedWwModel(model.Mediator, model.FormFactors);
        // Anchors are uniform in ζ = ln(E/E_cut − 1), in which R varies almost linearly over the range
        // that carries the yield (E_cut(1 + 1e-3) … E_max); below that R is held constant.
        double zetaLo = Math.Log(1e-3), zetaHi = Math.Log(eMax / eCut - 1.0);
        double[] anchorZeta = ValueGrid.Linspace(Math.Min(zetaLo, zetaHi - 1.0), zetaHi, anchorNodes);
        var ratio = new double[anchorNodes];
        for (int j = 0; j < anchorNodes; j++)
        {
            // Sequential over anchors: an ETL pass is itself parallel over x nodes.
            double e = eCut * (1.0 + Math.Exp(anchorZeta[j]));
            double direct = model.CrossSectionAbove(element, Energy.FromGeV(e), eCut / e, unit).InGeVm2;
            double iww = control.CrossSectionAbove(element, Energy.FromGeV(e), eCut / e, unit).InGeVm2;
            ratio[j] = iww > 0 ? direct / iww : 0.0;
        }
        Parallel.For(0, denseNodes, i =>
        {
            double zeta = Math.Log(1.0 / (1.0 - Math.Exp(tau[i])) - 1.0);
            double r = Lagrange4(anchorZeta, ratio, Math.Clamp(zeta, anchorZeta[0], anchorZeta[^1]));
            sigma[i] = r * Direct(control, element, eCut, tau[i], unit);
        });
        return new CutCrossSectionTable(model.Name, eCut, eMax, m, tau, sigma);
    }

    /// <summary>σ(E; x E &gt; E_cut) in cm² at ε = 1; zero at or below E_cut.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E above the table.</exception>
    public double SigmaCm2(double leptonGeV) => SigmaGeVm2(leptonGeV) * PhysicalConstants.HbarCSquaredGeV2Cm2;

    /// <summary>σ(E; x E &gt; E_cut) in GeV⁻² at ε = 1; zero at or below E_cut.</summary>
    public double SigmaGeVm2(double leptonGeV)
    {
        if (leptonGeV > MaxGeV * (1 + 1e-12))
            throw new ArgumentOutOfRangeException(nameof(leptonGeV), leptonGeV, $"table ends at {MaxGeV} GeV");
        double f = 1.0 - CutGeV / leptonGeV;
        if (!(f > 0)) return 0.0;
        if (f < MinimumFraction) return _sigmaGeVm2[0] * f / MinimumFraction;
        return Lagrange4(_tau, _sigmaGeVm2, Math.Min(Math.Log(f), _tau[^1]));
    }

    private static double Direct(IDarkProductionModel model, ElementComponent element, double eCut, double tau, DarkParameters unit)
    {
        double e = eCut / (1.0 - Math.Exp(tau));
        return model.CrossSectionAbove(element, Energy.FromGeV(e), eCut / e, unit).InGeVm2;
    }

    /// <summary>Lagrange interpolation through the (up to) 4 nodes around <paramref name="x"/> of an ascending grid.</summary>
    internal static double Lagrange4(double[] xs, double[] ys, double x)
    {
        int n = xs.Length;
        if (n == 1) return ys[0];
        int k = Array.BinarySearch(xs, x);
        if (k < 0) k = ~k;
        int lo = Math.Clamp(k - 2, 0, Math.Max(0, n - 4));
        int hi = Math.Min(n, lo + 4);
        double sum = 0;
        for (int i = lo; i < hi; i++)
        {
            double l = 1;
            for (int j = lo; j < hi; j++)
                if (j != i) l *= (x - xs[j]) / (xs[i] - xs[j]);
            sum += l * ys[i];
        }
        return sum;
    }
}

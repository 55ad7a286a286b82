using Emiss.Core.Constants;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// Exact-tree-level e Z → e Z X with nuclear recoil, φ_q-integrated, for a vector X = A′ (Liu, Morrissey, Yu,
/// PRD 95, 036010 (2017); Liu &amp; Miller, PRD 96, 016004 (2017); Gninenko et al., PLB 782, 406 (2018),
/// arXiv:1712.05706; as in PETITE) or a scalar, pseudoscalar or axial-vector X (the same phase space with the spin-0 or the
/// axial lepton current: docs/physics/dark-production-etl.md#spin-0-amplitudes, #axial-vector-amplitude). Kinematics and amplitude follow
/// docs/physics/dark-production-etl.md#kinematics-and-amplitude term by term, written without catastrophic cancellation.
/// Integration: trapezoid rule on log grids in 1−x, y = 1−cosθ and t (docs/physics/dark-production-etl.md#integration-grids
/// recipe). Results are per atom at ε = 1 (g²/4π = ε²α for every mediator) in GeV⁻².
/// </summary>
public sealed class EtlCalculator
{
    private const double WMin = 1e-9;
    private const double YMin = 1e-18;
    private const double YMax = 2.0;
    private const double TEdge = 1e-9;
    private const int MinXNodes = 16;

    private readonly double[] _y;
    private readonly double[] _yWeight;
    private readonly double _yLogStep;

    /// <summary>Creates a calculator for one grid, lepton mass (GeV; electron by default) and mediator.</summary>
    public EtlCalculator(EtlGrid grid, double leptonMassGeV = PhysicalConstants.ElectronMassGeV, Mediator mediator = Mediator.Vector)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        if (!Enum.IsDefined(mediator)) throw new ArgumentOutOfRangeException(nameof(mediator), mediator, "unknown mediator");
        Grid = grid;
        LeptonMassGeV = leptonMassGeV;
        Mediator = mediator;
        (_y, _yWeight) = LogTrapezoid(YMin, YMax, grid.YNodes);
        _yLogStep = (Math.Log(YMax) - Math.Log(YMin)) / (grid.YNodes - 1);
    }

    /// <summary>The integration grid.</summary>
    public EtlGrid Grid { get; }

    /// <summary>Radiating-lepton mass, GeV.</summary>
    public double LeptonMassGeV { get; }

    /// <summary>The boson whose amplitude is integrated.</summary>
    public Mediator Mediator { get; }

    /// <summary>
    /// One 3-D pass: dσ/dx at nodes of 1−x log-spaced from max(1e-9, m_l/E) to 1 − max(x_min, m/E), with
    /// <see cref="EtlGrid.XNodes"/> nodes over the full range (x_min ≤ m/E) and the same density otherwise.
    /// Parallel over x nodes; each node is written by one task, so the result does not depend on the thread count.
    /// </summary>
    public EtlSpectrum Spectrum(in TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin) =>
        Spectra(ff, leptonGeV, massGeV, xMin, [Mediator])[0];

    /// <summary>
    /// One 3-D pass for several mediators at once (this calculator's grid and lepton mass; its own mediator plays no
    /// part): kinematics, t nodes and form factor are shared and only the amplitude differs, so the pass costs little
    /// more than one. Each spectrum is bit for bit the one <see cref="Spectrum"/> gives for that mediator.
    /// </summary>
    public EtlSpectrum[] Spectra(in TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin, IReadOnlyList<Mediator> mediators)
    {
        ArgumentNullException.ThrowIfNull(mediators);
        if (mediators.Count == 0 || mediators.Distinct().Count() != mediators.Count || mediators.Any(md => !Enum.IsDefined(md)))
            throw new ArgumentException("one or more distinct, defined mediators are needed", nameof(mediators));
        Mediator[] meds = [.. mediators];
        double xFull = massGeV / leptonGeV;
        double xLo = Math.Max(xMin, xFull);
        double wMax = 1.0 - xLo, wFull = 1.0 - xFull;
        // The recipe starts 1−x at 1e-9; below the kinematic threshold w = m_l/E (the outgoing lepton
        // cannot have E′ < m_l) the integrand is zero up to rounding noise, so the grid starts there and
        // spends all its nodes in the physical region.
        double wLo = Math.Max(WMin, LeptonMassGeV / leptonGeV);
        if (!(wMax > wLo * (1 + 1e-6)))
            return [.. meds.Select(_ => new EtlSpectrum([wLo, wLo * (1 + 1e-6)], [0.0, 0.0]))];
        double l0 = Math.Log(wLo), l1 = Math.Log(wMax);
        // XNodes spans the full range (x from m/E); a cut x > x_min keeps the same node density in ln(1−x),
        // hence the same accuracy, with proportionally fewer nodes.
        double fraction = (l1 - l0) / (Math.Log(wFull) - l0);
        int nx = Math.Max(MinXNodes, (int)Math.Ceiling(Grid.XNodes * Math.Min(1.0, fraction)));
        var w = new double[nx];
        var f = new double[meds.Length][];
        for (int j = 0; j < meds.Length; j++) f[j] = new double[nx];
        for (int i = 0; i < nx; i++) w[i] = Math.Exp(l0 + (l1 - l0) * i / (nx - 1));
        w[0] = wLo;
        w[^1] = wMax;
        TsaiFormFactor form = ff;
        Parallel.For(0, nx, i =>
        {
            Span<double> node = stackalloc double[meds.Length];
            DifferentialGeVm2(form, leptonGeV, massGeV, w[i], meds, node);
            for (int j = 0; j < meds.Length; j++) f[j][i] = node[j];
        });
        return [.. f.Select(fj => new EtlSpectrum((double[])w.Clone(), fj))];
    }

    /// <summary>dσ/dx (GeV⁻², ε = 1) at one x: the (y, t) integral of the triple differential.</summary>
    public double DifferentialAt(in TsaiFormFactor ff, double leptonGeV, double massGeV, double x)
    {
        if (x <= 0 || x >= 1) return 0.0;
        Span<double> r = stackalloc double[1];
        DifferentialGeVm2(ff, leptonGeV, massGeV, 1.0 - x, [Mediator], r);
        return r[0];
    }

    /// <summary>σ(x &gt; x_min) in GeV⁻², ε = 1.</summary>
    public double CrossSectionAboveGeVm2(in TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin) =>
        Spectrum(ff, leptonGeV, massGeV, xMin).Integral();

    /// <summary>d²σ/(dx dcosθ) (GeV⁻², ε = 1) at x = 1 − w and y = 1 − cosθ: the t integral alone.</summary>
    public double DoubleDifferentialGeVm2(in TsaiFormFactor ff, double leptonGeV, double massGeV, double w, double y)
    {
        var k = new PointKinematics(leptonGeV, LeptonMassGeV, massGeV, ff.NucleusMassGeV, w);
        if (!k.Valid) return 0.0;
        Span<double> r = stackalloc double[1];
        TIntegral(ff, k, y, Grid.TNodes, [Mediator], r);
        return ProductionKernels.Alpha3 * r[0];
    }

    /// <summary>dσ/dx/α³ summed over y for each mediator into <paramref name="result"/>, then times α³.</summary>
    private void DifferentialGeVm2(in TsaiFormFactor ff, double e, double m, double w, ReadOnlySpan<Mediator> meds, Span<double> result)
    {
        result.Clear();
        var k = new PointKinematics(e, LeptonMassGeV, m, ff.NucleusMassGeV, w);
        if (!k.Valid) return;
        int nt = Grid.TNodes;
        // The integrand is flat in y below the smaller of its two angular scales, y_u = u/(E²x) (where
        // 2pk·y reaches ũ) and y_D = D²/(2pk) (where it reaches D²): nodes below 1e-7 of that scale add
        // < 1e-7 of the integral and are skipped; the grid (and its density) is otherwise the recipe's.
        double x = 1.0 - w;
        double u = m * m * w / x + LeptonMassGeV * LeptonMassGeV * x;
        double yCut = 1e-7 * Math.Min(u / (e * e * x), k.D * k.D / (2.0 * k.P * k.K));
        int j0 = Array.BinarySearch(_y, yCut);
        if (j0 < 0) j0 = Math.Max(0, ~j0 - 1);
        j0 = Math.Min(j0, _y.Length - 2);
        Span<double> node = stackalloc double[meds.Length];
        TIntegral(ff, k, _y[j0], nt, meds, node);
        double w0 = j0 == 0 ? _yWeight[0] : 0.5 * _yLogStep * _y[j0];
        for (int n = 0; n < meds.Length; n++) result[n] = w0 * node[n];
        for (int j = j0 + 1; j < _y.Length; j++)
        {
            TIntegral(ff, k, _y[j], nt, meds, node);
            for (int n = 0; n < meds.Length; n++) result[n] += _yWeight[j] * node[n];
        }
        for (int n = 0; n < meds.Length; n++) result[n] = ProductionKernels.Alpha3 * result[n];
    }

    /// <summary>∫dt of d³σ/(dx dcosθ dt)/α³ at one (x, y) for each mediator into <paramref name="result"/>, trapezoid in
    /// ln t over (t₋, t₊) pulled in by 1e-9.</summary>
    private static void TIntegral(in TsaiFormFactor ff, in PointKinematics k, double y, int nt, ReadOnlySpan<Mediator> meds, Span<double> result)
    {
        result.Clear();
        double e = k.E, ml = k.Ml, m = k.M, bigM = k.BigM, p = k.P, kk = k.K, dp = k.Dp, dk = k.Dk;
        double ePrime = k.EPrime, d = k.D, x = 1.0 - k.W, m2 = m * m, ml2 = ml * ml;
        double pk = p * kk;
        double v2 = d * d + 2.0 * pk * y;
        double v = Math.Sqrt(v2);
        double ut = m2 - 2.0 * (e * dk + x * e * dp - dp * dk) - 2.0 * pk * y;
        double er = ePrime + bigM;
        double delta = ut * ut + 4.0 * bigM * ut * er + 4.0 * bigM * bigM * v2;
        if (!(delta >= 0)) return;
        double den = er * er - v2;
        double qPlus = Math.Abs(v * (ut + 2.0 * bigM * er) + er * Math.Sqrt(delta)) / (2.0 * den);
        double qMinus = Math.Abs(ut * (ut + 4.0 * bigM * er)) / (4.0 * den * qPlus);
        double tPlus = 2.0 * bigM * qPlus * qPlus / (Math.Sqrt(bigM * bigM + qPlus * qPlus) + bigM);
        double tMinus = 2.0 * bigM * qMinus * qMinus / (Math.Sqrt(bigM * bigM + qMinus * qMinus) + bigM);
        double tLo = tMinus * (1.0 + TEdge), tHi = tPlus * (1.0 - TEdge);
        if (!(tHi > tLo) || !(tLo > 0)) return;

        Span<EtlAmplitude> amplitudes = stackalloc EtlAmplitude[meds.Length];
        for (int n = 0; n < meds.Length; n++) amplitudes[n] = EtlAmplitude.For(meds[n], e, ml, m, bigM, k.W, ut);
        double m2Big = bigM * bigM;
        double p2k2y = 4.0 * p * p * kk * kk * y * (2.0 - y) / v2;
        double cosNum0 = (dp - dk) * (ePrime + d) - ml2 - 2.0 * pk * y;
        double cosSlope = 1.0 + ePrime / bigM;
        double inv2v = 0.5 / v;
        double yFactor = 2.0 * p * (d + kk * y) / v;
        double ySlope = 1.0 + e / bigM;
        double inv4M2 = 0.25 / m2Big;

        double lnLo = Math.Log(tLo), h = (Math.Log(tHi) - lnLo) / (nt - 1);
        double ratio = Math.Exp(h);
        double t = tLo;
        for (int i = 0; i < nt; i++, t *= ratio)
        {
            if (i == nt - 1) t = tHi;
            double q2 = t + t * t * inv4M2;
            double q = Math.Sqrt(q2);
            double cosQ = (cosNum0 - t * cosSlope) * inv2v / q;
            if (!(Math.Abs(cosQ) <= 1.0)) continue;
            double yy = -t * ySlope - q * yFactor * cosQ;
            double ww = yy * yy - q2 * p2k2y * (1.0 - cosQ * cosQ);
            if (!(ww > 0)) continue;
            double invSqrtW = 1.0 / Math.Sqrt(ww);
            double weight = (i == 0 || i == nt - 1) ? 0.5 * h : h;
            double g2 = ff.G2(t);
            for (int n = 0; n < amplitudes.Length; n++)
            {
                double phi = amplitudes[n].PhiAveraged(t, yy, invSqrtW);
                // Φ is a squared amplitude (≥ 0). For light nuclei (hydrogen: M ≈ 0.94 GeV) near the edge of
                // phase space its four terms cancel to rounding level and can come out slightly negative; such
                // nodes carry no cross section.
                if (!(phi > 0)) continue;
                result[n] += weight * g2 / t * phi;
            }
        }
        for (int n = 0; n < result.Length; n++) result[n] = result[n] * kk * e / (p * v);
    }

    private static (double[] Nodes, double[] Weights) LogTrapezoid(double lo, double hi, int n)
    {
        var x = new double[n];
        var wt = new double[n];
        double l0 = Math.Log(lo), h = (Math.Log(hi) - l0) / (n - 1);
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Exp(l0 + h * i);
            wt[i] = (i == 0 || i == n - 1 ? 0.5 : 1.0) * h * x[i];
        }
        x[^1] = hi;
        wt[^1] = 0.5 * h * hi;
        return (x, wt);
    }

    /// <summary>x-dependent kinematics of docs/physics/dark-production-etl.md#kinematics-and-amplitude in cancellation-free form.</summary>
    private readonly struct PointKinematics
    {
        public PointKinematics(double e, double ml, double m, double bigM, double w)
        {
            E = e;
            Ml = ml;
            M = m;
            BigM = bigM;
            W = w;
            double xe = (1.0 - w) * e;
            Valid = xe > m && w > 0;
            P = Math.Sqrt((e - ml) * (e + ml));
            K = Valid ? Math.Sqrt((xe - m) * (xe + m)) : 0.0;
            Dp = ml * ml / (e + P);
            Dk = m * m / (xe + K);
            EPrime = w * e;
            D = EPrime - Dp + Dk;
            Valid = Valid && D > 0;
        }

        public double E { get; }
        public double Ml { get; }
        public double M { get; }
        public double BigM { get; }
        public double W { get; }
        public bool Valid { get; }
        public double P { get; }
        public double K { get; }
        public double Dp { get; }
        public double Dk { get; }
        public double EPrime { get; }
        public double D { get; }
    }
}

using Emiss.Core.Random;

namespace Emiss.Detector.Synchrotron;

/// <summary>
/// The universal synchrotron photon-number spectrum dN/dξ ∝ S(ξ) = ∫_ξ^∞ K_{5/3}(z) dz, ξ = ω/ω_c
/// (docs/physics/synchrotron-radiation.md#spectrum-sampling; Jackson §14.6), tabulated once as a cumulative distribution on a log grid and sampled by
/// inversion. K_ν(z) = ∫₀^∞ e^{−z cosh t} cosh(νt) dt is integrated numerically. Below ξ_min the small-argument
/// limit K_ν(z) ≈ ½Γ(ν)(2/z)^ν gives S ∝ ξ^{−2/3}, whose share of photons (≈ 0.6 %, all below 10⁻⁷ ω_c) is
/// sampled analytically. Immutable after construction; share one instance.
/// </summary>
public sealed class SynchrotronSpectrum
{
    private const double XiMin = 1e-7;
    private const double XiMax = 60.0;
    private const int Nodes = 2001;

    private readonly double[] _lnXi = new double[Nodes];
    private readonly double[] _cdf = new double[Nodes];
    private readonly double _lowShare;

    // Guide table of the inversion (Chen and Asau's index table): _guide[k] is the last node with CDF ≤ k/GuideBins, so
    // u in [k, k + 1)/GuideBins lies between nodes _guide[k] and _guide[k + 1] + 1 and the binary search starts there.
    // The node found is the same (the last with CDF ≤ u is unique); GuideBins is a power of two, so u·GuideBins and
    // k/GuideBins are exact.
    private const int GuideBins = 4096;
    private readonly int[] _guide = new int[GuideBins + 1];

    /// <summary>The shared table (immutable).</summary>
    public static SynchrotronSpectrum Instance { get; } = new();

    private SynchrotronSpectrum()
    {
        double h = Math.Log(XiMax / XiMin) / (Nodes - 1);
        var k53 = new double[Nodes];
        for (int i = 0; i < Nodes; i++)
        {
            _lnXi[i] = Math.Log(XiMin) + i * h;
            k53[i] = BesselK(5.0 / 3.0, Math.Exp(_lnXi[i]));
        }
        // S(ξ_i) = ∫_{ξ_i}^{ξmax} K dz, trapezoid in ln z (dz = z d ln z); K(60) ~ e⁻⁶⁰ so the tail is nil.
        var s = new double[Nodes];
        for (int i = Nodes - 2; i >= 0; i--)
        {
            double zi = Math.Exp(_lnXi[i]), zj = Math.Exp(_lnXi[i + 1]);
            s[i] = s[i + 1] + 0.5 * h * (k53[i] * zi + k53[i + 1] * zj);
        }
        // Photons below ξ_min: ∫₀^{ξmin} S dξ with S ∝ ξ^{−2/3} → 3 S(ξmin) ξmin.
        double low = 3.0 * s[0] * XiMin;
        double acc = low;
        _cdf[0] = acc;
        for (int i = 1; i < Nodes; i++)
        {
            double xi = Math.Exp(_lnXi[i - 1]), xj = Math.Exp(_lnXi[i]);
            acc += 0.5 * h * (s[i - 1] * xi + s[i] * xj);
            _cdf[i] = acc;
        }
        TotalIntegral = acc;
        double meanAcc = 0.75 * s[0] * XiMin * XiMin; // ∫₀^{ξmin} ξ S dξ with S ∝ ξ^{−2/3}
        for (int i = 1; i < Nodes; i++)
        {
            double xi = Math.Exp(_lnXi[i - 1]), xj = Math.Exp(_lnXi[i]);
            meanAcc += 0.5 * h * (s[i - 1] * xi * xi + s[i] * xj * xj);
        }
        MeanXi = meanAcc / acc;
        for (int i = 0; i < Nodes; i++) _cdf[i] /= acc;
        _lowShare = _cdf[0];
        for (int k = 0, node = 0; k <= GuideBins; k++)
        {
            double edge = (double)k / GuideBins;
            while (node + 1 < Nodes && _cdf[node + 1] <= edge) node++;
            _guide[k] = node;
        }
    }

    /// <summary>∫₀^∞ S(ξ) dξ from the table (exact: 5π/3 = ∫₀^∞ z K_{5/3}(z) dz).</summary>
    public double TotalIntegral { get; }

    /// <summary>Mean ξ = ⟨ħω⟩/ħω_c from the table (exact: 8/(15√3) = 0.30792).</summary>
    public double MeanXi { get; }

    /// <summary>Fraction of photons with ξ below <paramref name="xi"/> (table CDF).</summary>
    public double CumulativeBelow(double xi)
    {
        if (xi <= XiMin) return _lowShare * Math.Cbrt(Math.Max(xi, 0) / XiMin);
        if (xi >= XiMax) return 1.0;
        double lx = Math.Log(xi);
        int j = Math.Clamp((int)((lx - _lnXi[0]) / (_lnXi[1] - _lnXi[0])), 0, Nodes - 2);
        double f = (lx - _lnXi[j]) / (_lnXi[j + 1] - _lnXi[j]);
        return _cdf[j] + f * (_cdf[j + 1] - _cdf[j]);
    }

    /// <summary>Samples ξ = ω/ω_c of one photon.</summary>
    public double SampleXi(ref EventRng rng)
    {
        double u = rng.NextDouble();
        if (u < _lowShare) return XiMin * Math.Pow(u / _lowShare, 3.0);
        int k = (int)(u * GuideBins);
        int lo = _guide[k], hi = Math.Min(_guide[k + 1] + 1, Nodes - 1);
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_cdf[mid] <= u) lo = mid; else hi = mid;
        }
        double f = (u - _cdf[lo]) / (_cdf[hi] - _cdf[lo]);
        return Math.Exp(_lnXi[lo] + f * (_lnXi[hi] - _lnXi[lo]));
    }

    /// <summary>Modified Bessel function K_ν(z) = ∫₀^∞ e^{−z cosh t} cosh(νt) dt (trapezoid; the integrand is smooth
    /// and decays double-exponentially, so the trapezoid rule converges geometrically).</summary>
    internal static double BesselK(double nu, double z)
    {
        // The sum ends where z cosh t > 60, after ~ln(120/z)/dt terms: bounded for every z > 0, endless for z ≤ 0 or NaN.
        if (!(z > 0)) throw new ArgumentOutOfRangeException(nameof(z), z, "K_ν(z) is evaluated for z > 0 only");
        const double dt = 0.005;
        double sum = 0.5 * Math.Exp(-z);
        for (int k = 1; ; k++)
        {
            double t = k * dt;
            double arg = z * Math.Cosh(t);
            // Beyond z cosh t = 60 the terms are < e⁻⁶⁰ (2·60/z)^ν relative to K_ν ~ (2/z)^ν: negligible.
            if (arg > 60) break;
            sum += Math.Exp(-arg) * Math.Cosh(nu * t);
        }
        return sum * dt;
    }
}

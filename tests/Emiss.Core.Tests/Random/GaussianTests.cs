using Emiss.Core.Random;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Emiss.Core.Tests.Random;

public sealed class GaussianTests
{
    private const int N = 1_000_000;

    [Fact]
    public void NextGaussian_has_the_moments_and_one_sigma_content_of_N01()
    {
        EventRng r = RngStreams.For(11, StreamKind.Toys, 1);
        double s = 0, s2 = 0, s4 = 0;
        int inside = 0;
        for (int i = 0; i < N; i++)
        {
            double z = r.NextGaussian();
            s += z; s2 += z * z; s4 += z * z * z * z;
            if (Math.Abs(z) < 1) inside++;
        }
        AssertStandardNormal(s / N, s2 / N, s4 / N, (double)inside / N);
    }

    [Fact]
    public void NextGaussianPair_gives_two_uncorrelated_N01_variates()
    {
        EventRng r = RngStreams.For(12, StreamKind.Toys, 2);
        double s = 0, s2 = 0, s4 = 0, sxy = 0;
        int inside = 0;
        for (int i = 0; i < N / 2; i++)
        {
            (double x, double y) = r.NextGaussianPair();
            s += x + y; s2 += x * x + y * y; s4 += x * x * x * x + y * y * y * y; sxy += x * y;
            if (Math.Abs(x) < 1) inside++;
            if (Math.Abs(y) < 1) inside++;
        }
        AssertStandardNormal(s / N, s2 / N, s4 / N, (double)inside / N);
        // ⟨xy⟩ = 0 with σ = 1/√(N/2).
        Assert.InRange(sxy / (N / 2), -5 * Math.Sqrt(2.0 / N), 5 * Math.Sqrt(2.0 / N));
    }

    [Fact]
    public void NextGaussian_follows_the_normal_cdf_in_the_core_the_wedges_and_the_tail()
    {
        // Kolmogorov–Smirnov against MathNet's normal CDF (an independent implementation) on 10⁶ draws: the 0.1 % critical
        // value is 1.95/√N = 1.95e-3. The ziggurat's three branches are checked separately: the tail beyond R = 3.654
        // (P = 2.58e-4, Φ from MathNet) and beyond 4.5 (6.80e-6), and a wedge region 2.0–2.2 (P = 0.0177), each within 5σ.
        EventRng r = RngStreams.For(13, StreamKind.Toys, 3);
        var z = new double[N];
        for (int i = 0; i < N; i++) z[i] = r.NextGaussian();
        Array.Sort(z);
        double d = 0;
        for (int i = 0; i < N; i++)
        {
            double cdf = Normal.CDF(0, 1, z[i]);
            d = Math.Max(d, Math.Max(Math.Abs(cdf - (double)i / N), Math.Abs(cdf - (double)(i + 1) / N)));
        }
        Assert.True(d < 1.95e-3, $"KS distance {d}");
        AssertFraction(z, v => Math.Abs(v) > ZigguratNormal.R, 2 * Normal.CDF(0, 1, -ZigguratNormal.R));
        AssertFraction(z, v => Math.Abs(v) > 4.5, 2 * Normal.CDF(0, 1, -4.5));
        AssertFraction(z, v => Math.Abs(v) is > 2.0 and < 2.2, 2 * (Normal.CDF(0, 1, 2.2) - Normal.CDF(0, 1, 2.0)));
        Assert.Equal(z.Length, z.Count(double.IsFinite));
    }

    [Fact]
    public void Ziggurat_layers_have_equal_area_and_close_at_the_mode()
    {
        // Every layer i ≥ 1 is the rectangle [0, x_i] × [f(x_i), f(x_{i+1})] of area V; the base strip (rectangle to R plus
        // the tail, ∫_R^∞ e^{−x²/2} dx = √(π/2) erfc(R/√2)) has the same area; the top layer reaches f = 1 at x = 0.
        double[] x = ZigguratNormal.X, f = ZigguratNormal.F;
        double tail = Math.Sqrt(Math.PI / 2) * 2 * Normal.CDF(0, 1, -ZigguratNormal.R);
        double v = ZigguratNormal.R * f[0] + tail;
        Assert.Equal(v, x[0] * f[0], 1e-9);
        for (int i = 1; i < ZigguratNormal.Layers; i++)
            Assert.True(Math.Abs(x[i] * (f[i + 1] - f[i]) - v) < 1e-6 * v, $"layer {i}: {x[i] * (f[i + 1] - f[i])} vs {v}");
        Assert.Equal(0.0, x[ZigguratNormal.Layers]);
        Assert.Equal(1.0, f[ZigguratNormal.Layers]);
    }

    private static void AssertFraction(double[] z, Func<double, bool> inside, double p)
    {
        double observed = (double)z.Count(inside) / z.Length, sigma = Math.Sqrt(p * (1 - p) / z.Length);
        Assert.True(Math.Abs(observed - p) < 5 * sigma, $"fraction {observed} vs {p} (σ {sigma})");
    }

    private static void AssertStandardNormal(double mean, double m2, double m4, double oneSigma)
    {
        // 5σ bands for 1e6 draws: σ(mean) = 1e-3, σ(⟨z²⟩) = √2·1e-3, σ(⟨z⁴⟩) = √96·1e-3,
        // σ(fraction) = √(p(1−p)/N) = 4.7e-4 around p = erf(1/√2) = 0.682689492137 (Abramowitz & Stegun 26.2).
        Assert.InRange(mean, -5e-3, 5e-3);
        Assert.InRange(m2, 1 - 5 * 1.414e-3, 1 + 5 * 1.414e-3);
        Assert.InRange(m4, 3 - 5 * 9.80e-3, 3 + 5 * 9.80e-3);
        Assert.InRange(oneSigma, 0.682689492137 - 5 * 4.7e-4, 0.682689492137 + 5 * 4.7e-4);
    }
}

using Emiss.Core.Random;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Tables;

/// <summary>θ sampling against the closed-form angular density of docs/physics/dark-production-ww.md#formula, docs/physics/aprime-emission.md#angle-sampling (numerical CDF in ln U).</summary>
public sealed class EmissionAngleSamplerTests
{
    [Theory]
    [InlineData(80.0, 0.9, 0.010)]
    [InlineData(100.0, 0.999, 0.100)]
    [InlineData(60.0, 0.6, 0.001)]
    public void QuantilesFollowTheDensity(double e, double x, double m)
    {
        const double me = 0.51099895e-3;
        double w = 1 - x, u = m * m * w / x + me * me * x;
        double a = 1 - x + 0.5 * x * x, b = x * w * (m * m + 2 * me * me), c = w * w * (m * m + 2 * me * me) * (m * m + me * me * x * x / w);
        double scale = e * e * x, uMax = u + scale * 0.01;
        // CDF of f(U) = A/U² − B/U³ + C/U⁴ by trapezoid in ln U on 20 000 nodes.
        const int k = 20_000;
        var lnU = new double[k + 1];
        var cdf = new double[k + 1];
        double l0 = Math.Log(u), l1 = Math.Log(uMax);
        double F(double uu) => uu * (a / (uu * uu) - b / (uu * uu * uu) + c / (uu * uu * uu * uu));
        for (int i = 0; i <= k; i++) lnU[i] = l0 + (l1 - l0) * i / k;
        for (int i = 1; i <= k; i++) cdf[i] = cdf[i - 1] + 0.5 * (lnU[i] - lnU[i - 1]) * (F(Math.Exp(lnU[i])) + F(Math.Exp(lnU[i - 1])));
        double Quantile(double q)
        {
            double t = q * cdf[k];
            int i = Array.FindIndex(cdf, v => v >= t);
            double uu = Math.Exp(lnU[i - 1] + (lnU[i] - lnU[i - 1]) * (t - cdf[i - 1]) / (cdf[i] - cdf[i - 1]));
            return Math.Sqrt((uu - u) / scale);
        }
        var rng = RngStreams.For(4, StreamKind.Signal, 0);
        const int n = 40_000;
        var th = new double[n];
        for (int i = 0; i < n; i++) th[i] = EmissionAngleSampler.SampleTheta(e, x, m, ref rng);
        Array.Sort(th);
        foreach (double q in new[] { 0.25, 0.5, 0.75 })
        {
            double expected = Quantile(q), got = th[(int)(q * n)];
            // Quantile statistical error at n = 40 000 is < 1 % for these smooth densities; 3 % allowed.
            Assert.True(Math.Abs(got / expected - 1) < 0.03, $"θ quantile {q}: sampled {got:E4}, density {expected:E4}");
        }
        // Collinearity (docs/physics/dark-production.md#kinematics): the median angle is of order max(√(m m_e), m^{3/2}/√E)/E, i.e. ≪ 1 mrad at these energies.
        Assert.True(th[n / 2] < 1e-3);
    }
}

using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Random;

/// <summary>The normal distribution conditioned on X ≥ a against its closed-form moments: E[X | X ≥ a] = λ = φ(a)/Q(a),
/// Var = 1 + aλ − λ² (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., §13.10.1),
/// and the fraction beyond a + ½, Q(a + ½)/Q(a). Reference values from erfc to double precision.</summary>
public sealed class GaussianTailTests
{
    private const int N = 200_000;

    [Theory]
    // a, λ, Var, Q(a + ½)/Q(a)
    [InlineData(3.0, 3.283098654930434, 0.0705591867852764, 0.17233085283827643)]
    [InlineData(-1.0, 0.2875999709391784, 0.6296862857766055, 0.8218539005622801)]
    public void NextGaussianTail_has_the_truncated_normal_mean_variance_and_shape(double a, double mean, double variance, double beyondHalf)
    {
        EventRng r = RngStreams.For(17, StreamKind.Toys, (ulong)(a + 10));
        double s = 0, s2 = 0, min = double.PositiveInfinity;
        int beyond = 0;
        for (int i = 0; i < N; i++)
        {
            double z = r.NextGaussianTail(a);
            s += z; s2 += z * z; min = Math.Min(min, z);
            if (z >= a + 0.5) beyond++;
        }
        double m = s / N, v = s2 / N - m * m, sd = Math.Sqrt(variance);
        Assert.True(min >= a, $"a draw {min} below the tail's lower end {a}");
        Tolerance.Abs(5 * sd / Math.Sqrt(N), "5σ of the sample mean").AssertClose(mean, m, $"E[X | X ≥ {a}]");
        // σ(sample variance) ≈ Var·√(2/N) (a normal-like shape; the tail's is less kurtotic): 5σ.
        Tolerance.Abs(5 * variance * Math.Sqrt(2.0 / N), "5σ of the sample variance").AssertClose(variance, v, $"Var[X | X ≥ {a}]");
        Tolerance.Abs(5 * Math.Sqrt(beyondHalf * (1 - beyondHalf) / N), "5σ binomial").AssertClose(beyondHalf, (double)beyond / N, $"P(X ≥ {a} + ½ | X ≥ {a})");
    }

    [Fact]
    public void NextGaussianTail_is_reproducible_and_rejects_an_infinite_end()
    {
        EventRng r1 = RngStreams.For(5, StreamKind.Toys, 9), r2 = RngStreams.For(5, StreamKind.Toys, 9);
        for (int i = 0; i < 100; i++) Assert.Equal(r1.NextGaussianTail(3), r2.NextGaussianTail(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => r1.NextGaussianTail(double.PositiveInfinity));
    }

    [Theory]
    // Q(x) = ½ erfc(x/√2) to double precision (Abramowitz & Stegun 26.2.17 tabulates the same digits it has).
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(3.0, 0.0013498980316300957)]
    [InlineData(5.0, 2.866515718791946e-07)]
    [InlineData(10.0, 7.619853024160593e-24)]
    [InlineData(-3.0, 0.9986501019683699)]
    public void NormalUpperTail_matches_erfc(double x, double q) =>
        Tolerance.Rel(2e-7, "NR erfcc: fractional error < 1.2e-7 (Numerical Recipes 2nd ed. §6.2), with rounding margin")
            .AssertClose(q, SpecialFunctions.NormalUpperTail(x), $"Q({x})");
}

using Emiss.Core.Random;
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

using Emiss.Backgrounds.PseudoData;
using Emiss.Core.Random;
using Xunit;

namespace Emiss.Backgrounds.Tests.PseudoData;

public class PoissonCountsTests
{
    [Theory]
    [InlineData(3.7)]
    [InlineData(2.5e6)] // beyond one NextPoisson draw: summed parts
    public void Mean_and_variance_equal_the_Poisson_mean(double mean)
    {
        const int n = 400;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(7, StreamKind.PseudoData, (ulong)i);
            double k = PoissonCounts.Draw(mean, ref r);
            sum += k;
            sum2 += k * k;
        }
        double m = sum / n, v = sum2 / n - m * m;
        // Sample mean: σ = √(mean/n); sample variance of a Poisson: σ_v ≈ mean·√(2/n) (Gaussian limit, plus 1/n for small means).
        Assert.InRange(m, mean - 4 * Math.Sqrt(mean / n), mean + 4 * Math.Sqrt(mean / n));
        Assert.InRange(v, mean * (1 - 4 * Math.Sqrt(2.0 / n + 1.0 / (mean * n))), mean * (1 + 4 * Math.Sqrt(2.0 / n + 1.0 / (mean * n))));
    }

    [Fact]
    public void Negative_or_huge_means_are_rejected()
    {
        EventRng r = RngStreams.For(7, StreamKind.PseudoData, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => { EventRng q = r; PoissonCounts.Draw(-1, ref q); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { EventRng q = r; PoissonCounts.Draw(double.NaN, ref q); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { EventRng q = r; PoissonCounts.Draw(2e15, ref q); });
    }
}

using Emiss.Core.Random;
using Emiss.Testing;
using Xunit;
using Xunit.Sdk;

namespace Emiss.Core.Tests.Testing;

/// <summary>The χ² shape test used by the per-process tests must accept the right density and reject a slightly wrong one.</summary>
public sealed class SampledDistributionTests
{
    private static double[] Exponential(int n)
    {
        var v = new double[n];
        EventRng rng = RngStreams.For(99, StreamKind.Shower, 0);
        for (int i = 0; i < n; i++) v[i] = -Math.Log(rng.NextDoubleOpenZero());
        return v;
    }

    [Fact]
    public void Accepts_the_true_density_on_a_sub_range_and_rejects_a_five_percent_slope_error()
    {
        double[] x = Exponential(100_000);
        double[] edges = SampledDistribution.Linear(0.5, 3.0, 20);
        long inside = SampledDistribution.AssertMatches(x, edges, t => 3.7 * Math.Exp(-t), "exponential");
        Assert.InRange(inside, 50_000, 60_000);   // e^−0.5 − e^−3 = 0.557 of the samples
        Assert.Throws<XunitException>(() => SampledDistribution.AssertMatches(x, edges, t => Math.Exp(-1.05 * t), "exponential with slope 1.05"));
    }
}

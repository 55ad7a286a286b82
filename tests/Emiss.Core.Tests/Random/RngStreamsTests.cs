using CsCheck;
using Emiss.Core.Random;
using Xunit;

namespace Emiss.Core.Tests.Random;

public class RngStreamsTests
{
    [Fact]
    public void SplitMix64_matches_reference_output()
    {
        // Vigna's splitmix64.c with state 0: first output is 0xE220A8397B1DCDAF.
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Mix(0));
    }

    [Fact]
    public void Same_seed_stream_and_index_give_identical_sequences() =>
        Gen.Select(Gen.ULong, Gen.ULong).Sample((seed, index) =>
        {
            EventRng a = RngStreams.For(seed, StreamKind.Shower, index), b = RngStreams.For(seed, StreamKind.Shower, index);
            for (int i = 0; i < 16; i++) if (a.NextUInt64() != b.NextUInt64()) return false;
            return true;
        });

    [Fact]
    public void Different_streams_and_indices_give_different_sequences()
    {
        EventRng a = RngStreams.For(1, StreamKind.Shower, 0), b = RngStreams.For(1, StreamKind.Beam, 0), c = RngStreams.For(1, StreamKind.Shower, 1);
        ulong x = a.NextUInt64(), y = b.NextUInt64(), z = c.NextUInt64();
        Assert.NotEqual(x, y);
        Assert.NotEqual(x, z);
    }

    [Fact]
    public void Uniform_mean_and_variance_are_those_of_U01()
    {
        // 1e6 draws: mean 1/2 ± 5σ (σ = sqrt(1/12/n) = 2.9e-4), variance 1/12 ± 1e-3.
        EventRng r = RngStreams.For(42, StreamKind.Toys, 7);
        const int n = 1_000_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) { double u = r.NextDouble(); Assert.InRange(u, 0.0, 1.0 - 1e-17); s += u; s2 += u * u; }
        double mean = s / n, variance = s2 / n - mean * mean;
        Assert.InRange(mean, 0.5 - 5 * 2.9e-4, 0.5 + 5 * 2.9e-4);
        Assert.InRange(variance, 1.0 / 12 - 1e-3, 1.0 / 12 + 1e-3);
    }

    [Fact]
    public void Poisson_mean_matches_for_small_and_large_means()
    {
        foreach (double mu in new[] { 0.15, 3.0, 75.0 })
        {
            EventRng r = RngStreams.For(3, StreamKind.Toys, (ulong)(mu * 100));
            const int n = 200_000;
            double s = 0;
            for (int i = 0; i < n; i++) s += r.NextPoisson(mu);
            double sigmaMean = Math.Sqrt(mu / n);
            Assert.InRange(s / n, mu - 5 * sigmaMean, mu + 5 * sigmaMean);
        }
    }
}

using Emiss.Shower.Scoring;
using Xunit;

namespace Emiss.Shower.Tests.Scoring;

public class LogBinEdgesTests
{
    [Fact]   // closed form: edge b is 0.1 MeV × 10^(b/10); the bisection lands within rounding of it (tolerance 1e-12 relative)
    public void Edges_are_the_decade_fractions()
    {
        for (int b = 0; b <= TrackLengthBins.LogBins; b++)
        {
            double expected = TrackLengthBins.LogMinGeV * Math.Pow(10.0, b / 10.0);
            Assert.True(Math.Abs(LogBinEdges.Edges[b] / expected - 1.0) < 1e-12, $"edge {b}: {LogBinEdges.Edges[b]:R} vs {expected:R}");
        }
    }

    [Fact]   // the look-up returns the formula's bin on the 4 097 doubles around every edge (where a rounding difference would show)
    public void Look_up_equals_the_formula_around_every_edge()
    {
        for (int b = 0; b <= TrackLengthBins.LogBins; b++)
        {
            long bits = BitConverter.DoubleToInt64Bits(LogBinEdges.Edges[b]);
            for (long d = -2048; d <= 2048; d++)
            {
                double e = BitConverter.Int64BitsToDouble(bits + d);
                Assert.Equal(TrackLengthBins.ExactLogBin(e), TrackLengthBins.LogBin(e));
            }
        }
    }

    [Fact]   // and on 10⁶ energies log-uniform over 1 keV–100 TeV, inside and outside the spectrum
    public void Look_up_equals_the_formula_on_random_energies()
    {
        var rng = new Random(13);
        for (int i = 0; i < 1_000_000; i++)
        {
            double e = Math.Pow(10.0, -6.0 + 11.0 * rng.NextDouble());
            Assert.Equal(TrackLengthBins.ExactLogBin(e), TrackLengthBins.LogBin(e));
        }
        foreach (double e in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity, double.Epsilon })
            Assert.Equal(TrackLengthBins.ExactLogBin(e), TrackLengthBins.LogBin(e));
    }
}

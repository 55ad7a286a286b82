using Emiss.Analysis.Efficiency;
using Emiss.Core.Units;
using Xunit;

namespace Emiss.Analysis.Tests;

public class LogMassInterpolatedEfficiencyTests
{
    private static readonly LogMassInterpolatedEfficiency Seed = new([1, 1000], [0.69, 0.55], "seed");

    [Fact]
    public void Reproduces_the_nodes_and_holds_beyond_them()
    {
        Assert.Equal(0.69, Seed.At(Mass.FromMeV(1)), 12);
        Assert.Equal(0.55, Seed.At(Mass.FromMeV(1000)), 12);
        Assert.Equal(0.69, Seed.At(Mass.FromMeV(0.1)), 12);
        Assert.Equal(0.55, Seed.At(Mass.FromMeV(5000)), 12);
    }

    [Fact]
    public void Is_linear_in_log_mass_between_nodes()
    {
        // sqrt(1·1000) = 31.62 MeV is halfway in ln m: (0.69 + 0.55)/2 = 0.62.
        Assert.Equal(0.62, Seed.At(Mass.FromMeV(Math.Sqrt(1000))), 10);
    }

    [Theory]
    [InlineData(new[] { 10.0, 1.0 }, new[] { 0.5, 0.5 })]
    [InlineData(new[] { 1.0, 10.0 }, new[] { 0.5, 1.5 })]
    [InlineData(new[] { 1.0 }, new[] { 0.5, 0.6 })]
    public void Rejects_bad_tables(double[] m, double[] e) =>
        Assert.Throws<ArgumentException>(() => new LogMassInterpolatedEfficiency(m, e, "bad"));
}

using Emiss.Stats.Results;
using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests;

public class CouplingLimitTests
{
    [Fact]
    public void Coupling_limit_reproduces_the_signal_limit_when_squared()
    {
        // PHYSICS.md §5.3: N = g² S₁, so g_up² · S₁ must give back s_up.
        double[] s1 = [1e-3, 2.7e5, 4.6e9];
        var g = new double[3];
        CouplingLimit.FromSignalScale(Math.Log(10.0), s1, g);
        for (int i = 0; i < s1.Length; i++)
            Tolerance.Rel(1e-15, "identity").AssertClose(Math.Log(10.0), g[i] * g[i] * s1[i], $"g²S₁ at S₁={s1[i]}");
        // ε90 at S₁ = 2.303e6 events per ε² is 1e-3 exactly.
        Tolerance.Rel(1e-15, "sqrt(2.302585/2.302585e6)").AssertClose(1e-3, CouplingLimit.FromSignalScale(Math.Log(10.0), Math.Log(10.0) * 1e6), "g_up");
    }

    [Fact]
    public void No_sensitivity_gives_no_limit_and_bad_inputs_throw()
    {
        Assert.Equal(double.PositiveInfinity, CouplingLimit.FromSignalScale(2.3, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CouplingLimit.FromSignalScale(2.3, -1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CouplingLimit.FromSignalScale(double.NaN, 1.0));
        Assert.Throws<ArgumentException>(() => CouplingLimit.FromSignalScale(2.3, new double[2], new double[3]));
    }

    [Fact]
    public void Bands_map_edge_by_edge()
    {
        var bands = new ExpectedLimitBands(1, 4, 9, 16, 25, 10, [0, 1, 2, 3, 4]);
        var g = CouplingLimit.FromSignalScale(bands, 1.0);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], new[] { g.Minus2Sigma, g.Minus1Sigma, g.Median, g.Plus1Sigma, g.Plus2Sigma });
        Assert.Equal(bands.QuantileCounts, g.QuantileCounts);
    }
}

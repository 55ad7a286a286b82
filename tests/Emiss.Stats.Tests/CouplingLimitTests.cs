using Emiss.Stats.Results;
using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests;

public class CouplingLimitTests
{
    [Fact]
    public void At_the_coupling_limit_a_zero_count_experiment_has_a_ten_percent_chance()
    {
        // What g_up means (docs/physics/statistics.md#exclusion-contour, N(g) = g² S₁): with no events observed and no background, the classical
        // 90 % CL signal limit is 2.30 events (PDG Review "Statistics", Table 40.3), and at g = g_up the expected
        // signal g_up² S₁ leaves a 10 % chance of seeing nothing. A limit that scaled N with g instead of g², or used
        // another level, fails here.
        const double pdgUpperLimit = 2.3026;   // PDG Table 40.3: 2.30 for n = 0, b = 0 at 90 % CL (= ln 10)
        double[] s1 = [1e-3, 2.7e5, 4.6e9];
        var g = new double[3];
        CouplingLimit.FromSignalScale(pdgUpperLimit, s1, g);
        for (int i = 0; i < s1.Length; i++)
            Tolerance.Abs(1e-5, "PDG value given to 5 digits").AssertClose(0.10, Poisson.Pmf(0, g[i] * g[i] * s1[i]), $"P(n = 0 | g_up) at S₁ = {s1[i]}");
        // A 100× larger signal scale tightens the coupling limit 10×, not 100× (N ∝ g²).
        Tolerance.Rel(1e-12, "N ∝ g²").AssertClose(10.0, CouplingLimit.FromSignalScale(pdgUpperLimit, 1e4) / CouplingLimit.FromSignalScale(pdgUpperLimit, 1e6), "g_up(S₁)/g_up(100 S₁)");
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

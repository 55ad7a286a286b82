using Emiss.Analysis.Systematics;
using Xunit;

namespace Emiss.Analysis.Tests.Systematics;

/// <summary>Quadrature combination and the cross-check rule of the signal-yield systematic.</summary>
public sealed class SystematicsCombinationTests
{
    private static SystematicComponent C(string name, double value) => new(name, value, value, 0, "test");

    [Fact]
    public void Components_add_in_quadrature_as_the_seeds_ten_and_fifteen_percent()
    {
        // Seed (PRL 118, 011802 (2017), p. 4): 10 % (two yield calculations) and 15 % (dimuon data/MC); √(0.1² + 0.15²) = 0.180277563773199...
        Assert.Equal(0.18027756377319946, SystematicsCombination.Quadrature([C("a", 0.10), C("b", 0.15)]), 15);
        // 3-4-5 and 5-12-13 triangles: √(0.03² + 0.04² + 0.12²) = 0.13.
        Assert.Equal(0.13, SystematicsCombination.Quadrature([C("a", 0.03), C("b", 0.04), C("c", 0.12)]), 15);
        Assert.Equal(0.0, SystematicsCombination.Quadrature([]));
        Assert.Throws<ArgumentException>(() => SystematicsCombination.Quadrature([C("a", -0.1)]));
        Assert.Throws<ArgumentException>(() => SystematicsCombination.Quadrature([C("a", double.NaN)]));
    }

    [Fact]
    public void A_cross_check_assigns_only_the_difference_beyond_its_statistical_error()
    {
        // √(0.5² − 0.3²) = 0.4 whatever the sign of the difference.
        Assert.Equal(0.4, SystematicsCombination.ExcessOverStatistics(0.5, 0.3), 15);
        Assert.Equal(0.4, SystematicsCombination.ExcessOverStatistics(-0.5, 0.3), 15);
        // Consistent with statistics: a passed check, no systematic.
        Assert.Equal(0.0, SystematicsCombination.ExcessOverStatistics(0.1, 0.2));
        Assert.Equal(0.0, SystematicsCombination.ExcessOverStatistics(0.2, 0.2));
        // No statistical error: the observed difference itself.
        Assert.Equal(0.15, SystematicsCombination.ExcessOverStatistics(0.15, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SystematicsCombination.ExcessOverStatistics(0.1, -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => SystematicsCombination.ExcessOverStatistics(double.NaN, 0.1));
    }

    [Fact]
    public void Dimuon_benchmark_compares_the_count_with_the_expectation_and_its_Poisson_and_Monte_Carlo_errors()
    {
        // 120 observed, μ = 100 ± 5: δ = 0.2, σ = √(100 + 25)/100 = 0.111803..., value √(0.04 − 0.0125) = √0.0275.
        SystematicComponent c = DataMonteCarloComparison.Component(120, 100, 5, 0.97, "sel");
        Assert.Equal(DataMonteCarloComparison.Name, c.Name);
        Assert.Equal(0.2, c.Observed, 14);
        Assert.Equal(Math.Sqrt(125) / 100, c.StatError, 14);
        Assert.Equal(Math.Sqrt(0.0275), c.Value, 14);
        Assert.Contains("120 events", c.Definition, StringComparison.Ordinal);
        // 95 observed of 100 ± 0: δ = −0.05 within σ = 0.1, no systematic. An empty sample is still a comparison (δ = −1).
        Assert.Equal(0.0, DataMonteCarloComparison.Component(95, 100, 0, 1, "sel").Value);
        Assert.Equal(-1.0, DataMonteCarloComparison.Component(0, 100, 0, 1, "sel").Observed);
        Assert.Throws<ArgumentException>(() => DataMonteCarloComparison.Component(3, 0, 0, 0, "sel"));
    }

    [Fact]
    public void Efficiency_statistics_is_the_largest_relative_binomial_error()
    {
        // σ/ε: 0.01/0.5 = 0.02, 0.012/0.3 = 0.04, 0.02/0.8 = 0.025.
        SystematicComponent c = EfficiencyStatistics.Component([(1, 4000, 0.5, 0.01), (100, 4000, 0.3, 0.012), (1000, 4000, 0.8, 0.02)]);
        Assert.Equal(EfficiencyStatistics.Name, c.Name);
        Assert.Equal(0.04, c.Value, 15);
        Assert.Contains("m = 100 MeV", c.Definition, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => EfficiencyStatistics.Relative(0, 0.01));
        Assert.Throws<ArgumentException>(() => EfficiencyStatistics.Component([]));
    }
}

using Emiss.Stats.Nuisance;
using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests.Validation;

/// <summary>Expected limits at b = 0.15 (docs/physics/statistics.md#expected-limits "Expected limits").</summary>
public class ExpectedLimitsTests
{
    private static readonly Tolerance Four = Tolerance.Abs(1e-4, "docs/physics/statistics.md#expected-limits expected limits, 4 decimals");

    [Fact]
    public void Background_0_15_bands_collapse_except_plus_two_sigma()
    {
        var calc = new CountingLimitCalculator(new CountingModel(0.15));
        var e90 = calc.ExpectedLimits(0.90);
        Assert.Equal(new[] { 0, 0, 0, 0, 1 }, e90.QuantileCounts);
        Four.AssertClose(2.3026, e90.Minus2Sigma, "−2σ s90");
        Four.AssertClose(2.3026, e90.Minus1Sigma, "−1σ s90");
        Four.AssertClose(2.3026, e90.Median, "median s90");
        Four.AssertClose(2.3026, e90.Plus1Sigma, "+1σ s90");
        Four.AssertClose(3.7526, e90.Plus2Sigma, "+2σ s90");
        Four.AssertClose(2.5197, e90.Mean, "mean expected s90");

        var e95 = calc.ExpectedLimits(0.95);
        Four.AssertClose(2.9957, e95.Median, "median s95");
        Four.AssertClose(4.6063, e95.Plus2Sigma, "+2σ s95");
    }

    [Fact]
    public void Poisson_probabilities_quoted_for_the_quantiles()
    {
        // docs/physics/statistics.md#expected-limits: P(n=0) = 0.860708, P(n<=1) = 0.989814, P(n<=2) = 0.999497 at b = 0.15.
        var tol = Tolerance.Abs(1e-6, "values printed to 6 decimals");
        tol.AssertClose(0.860708, Poisson.Cdf(0, 0.15), "P(n=0)");
        tol.AssertClose(0.989814, Poisson.Cdf(1, 0.15), "P(n<=1)");
        tol.AssertClose(0.999497, Poisson.Cdf(2, 0.15), "P(n<=2)");
    }

    [Fact]
    public void Quantiles_are_discrete_for_a_larger_background()
    {
        // b = 3: CDF = 0.0498, 0.1991, 0.4232, 0.6472, 0.8153, 0.9161, 0.9665, 0.9881 for n = 0..7, so the
        // 2.275/15.87/50/84.13/97.725% quantiles are n = 0, 1, 3, 5, 7 (first n with CDF ≥ p, no interpolation).
        var calc = new CountingLimitCalculator(new CountingModel(3.0));
        var e = calc.ExpectedLimits(0.90);
        Assert.Equal(new[] { 0, 1, 3, 5, 7 }, e.QuantileCounts);
        var exact = Tolerance.Rel(1e-12, "band edge is the observed limit at that n");
        exact.AssertClose(calc.UpperLimit(3, 0.90), e.Median, "median = s_up(n=3)");
        Four.AssertClose(6.4371, calc.UpperLimit(5, 0.90), "s_up(5, b=3) (table)");
        exact.AssertClose(calc.UpperLimit(5, 0.90), e.Plus1Sigma, "+1σ = s_up(n=5)");
    }

    [Fact]
    public void Compute_bundles_observed_expected_and_convention()
    {
        var su = new YieldUncertainty(0.19, YieldSpreadShape.LogNormalMeanOne);
        var r = new CountingLimitCalculator(new CountingModel(0.15, su)).Compute(0, 0.90);
        TableCheck(r.Observed);
        Assert.NotNull(r.Expected);
        Assert.Equal(r.Observed, r.Expected!.Median, 12);
        Assert.Equal(LimitMethod.Cls, r.Method);
        Assert.Equal(0.90, r.ConfidenceLevel);
        Assert.Contains("log-normal k, mean 1", r.Convention, StringComparison.Ordinal);
        Assert.Contains("19%", r.Convention, StringComparison.Ordinal);
        Assert.Contains("90% CL", r.Convention, StringComparison.Ordinal);
    }

    private static void TableCheck(double s) =>
        Four.AssertClose(2.3982, s, "CH mean-1 log-normal σ=0.19, n=0 (docs/physics/statistics.md#cousins-highland)");
}

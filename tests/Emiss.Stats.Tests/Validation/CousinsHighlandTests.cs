using Emiss.Stats.Nuisance;
using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests.Validation;

/// <summary>Signal-yield systematic (Cousins–Highland): docs/physics/statistics.md#cousins-highland table.</summary>
public class CousinsHighlandTests
{
    private static readonly Tolerance TableTolerance =
        Tolerance.Abs(1e-4, "docs/physics/statistics.md#cousins-highland Cousins–Highland table (σ = 0.19, trapezoid z ∈ [−8, 8], 4001 points), 4 decimals");

    public static TheoryData<YieldSpreadShape, double, double, double, double> Table => new()
    {
        // shape, n=0 s90, n=0 s95, (n=1, b=0.5) s90, s95
        { YieldSpreadShape.LogNormalMeanOne, 2.3982, 3.1577, 3.6747, 4.6296 },
        { YieldSpreadShape.LogNormalMedianOne, 2.3571, 3.1041, 3.6119, 4.5516 },
        { YieldSpreadShape.TruncatedGaussian, 2.4072, 3.1780, 3.6902, 4.6659 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Reproduces_the_reference_table(YieldSpreadShape shape, double n0s90, double n0s95, double n1s90, double n1s95)
    {
        var su = new YieldUncertainty(0.19, shape);
        foreach (double b in new[] { 0.0, 0.15, 2.0 })
        {
            var calc = new CountingLimitCalculator(new CountingModel(b, su));
            TableTolerance.AssertClose(n0s90, calc.UpperLimit(0, 0.90), $"{shape} n=0 b={b} s90");
            TableTolerance.AssertClose(n0s95, calc.UpperLimit(0, 0.95), $"{shape} n=0 b={b} s95");
        }
        var c1 = new CountingLimitCalculator(new CountingModel(0.5, su));
        TableTolerance.AssertClose(n1s90, c1.UpperLimit(1, 0.90), $"{shape} n=1 b=0.5 s90");
        TableTolerance.AssertClose(n1s95, c1.UpperLimit(1, 0.95), $"{shape} n=1 b=0.5 s95");
    }

    [Theory]
    [InlineData(0.10, 2.3291)]
    [InlineData(0.30, 2.5407)]
    public void Mean_one_log_normal_at_other_widths(double sigma, double expected)
    {
        // docs/physics/statistics.md#cousins-highland: mean-1 log-normal, n = 0: σ = 0.10 → 2.3291, σ = 0.30 → 2.5407.
        var calc = new CountingLimitCalculator(new CountingModel(0.15, new YieldUncertainty(sigma, YieldSpreadShape.LogNormalMeanOne)));
        TableTolerance.AssertClose(expected, calc.UpperLimit(0, 0.90), $"s90 at σ={sigma}");
    }

    [Theory]
    [InlineData(0.10, 2.33)]
    [InlineData(0.15, 2.37)]
    [InlineData(0.19, 2.41)]
    [InlineData(0.25, 2.50)]
    public void Closed_form_at_zero_observed_matches_paper_values_and_the_numerical_average(double sigma, double printed)
    {
        // docs/physics/statistics.md#cousins-highland: N90 = [1 − sqrt(1 − 2σ² ln10)]/σ²; σ = 0.10, 0.15, 0.19, 0.25 → 2.33, 2.37, 2.41, 2.50.
        double closed = CousinsHighland.UpperLimitAtZeroObserved(sigma, 0.90);
        Tolerance.Abs(0.005, "docs/physics/statistics.md#cousins-highland values printed to 2 decimals").AssertClose(printed, closed, $"closed form σ={sigma}");
        double direct = (1.0 - Math.Sqrt(1.0 - 2.0 * sigma * sigma * Math.Log(10.0))) / (sigma * sigma);
        Tolerance.Rel(1e-12, "algebraically identical form").AssertClose(direct, closed, "closed form rearranged");
        // The closed form is exact for an untruncated Gaussian k. Truncation at k > 0 removes the tilted tail
        // mass Φ(σs − 1/σ): 8e-7 at σ = 0.19 but 4e-4 at σ = 0.25, hence the two tolerances.
        var numeric = new CountingLimitCalculator(new CountingModel(0.0, new YieldUncertainty(sigma, YieldSpreadShape.TruncatedGaussian)));
        Tolerance.Rel(sigma <= 0.19 ? 1e-5 : 1e-3, "Gaussian average of e^{-ks} is e^{-s+s²σ²/2}; truncation tail Φ(σs − 1/σ)")
            .AssertClose(closed, numeric.UpperLimit(0, 0.90), $"numerical truncated Gaussian σ={sigma}");
    }

    [Fact]
    public void Second_order_analytic_approximation_at_sigma_0_19()
    {
        // docs/physics/statistics.md#cousins-highland: e^{-s}(1 + s²σ²/2) = 0.1 gives 2.4016; our TG limit lies within 0.01 of it.
        const double sigma = 0.19;
        double s = new CountingLimitCalculator(new CountingModel(0.0, new YieldUncertainty(sigma, YieldSpreadShape.TruncatedGaussian))).UpperLimit(0, 0.90);
        Tolerance.Abs(0.01, "second-order expansion of E[e^{-(k-1)s}] (docs/physics/statistics.md#cousins-highland)")
            .AssertClose(2.4016, s, "s90 vs second-order form");
    }

    [Theory]
    [InlineData(YieldSpreadShape.LogNormalMeanOne)]
    [InlineData(YieldSpreadShape.TruncatedGaussian)]
    public void Background_uncertainty_cancels_at_zero_observed(YieldSpreadShape shape)
    {
        // docs/physics/statistics.md#cousins-highland: a background uncertainty cancels exactly in CLs at n = 0 (e^{-k_b b} divides out).
        // Seed numbers: b = 0.15 ± 0.03 ± 0.06 → relative 0.447.
        var bu = new YieldUncertainty(0.447, shape);
        var plain = new CountingLimitCalculator(new CountingModel(0.15));
        var withBg = new CountingLimitCalculator(new CountingModel(0.15, null, bu));
        var tol = Tolerance.Rel(1e-9, "exact cancellation at n = 0, bisection precision");
        tol.AssertClose(plain.UpperLimit(0, 0.90), withBg.UpperLimit(0, 0.90), "s90 n=0 with background spread");
        var su = new YieldUncertainty(0.19, YieldSpreadShape.LogNormalMeanOne);
        tol.AssertClose(new CountingLimitCalculator(new CountingModel(0.15, su)).UpperLimit(0, 0.90),
            new CountingLimitCalculator(new CountingModel(0.15, su, bu)).UpperLimit(0, 0.90), "CH s90 n=0 with background spread");

        // At n = 1 it does not cancel: the spread makes low backgrounds likelier, so CL_b and the limit move.
        double n1Plain = plain.UpperLimit(1, 0.90);
        double n1Bg = withBg.UpperLimit(1, 0.90);
        Assert.True(Math.Abs(n1Bg - n1Plain) > 1e-4, $"background spread should change n=1 limit: {n1Plain} vs {n1Bg}");
    }

    [Fact]
    public void Closed_form_rejects_widths_without_a_solution()
    {
        // 2σ² ln10 ≥ 1 ⇔ σ ≥ 0.466: the Gaussian average of e^{-ks} never falls to 0.1.
        Assert.Throws<ArgumentOutOfRangeException>(() => CousinsHighland.UpperLimitAtZeroObserved(0.5, 0.90));
        Tolerance.Rel(1e-15, "σ = 0 limit").AssertClose(Math.Log(10.0), CousinsHighland.UpperLimitAtZeroObserved(0.0, 0.90), "σ = 0");
    }
}

using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests.Validation;

/// <summary>Feldman–Cousins 90% intervals: docs/physics/statistics.md#feldman-cousins and Table IV of PRD 57, 3873 (1998).</summary>
public class FeldmanCousinsTests
{
    private static readonly Tolerance FcTolerance =
        Tolerance.Abs(0.01, "docs/physics/statistics.md#feldman-cousins: ~0.01 for FC (μ grid 0.001; paper prints 2 decimals)");

    [Theory]
    [InlineData(0, 0.0, 2.435)]
    [InlineData(0, 0.15, 2.285)]
    [InlineData(1, 0.15, 4.207)]
    [InlineData(1, 0.5, 3.857)]
    [InlineData(2, 1.0, 4.910)]
    [InlineData(3, 1.2, 6.224)]
    [InlineData(5, 3.0, 6.987)]
    [InlineData(0, 0.5, 1.935)]
    [InlineData(0, 1.0, 1.607)]
    public void Upper_limits_match_the_references(int n, double b, double upper)
    {
        var iv = FeldmanCousins.Interval(n, b, 0.90);
        FcTolerance.AssertClose(upper, iv.Upper, $"FC 90% upper (n={n}, b={b})");
        Assert.Equal(0.0, iv.Lower);
    }

    [Theory]
    [InlineData(1, 0.0, 0.106, 4.357)]
    [InlineData(2, 0.0, 0.535, 5.910)]
    public void Two_sided_intervals_match_the_references(int n, double b, double lower, double upper)
    {
        var iv = FeldmanCousins.Interval(n, b, 0.90);
        FcTolerance.AssertClose(lower, iv.Lower, $"FC 90% lower (n={n}, b={b})");
        FcTolerance.AssertClose(upper, iv.Upper, $"FC 90% upper (n={n}, b={b})");
    }

    [Fact]
    public void Calculator_delegates_and_refuses_nuisances()
    {
        var calc = new CountingLimitCalculator(new CountingModel(0.5));
        FcTolerance.AssertClose(3.857, calc.UpperLimit(1, 0.90, LimitMethod.FeldmanCousins), "FC via calculator");
        var withSys = new CountingLimitCalculator(new CountingModel(0.5, new Nuisance.YieldUncertainty(0.19, Nuisance.YieldSpreadShape.LogNormalMeanOne)));
        Assert.Throws<NotSupportedException>(() => withSys.UpperLimit(1, 0.90, LimitMethod.FeldmanCousins));
    }
}

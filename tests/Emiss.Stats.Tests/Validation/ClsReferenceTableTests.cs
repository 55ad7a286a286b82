using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests.Validation;

/// <summary>docs/physics/statistics.md#reference-values reference table (exact Poisson sums, bisection) and docs/physics/validation-anchors.md#v18.</summary>
public class ClsReferenceTableTests
{
    private static readonly Tolerance TableTolerance =
        Tolerance.Abs(1e-4, "docs/physics/statistics.md#reference-values table, values printed to 4 decimals (tolerance 1e-4 for CLs/CLsb)");

    public static TheoryData<int, double, double, double, double, double> Table => new()
    {
        // n_obs, b, CLs 90, CLs 95, CLsb 90, CLsb 95
        { 0, 0.0, 2.3026, 2.9957, 2.3026, 2.9957 },
        { 0, 0.15, 2.3026, 2.9957, 2.1526, 2.8457 },
        { 1, 0.0, 3.8897, 4.7439, 3.8897, 4.7439 },
        { 1, 0.15, 3.7526, 4.6063, 3.7397, 4.5939 },
        { 1, 0.5, 3.5082, 4.3581, 3.3897, 4.2439 },
        { 2, 1.0, 4.4429, 5.4100, 4.3223, 5.2958 },
        { 3, 1.2, 5.5358, 6.6051, 5.4808, 6.5537 },
        { 5, 3.0, 6.4371, 7.6631, 6.2747, 7.5130 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Reproduces_the_reference_table(int n, double b, double cls90, double cls95, double clsb90, double clsb95)
    {
        var calc = new CountingLimitCalculator(new CountingModel(b));
        string at = $"n={n}, b={b}";
        TableTolerance.AssertClose(cls90, calc.UpperLimit(n, 0.90, LimitMethod.Cls), $"CLs 90% s_up ({at})");
        TableTolerance.AssertClose(cls95, calc.UpperLimit(n, 0.95, LimitMethod.Cls), $"CLs 95% s_up ({at})");
        TableTolerance.AssertClose(clsb90, calc.UpperLimit(n, 0.90, LimitMethod.ClsPlusB), $"CLsb 90% s_up ({at})");
        TableTolerance.AssertClose(clsb95, calc.UpperLimit(n, 0.95, LimitMethod.ClsPlusB), $"CLsb 95% s_up ({at})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.15)]
    [InlineData(0.4)]
    [InlineData(7.5)]
    public void Zero_observed_gives_minus_log_one_minus_CL_for_any_background(double b)
    {
        // Closed form (docs/physics/statistics.md#cls): CLs = e^{-s} at n = 0, so s_up = −ln(1 − CL).
        var calc = new CountingLimitCalculator(new CountingModel(b));
        var tol = Tolerance.Rel(1e-9, "closed form −ln(1−CL); bisection to 1e-11 relative");
        tol.AssertClose(Math.Log(10.0), calc.UpperLimit(0, 0.90), "s90 at n=0");
        tol.AssertClose(Math.Log(20.0), calc.UpperLimit(0, 0.95), "s95 at n=0");
    }

    [Fact]
    public void One_observed_no_background_solves_the_closed_form()
    {
        // docs/physics/statistics.md#cls: n = 1, b = 0: CLs = e^{-s}(1 + s); check the root directly.
        double s = new CountingLimitCalculator(new CountingModel(0.0)).UpperLimit(1, 0.90);
        Tolerance.Abs(1e-10, "root of e^{-s}(1+s) = 0.1 to bisection precision")
            .AssertClose(0.1, Math.Exp(-s) * (1.0 + s), "e^{-s}(1+s) at s_up");
    }

    [Fact]
    public void V18_na64_numbers()
    {
        // docs/physics/validation-anchors.md#v18: N90(n = 0) = 2.303 for any b; N90(n = 1, b = 0.15) = 3.75; tolerance 1e-3.
        var calc = new CountingLimitCalculator(new CountingModel(0.15));
        var tol = Tolerance.Abs(1e-3, "docs/physics/validation-anchors.md#v18 (1e-3)");
        tol.AssertClose(2.303, calc.UpperLimit(0, 0.90), "N90(n=0, b=0.15)");
        tol.AssertClose(3.7526, calc.UpperLimit(1, 0.90), "N90(n=1, b=0.15)");
    }

    [Fact]
    public void Neyman_limit_is_zero_when_even_no_signal_is_excluded()
    {
        // n = 0, b = 3: CL_{s+b}(0) = e^{-3} = 0.0498 < 0.10, so every s ≥ 0 is excluded at 90%.
        var calc = new CountingLimitCalculator(new CountingModel(3.0));
        Assert.Equal(0.0, calc.UpperLimit(0, 0.90, LimitMethod.ClsPlusB));
        Tolerance.Rel(1e-9, "CLs closed form at n=0").AssertClose(Math.Log(10.0), calc.UpperLimit(0, 0.90), "CLs s90");
    }
}

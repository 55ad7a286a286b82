using Emiss.Core.Numerics;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Numerics;

public sealed class SpecialFunctionsTests
{
    private static readonly Tolerance Gammln = Tolerance.Abs(2e-14, "NR3 gammln: relative error < 1e-15 on Γ, i.e. ≈ 1e-15 absolute on ln Γ; ×20 for rounding in the references");

    [Fact]
    public void Log_gamma_of_integers_is_the_log_factorial()
    {
        // Γ(n) = (n − 1)!; the products are exact in double up to 22!.
        double factorial = 1;
        for (int n = 1; n <= 22; n++)
        {
            if (n > 1) factorial *= n - 1;
            Tolerance.Abs(2e-14, "exact factorial, ln of it rounded once").AssertClose(Math.Log(factorial), SpecialFunctions.LogGamma(n), $"lnΓ({n})");
        }
    }

    [Theory]
    [InlineData(0.5, 0.57236494292470008707)]     // ln √π (DLMF 5.4.6)
    [InlineData(1.0 / 3.0, 0.98542064692776706918)] // Γ(1/3) = 2.6789385347077476337 (OEIS A073005)
    [InlineData(0.25, 1.2880225246980774574)]      // Γ(1/4) = 3.6256099082219083119 (OEIS A068466)
    [InlineData(100.0, 359.13420536957539878)]     // ln 99! (exact integer value, logged)
    public void Log_gamma_matches_tabulated_values(double x, double expected) =>
        Gammln.AssertClose(expected, SpecialFunctions.LogGamma(x), $"lnΓ({x})");

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.77)]
    [InlineData(2.7)]
    [InlineData(33.3)]
    public void Log_gamma_obeys_recurrence_and_duplication(double x)
    {
        // Γ(x + 1) = x Γ(x) (DLMF 5.5.1); Γ(2x) = 2^(2x−1) Γ(x) Γ(x + ½)/√π (Legendre, DLMF 5.5.5).
        Gammln.AssertClose(Math.Log(x), SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(x), $"recurrence at {x}");
        double duplication = (2 * x - 1) * Math.Log(2) + SpecialFunctions.LogGamma(x) + SpecialFunctions.LogGamma(x + 0.5) - 0.5 * Math.Log(Math.PI);
        Tolerance.Abs(1e-13, "sum of four logs of size up to 100").AssertClose(duplication, SpecialFunctions.LogGamma(2 * x), $"duplication at {x}");
    }

    [Fact]
    public void Log_gamma_rejects_non_positive_arguments() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(0.0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void Regularized_P_of_integer_order_is_a_Poisson_tail(int a)
    {
        // P(a, x) = 1 − e^(−x) Σ_{k<a} x^k/k! for integer a (DLMF 8.4.10), over both the series (x < a + 1)
        // and the continued-fraction (x ≥ a + 1) branches.
        foreach (double x in new[] { 0.01, 0.5, 2.0, 6.0, 10.0, 40.0 })
        {
            double term = 1, sum = 0;
            for (int k = 0; k < a; k++) { sum += term; term *= x / (k + 1); }
            double expected = 1 - Math.Exp(-x) * sum;
            Tolerance.Abs(1e-12, "NR3 gammp accuracy ≈ 1e-12").AssertClose(expected, SpecialFunctions.RegularizedP(a, x), $"P({a}, {x})");
        }
        Assert.Equal(0.0, SpecialFunctions.RegularizedP(a, 0.0));
    }

    [Fact]
    public void Regularized_P_with_a_given_log_gamma_is_the_same_number()
    {
        // Callers that read one shower profile at many depths pass ln Γ(a) once; the value must not move by a bit, or the
        // event streams (which compare energies with thresholds) would diverge from the plain call's.
        foreach (double a in new[] { 0.3, 1.1, 2.7, 9.5 })
            foreach (double x in new[] { 1e-3, 0.4, 2.0, 3.7, 11.0, 55.0 })
                Assert.Equal(SpecialFunctions.RegularizedP(a, x), SpecialFunctions.RegularizedP(a, x, SpecialFunctions.LogGamma(a)));
        Assert.Equal(0.0, SpecialFunctions.RegularizedP(2.0, -1.0, SpecialFunctions.LogGamma(2.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.RegularizedP(-1.0, 1.0, 0.0));
    }
}

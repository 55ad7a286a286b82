using Emiss.Core.Numerics;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Numerics;

public sealed class GaussLegendreTests
{
    [Fact]
    public void One_panel_integrates_every_monomial_up_to_degree_31_exactly()
    {
        // An n-point Gauss–Legendre rule is exact for polynomials of degree ≤ 2n − 1 (A&S 25.4.29); n = 16.
        for (int k = 0; k <= 31; k++)
        {
            int power = k;
            double exact = k % 2 == 1 ? 0.0 : 2.0 / (k + 1);
            double rule = GaussLegendre.Integrate(x => Math.Pow(x, power), -1.0, 1.0, 1);
            Tolerance.Abs(1e-15, "exact up to rounding").AssertClose(exact, rule, $"∫₋₁¹ x^{k}");
        }
    }

    [Fact]
    public void Degree_32_misses_by_the_textbook_remainder()
    {
        // A&S 25.4.30: R = 2^(2n+1) (n!)⁴ / ((2n+1) ((2n)!)³) f^(2n), and f^(2n) = (2n)! for f = x^(2n):
        // n = 16 gives R = 7.204615332e-10 (evaluated in exact rational arithmetic). Fixes the order of the rule.
        double rule = GaussLegendre.Integrate(x => Math.Pow(x, 32), -1.0, 1.0, 1);
        Tolerance.Rel(1e-4, "remainder known to 10 digits; the difference carries ≈ 1e-7 relative rounding")
            .AssertClose(7.204615332388622e-10, 2.0 / 33.0 - rule, "∫x³² − rule");
    }

    [Fact]
    public void Composite_rule_converges_on_smooth_integrands()
    {
        Tolerance.Rel(1e-14, "analytic, 4 panels of 16 points").AssertClose(2.0, GaussLegendre.Integrate(Math.Sin, 0.0, Math.PI, 4), "∫₀^π sin");
        Tolerance.Rel(1e-14, "analytic").AssertClose(1.0, GaussLegendre.Integrate(x => 1.0 / x, 1.0, Math.E, 2), "∫₁^e dx/x");
        Tolerance.Rel(1e-13, "analytic: ∫₀^∞ e^(−x) truncated at 40, tail e^(−40)")
            .AssertClose(1.0, GaussLegendre.Integrate(x => Math.Exp(-x), 0.0, 40.0, 20), "∫₀^40 e^(−x)");
    }

    [Fact]
    public void Rule_weights_sum_to_the_interval_and_reproduce_Integrate()
    {
        (double[] nodes, double[] weights) = GaussLegendre.Rule(0.5, 3.0, 3);
        Assert.Equal(48, nodes.Length);
        Tolerance.Rel(1e-14, "Σw = b − a").AssertClose(2.5, weights.Sum(), "Σw");
        double viaRule = 0;
        for (int i = 0; i < nodes.Length; i++) viaRule += weights[i] * Math.Cos(nodes[i]);
        Tolerance.Rel(1e-14, "same nodes and weights").AssertClose(Math.Sin(3.0) - Math.Sin(0.5), viaRule, "∫cos via Rule");
    }

    [Fact]
    public void Struct_integrand_gives_the_delegate_result_bit_for_bit()
    {
        double viaDelegate = GaussLegendre.Integrate(x => x * Math.Exp(-x * x), 0.0, 2.0, 3);
        double viaStruct = GaussLegendre.Integrate(new Gauss(), 0.0, 2.0, 3);
        Assert.Equal(viaDelegate, viaStruct);
        Tolerance.Rel(1e-14, "analytic (1 − e^(−4))/2").AssertClose(0.5 * (1 - Math.Exp(-4.0)), viaStruct, "∫₀² x e^(−x²)");
    }

    private readonly struct Gauss : IIntegrand
    {
        public double Evaluate(double x) => x * Math.Exp(-x * x);
    }
}

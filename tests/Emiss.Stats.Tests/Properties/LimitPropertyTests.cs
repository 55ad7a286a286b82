using CsCheck;
using Xunit;

namespace Emiss.Stats.Tests.Properties;

/// <summary>Structural properties of counting limits (Read, J. Phys. G 28, 2693 (2002)).</summary>
public class LimitPropertyTests
{
    private static readonly Gen<int> Counts = Gen.Int[0, 12];
    private static readonly Gen<double> Backgrounds = Gen.Double[0.0, 8.0];

    [Fact]
    public void CLs_limit_is_never_below_the_Neyman_limit()
    {
        // CL_b ≤ 1, so CLs ≥ CL_{s+b} at every s: the CLs limit is at least as conservative.
        Gen.Select(Counts, Backgrounds).Sample((n, b) =>
        {
            var c = new CountingLimitCalculator(new CountingModel(b));
            return c.UpperLimit(n, 0.90) >= c.UpperLimit(n, 0.90, LimitMethod.ClsPlusB) - 1e-9;
        }, iter: 60);
    }

    [Fact]
    public void Limit_grows_with_the_observed_count()
    {
        Gen.Select(Counts, Backgrounds).Sample((n, b) =>
        {
            var c = new CountingLimitCalculator(new CountingModel(b));
            return c.UpperLimit(n + 1, 0.90) > c.UpperLimit(n, 0.90);
        }, iter: 60);
    }

    [Fact]
    public void Zero_observed_limit_is_independent_of_background()
    {
        Gen.Select(Backgrounds, Gen.Double[0.5, 0.99]).Sample((b, cl) =>
            Math.Abs(new CountingLimitCalculator(new CountingModel(b)).UpperLimit(0, cl) + Math.Log(1.0 - cl)) < 1e-9 * -Math.Log(1.0 - cl),
            iter: 60);
    }

    [Fact]
    public void CLs_at_the_limit_equals_alpha_and_falls_with_signal()
    {
        Gen.Select(Counts, Backgrounds, Gen.Double[0.0, 20.0]).Sample((n, b, s) =>
        {
            var c = new CountingLimitCalculator(new CountingModel(b));
            double up = c.UpperLimit(n, 0.95);
            return Math.Abs(c.Cls(n, up) - 0.05) < 1e-9 && c.Cls(n, s) >= c.Cls(n, s + 0.5);
        }, iter: 60);
    }

    [Fact]
    public void Higher_confidence_gives_a_higher_limit()
    {
        Gen.Select(Counts, Backgrounds).Sample((n, b) =>
        {
            var c = new CountingLimitCalculator(new CountingModel(b));
            return c.UpperLimit(n, 0.95) > c.UpperLimit(n, 0.90);
        }, iter: 40);
    }
}

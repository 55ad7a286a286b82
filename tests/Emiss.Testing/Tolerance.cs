using Xunit.Sdk;

namespace Emiss.Testing;

/// <summary>A named, explained tolerance, so every failing comparison says why the bound is what it is.</summary>
public sealed record Tolerance(double Relative, double Absolute, string Why)
{
    /// <summary>A relative tolerance with its reason.</summary>
    public static Tolerance Rel(double relative, string why) => new(relative, 0.0, why);

    /// <summary>An absolute tolerance with its reason.</summary>
    public static Tolerance Abs(double absolute, string why) => new(0.0, absolute, why);

    /// <summary>Asserts |actual − expected| ≤ max(rel·|expected|, abs), with a message naming the quantity and the reason.</summary>
    public void AssertClose(double expected, double actual, string what)
    {
        double bound = Math.Max(Relative * Math.Abs(expected), Absolute);
        double diff = Math.Abs(actual - expected);
        if (!(diff <= bound))
            throw new XunitException(
                $"{what}: expected {expected:G8}, got {actual:G8} (diff {diff:G3}, rel {(expected != 0 ? diff / Math.Abs(expected) : double.NaN):G3}; " +
                $"allowed {bound:G3}: {Why})");
    }
}

using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Emiss.Testing;

/// <summary>
/// Pearson χ² test of sampled values against a density written out in the test (a closed form or a table that the
/// sampler does not use). The expected bin contents come from MathNet's Gauss–Legendre rule, so no quadrature of the
/// code under test is involved. Only samples inside the bin range enter, and the density is normalised over that
/// range: the test compares shapes (a conditional distribution), which lets a test pick the range where its closed
/// form holds.
/// </summary>
public static class SampledDistribution
{
    /// <summary>Fails when the χ² p-value of <paramref name="samples"/> binned on <paramref name="edges"/> against
    /// <paramref name="density"/> (any normalisation) is below <paramref name="minPValue"/>; writes χ²/ndf to the output.</summary>
    /// <param name="samples">Sampled values (values outside the edges are ignored).</param>
    /// <param name="edges">Increasing bin edges.</param>
    /// <param name="density">Density in the binned variable (Jacobian included by the caller), ≥ 0.</param>
    /// <param name="what">What is compared (for messages).</param>
    /// <param name="output">Test output for the χ² summary, or null.</param>
    /// <param name="minPValue">Smallest accepted p-value (seeds are fixed, so the p-value of a run is fixed too).</param>
    /// <returns>The number of samples inside the range.</returns>
    public static long AssertMatches(IEnumerable<double> samples, double[] edges, Func<double, double> density, string what,
        ITestOutputHelper? output = null, double minPValue = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(density);
        int bins = edges.Length - 1;
        if (bins < 2) throw new ArgumentException("need at least two bins", nameof(edges));
        var counts = new long[bins];
        long inside = 0;
        foreach (double v in samples)
        {
            if (!(v >= edges[0] && v < edges[^1])) continue;
            int b = Array.BinarySearch(edges, v);
            if (b < 0) b = ~b - 1;
            counts[Math.Min(b, bins - 1)]++;
            inside++;
        }
        var prob = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++)
        {
            prob[b] = GaussLegendreRule.Integrate(density, edges[b], edges[b + 1], 64);
            if (!(prob[b] >= 0)) throw new ArgumentException($"{what}: density integrates to {prob[b]} on bin {b}");
            total += prob[b];
        }
        double chi2 = 0;
        var worst = (Bin: 0, Pull: 0.0);
        for (int b = 0; b < bins; b++)
        {
            double mu = inside * prob[b] / total;
            if (mu < 5) throw new ArgumentException($"{what}: bin {b} expects {mu:F1} < 5 entries; widen it or sample more");
            double pull = (counts[b] - mu) / Math.Sqrt(mu);
            chi2 += pull * pull;
            if (Math.Abs(pull) > Math.Abs(worst.Pull)) worst = (b, pull);
        }
        int ndf = bins - 1;
        double p = 1.0 - ChiSquared.CDF(ndf, chi2);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{what}: χ²/ndf = {chi2:F1}/{ndf}, p = {p:G3}, {inside} samples in range; largest pull {worst.Pull:F2} in bin {worst.Bin} [{edges[worst.Bin]:G4}, {edges[worst.Bin + 1]:G4})");
        output?.WriteLine(summary);
        if (!(p >= minPValue)) throw new XunitException(summary + string.Create(CultureInfo.InvariantCulture, $" — below the accepted p = {minPValue:G2}"));
        return inside;
    }

    /// <summary><paramref name="count"/> + 1 edges spaced evenly from <paramref name="lo"/> to <paramref name="hi"/>.</summary>
    public static double[] Linear(double lo, double hi, int count) => [.. Enumerable.Range(0, count + 1).Select(i => lo + (hi - lo) * i / count)];
}

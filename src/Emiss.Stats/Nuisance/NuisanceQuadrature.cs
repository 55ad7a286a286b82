namespace Emiss.Stats.Nuisance;

/// <summary>
/// Quadrature nodes for averaging over a multiplicative yield factor k: a trapezoid rule in the
/// standard-normal variable z ∈ [−8, 8] (the rule used for the reference table in
/// docs/physics/statistics.md#cousins-highland), weights normalised to sum to 1 over the nodes with k &gt; 0.
/// </summary>
public sealed class NuisanceQuadrature
{
    /// <summary>Half-width of the z range; the Gaussian mass outside ±8 is 1e-15.</summary>
    public const double ZRange = 8.0;

    private readonly double[] _factors;
    private readonly double[] _weights;

    private NuisanceQuadrature(double[] factors, double[] weights)
    {
        _factors = factors;
        _weights = weights;
    }

    /// <summary>The yield factors k_i (dimensionless, &gt; 0).</summary>
    public ReadOnlySpan<double> Factors => _factors;

    /// <summary>The normalised weights w_i (Σ w_i = 1).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Number of nodes with non-zero weight.</summary>
    public int Count => _factors.Length;

    /// <summary>A single node k = 1 (no uncertainty).</summary>
    public static NuisanceQuadrature None { get; } = new([1.0], [1.0]);

    /// <summary>Builds the nodes for relative width <paramref name="relativeSigma"/> ≥ 0 with <paramref name="points"/> trapezoid points (odd, ≥ 3).</summary>
    public static NuisanceQuadrature Create(YieldSpreadShape shape, double relativeSigma, int points)
    {
        if (!(relativeSigma >= 0.0) || double.IsInfinity(relativeSigma))
            throw new ArgumentOutOfRangeException(nameof(relativeSigma), relativeSigma, "relative sigma must be finite and ≥ 0");
        if (points < 3) throw new ArgumentOutOfRangeException(nameof(points), points, "need at least 3 quadrature points");
        if (relativeSigma == 0.0) return None;

        double dz = 2.0 * ZRange / (points - 1);
        var k = new List<double>(points);
        var w = new List<double>(points);
        double sigmaLn = shape == YieldSpreadShape.LogNormalMeanOne
            ? Math.Sqrt(Math.Log(1.0 + relativeSigma * relativeSigma))
            : relativeSigma;
        for (int i = 0; i < points; i++)
        {
            double z = -ZRange + i * dz;
            double factor = shape switch
            {
                YieldSpreadShape.LogNormalMeanOne => Math.Exp(sigmaLn * z - 0.5 * sigmaLn * sigmaLn),
                YieldSpreadShape.LogNormalMedianOne => Math.Exp(sigmaLn * z),
                YieldSpreadShape.TruncatedGaussian => 1.0 + relativeSigma * z,
                _ => throw new NotSupportedException($"yield spread shape {shape} is not implemented"),
            };
            if (factor <= 0.0) continue; // truncation at k > 0
            double endWeight = i == 0 || i == points - 1 ? 0.5 : 1.0;
            k.Add(factor);
            w.Add(endWeight * Math.Exp(-0.5 * z * z));
        }
        double norm = 0.0;
        foreach (double x in w) norm += x;
        double[] weights = w.ToArray();
        for (int i = 0; i < weights.Length; i++) weights[i] /= norm;
        return new NuisanceQuadrature(k.ToArray(), weights);
    }
}

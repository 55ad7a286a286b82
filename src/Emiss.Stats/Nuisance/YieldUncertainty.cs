namespace Emiss.Stats.Nuisance;

/// <summary>
/// A relative uncertainty on an expected yield, modelled as a multiplicative factor k with
/// relative width <see cref="RelativeSigma"/> and the given <see cref="Shape"/>.
/// </summary>
/// <param name="RelativeSigma">Relative standard deviation σ of k (e.g. 0.19 for 19%), ≥ 0.</param>
/// <param name="Shape">Distribution of k.</param>
/// <param name="QuadraturePoints">Trapezoid points in z ∈ [−8, 8] (4001 reproduces docs/physics/statistics.md#cousins-highland).</param>
public sealed record YieldUncertainty(double RelativeSigma, YieldSpreadShape Shape, int QuadraturePoints = 4001)
{
    /// <summary>Builds the quadrature nodes for this uncertainty.</summary>
    public NuisanceQuadrature ToQuadrature() => NuisanceQuadrature.Create(Shape, RelativeSigma, QuadraturePoints);

    /// <summary>A human-readable statement of the convention, e.g. "19% (log-normal, mean 1)".</summary>
    public string Describe()
    {
        string shape = Shape switch
        {
            YieldSpreadShape.LogNormalMeanOne => "log-normal k, mean 1",
            YieldSpreadShape.LogNormalMedianOne => "log-normal k, median 1",
            YieldSpreadShape.TruncatedGaussian => "Gaussian k truncated at 0",
            _ => Shape.ToString(),
        };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RelativeSigma * 100:0.##}% ({shape})");
    }
}

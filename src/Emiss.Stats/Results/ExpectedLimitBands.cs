namespace Emiss.Stats.Results;

/// <summary>
/// Expected upper limits under the background-only hypothesis: the limit evaluated at the
/// discrete quantiles of n ~ Poisson(b) at 2.275/15.87/50/84.13/97.725% (no interpolation
/// between counts, docs/physics/statistics.md#expected-limits), plus the Poisson-weighted mean. Limits in events
/// (or in whatever quantity the producer states).
/// </summary>
/// <param name="Minus2Sigma">Limit at the 2.275% quantile of n.</param>
/// <param name="Minus1Sigma">Limit at the 15.87% quantile of n.</param>
/// <param name="Median">Limit at the 50% quantile of n.</param>
/// <param name="Plus1Sigma">Limit at the 84.13% quantile of n.</param>
/// <param name="Plus2Sigma">Limit at the 97.725% quantile of n.</param>
/// <param name="Mean">Σ_n P(n | b) · limit(n).</param>
/// <param name="QuantileCounts">The counts n at the five quantiles, in the order above.</param>
public sealed record ExpectedLimitBands(
    double Minus2Sigma, double Minus1Sigma, double Median, double Plus1Sigma, double Plus2Sigma,
    double Mean, IReadOnlyList<int> QuantileCounts)
{
    /// <summary>The quantile probabilities Φ(−2), Φ(−1), 0.5, Φ(1), Φ(2) rounded as in the reference note.</summary>
    public static IReadOnlyList<double> QuantileProbabilities { get; } = [0.02275, 0.1587, 0.5, 0.8413, 0.97725];

    /// <summary>
    /// Applies a monotone map (e.g. signal count → coupling) to every band edge; QuantileCounts are kept.
    /// Mean becomes f(Mean), which for a non-linear f is not the mean of the mapped limits; a Mean left out (NaN) stays NaN.
    /// </summary>
    public ExpectedLimitBands Map(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f(Minus2Sigma), f(Minus1Sigma), f(Median), f(Plus1Sigma), f(Plus2Sigma), double.IsNaN(Mean) ? double.NaN : f(Mean), QuantileCounts);
    }
}

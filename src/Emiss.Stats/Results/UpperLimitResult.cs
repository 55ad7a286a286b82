namespace Emiss.Stats.Results;

/// <summary>
/// An observed upper limit with its expected bands and the convention that produced it.
/// Consumed by reporting and the command line; immutable.
/// </summary>
/// <param name="Observed">Observed upper limit (signal events unless the producer says otherwise).</param>
/// <param name="Expected">Expected limits under background only, or null when not computed.</param>
/// <param name="Method">Construction used.</param>
/// <param name="ConfidenceLevel">Confidence level, e.g. 0.90.</param>
/// <param name="ObservedCount">Observed event count n_obs.</param>
/// <param name="Background">Expected background count b.</param>
/// <param name="Convention">Full statement of the convention (method, CL, nuisance treatment, k shape).</param>
public sealed record UpperLimitResult(
    double Observed,
    ExpectedLimitBands? Expected,
    LimitMethod Method,
    double ConfidenceLevel,
    int ObservedCount,
    double Background,
    string Convention);

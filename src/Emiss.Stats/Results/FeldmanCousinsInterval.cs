namespace Emiss.Stats.Results;

/// <summary>A Feldman–Cousins confidence interval [Lower, Upper] on the signal mean (events).</summary>
/// <param name="Lower">Lower end (0 when the interval is an upper limit).</param>
/// <param name="Upper">Upper end.</param>
/// <param name="ConfidenceLevel">Confidence level, e.g. 0.90.</param>
/// <param name="GridStep">Signal-mean step of the belt scan; the ends are known to ± this step.</param>
public sealed record FeldmanCousinsInterval(double Lower, double Upper, double ConfidenceLevel, double GridStep);

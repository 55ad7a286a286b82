namespace Emiss.Analysis.Limits;

/// <summary>Everything a limit computation produced: the exclusion scan, the g−2 band on the same masses, and the production model used.</summary>
/// <param name="Scan">The exclusion in (m_A′, ε).</param>
/// <param name="Band">The g−2 favoured band on the scan's masses.</param>
/// <param name="ProductionDescription">The production model's description (output metadata).</param>
/// <param name="Labels">What the numbers are: the yield model and which inputs are given rather than computed.</param>
public sealed record LimitResult(ExclusionScanResult Scan, GMinus2Band Band, string ProductionDescription, LimitLabels Labels);

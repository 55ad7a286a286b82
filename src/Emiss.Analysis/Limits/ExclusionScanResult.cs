using Emiss.Stats.Results;

namespace Emiss.Analysis.Limits;

/// <summary>The exclusion contour in (m_A′, ε) and the counting limits behind it.</summary>
/// <param name="Points">One point per mass, in increasing mass.</param>
/// <param name="SignalLimit">Upper limit on the signal count (published convention) with expected bands.</param>
/// <param name="SignalLimitWithSystematics">The observed limit with the signal-yield systematic (no expected bands).</param>
/// <param name="YieldModel">Name/description of the yield model.</param>
/// <param name="EfficiencySource">Where the efficiencies come from.</param>
public sealed record ExclusionScanResult(
    IReadOnlyList<ExclusionPoint> Points, UpperLimitResult SignalLimit, UpperLimitResult SignalLimitWithSystematics,
    string YieldModel, string EfficiencySource);

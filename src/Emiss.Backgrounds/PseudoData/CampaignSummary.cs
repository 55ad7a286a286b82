using Emiss.Backgrounds.Estimates;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>Result of a pseudo-data campaign: per-run summaries and the method-1 background estimates.</summary>
public sealed record CampaignSummary(IReadOnlyList<RunSummary> Runs, IReadOnlyList<SourceEstimate> Estimates);

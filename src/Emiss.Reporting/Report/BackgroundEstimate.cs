namespace Emiss.Reporting.Report;

/// <summary>Expected background events in the signal box from one source in one run (method 1 of the seed: per-source MC).</summary>
/// <param name="Run">Run name.</param>
/// <param name="Source">Source name (as in <c>backgrounds.csv</c>).</param>
/// <param name="SeedRow">The seed's Table I row it belongs to.</param>
/// <param name="Expected">Expected events in the signal box (≥ 0).</param>
/// <param name="StatError">Statistical uncertainty (MC sample size), absolute, ≥ 0.</param>
/// <param name="SystError">Systematic uncertainty, absolute, ≥ 0.</param>
public sealed record BackgroundEstimate(string Run, string Source, SeedTableRow SeedRow, double Expected, double StatError, double SystError);

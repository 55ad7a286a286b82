namespace Emiss.Reporting.Report;

/// <summary>Events observed in the signal box of one run after unblinding.</summary>
/// <param name="Run">Run name.</param>
/// <param name="Events">Observed count (≥ 0).</param>
public sealed record ObservedCount(string Run, long Events);

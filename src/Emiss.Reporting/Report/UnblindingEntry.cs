namespace Emiss.Reporting.Report;

/// <summary>The ledger entry that opened the signal box: who, when (ISO 8601 UTC, as recorded), why, and the hash of the frozen cuts.</summary>
public sealed record UnblindingEntry(string Who, string WhenUtc, string Reason, string CutHash);

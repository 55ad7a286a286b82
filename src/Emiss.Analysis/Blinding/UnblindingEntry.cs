namespace Emiss.Analysis.Blinding;

/// <summary>One line of the unblinding ledger.</summary>
/// <param name="Sequence">1-based line number.</param>
/// <param name="Utc">When (UTC, ISO 8601).</param>
/// <param name="Who">Who unblinded.</param>
/// <param name="Reason">Why.</param>
/// <param name="CutsSha256">Fingerprint of the frozen cuts (<see cref="CutsFingerprint"/>).</param>
/// <param name="DataSha256">Fingerprint of the data (file names, sizes, rows).</param>
/// <param name="PreviousSha256">Hash of the previous line (64 zeros for the first).</param>
/// <param name="LineSha256">Hash of this line's body (which contains <paramref name="PreviousSha256"/>: a chain).</param>
public sealed record UnblindingEntry(int Sequence, string Utc, string Who, string Reason, string CutsSha256, string DataSha256,
                                     string PreviousSha256, string LineSha256);

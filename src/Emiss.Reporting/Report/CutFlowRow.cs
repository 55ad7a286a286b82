namespace Emiss.Reporting.Report;

/// <summary>One step of a cut flow, as in <c>cutflow.csv</c>.</summary>
/// <param name="Run">Run name.</param>
/// <param name="Sample">Sample: "data", a background source, or a signal sample such as "signal-mA16.7MeV".</param>
/// <param name="Cut">Cut name; the rows of a (run, sample) come in the order the cuts are applied.</param>
/// <param name="Events">Events (weighted for MC) passing this and all earlier cuts.</param>
/// <param name="Efficiency">Fraction of the sample's first step passing (0–1).</param>
public sealed record CutFlowRow(string Run, string Sample, string Cut, double Events, double Efficiency);

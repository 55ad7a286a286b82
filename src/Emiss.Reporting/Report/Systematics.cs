namespace Emiss.Reporting.Report;

/// <summary>Systematic uncertainties of the counting model that are not per background source.</summary>
/// <param name="SignalYieldRelative">Relative uncertainty of the signal yield (the seed's combined ≈ 19 %), common to all runs.</param>
/// <param name="EotRelative">Relative uncertainty of the EOT count (0 when not assessed), common to all runs.</param>
public sealed record Systematics(double SignalYieldRelative, double EotRelative = 0);

namespace Emiss.Reporting.Report;

/// <summary>One data-taking run of the analysis (the seed's BGO and PbSc runs, PRL 118, 011802).</summary>
/// <param name="Name">Run name, used as key everywhere (e.g. "bgo"); letters, digits, '-' and '_'.</param>
/// <param name="ElectronsOnTarget">Electrons on target counted for the run (EOT).</param>
public sealed record RunSummary(string Name, double ElectronsOnTarget);

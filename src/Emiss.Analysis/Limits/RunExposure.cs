namespace Emiss.Analysis.Limits;

/// <summary>One data-taking run's exposure.</summary>
/// <param name="Name">Run name, e.g. "pbsc-srd".</param>
/// <param name="ElectronsOnTarget">n_EOT.</param>
public sealed record RunExposure(string Name, double ElectronsOnTarget);

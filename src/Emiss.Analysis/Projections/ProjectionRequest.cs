using Emiss.Analysis.Limits;

namespace Emiss.Analysis.Projections;

/// <summary>A projection: expected limits for every exposure × setting on one mass grid (docs/physics/projections.md).</summary>
/// <param name="ElectronsOnTarget">Exposures, leptons on target.</param>
/// <param name="Settings">Beam, energy, target and mediator combinations.</param>
/// <param name="Yields">How the yield tables are computed.</param>
/// <param name="Efficiency">Signal efficiency at mass nodes.</param>
/// <param name="Background">Background at each exposure.</param>
/// <param name="ConfidenceLevel">CL of the limits (0.90).</param>
public sealed record ProjectionRequest(
    IReadOnlyList<double> ElectronsOnTarget, IReadOnlyList<ProjectionSetting> Settings, YieldSpec Yields,
    EfficiencyNodes Efficiency, BackgroundScaling Background, double ConfidenceLevel);

using Emiss.Stats.Results;

namespace Emiss.Analysis.Projections;

/// <summary>The expected limit of one exposure, setting and mass.</summary>
/// <param name="ElectronsOnTarget">Exposure.</param>
/// <param name="Setting">Beam, energy, target, mediator.</param>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="YieldPerEotEps1">n_A′ per lepton on target at ε = 1 (A′-strahlung + annihilation).</param>
/// <param name="AnnihilationPerEotEps1">The annihilation part of <paramref name="YieldPerEotEps1"/>.</param>
/// <param name="Efficiency">Signal efficiency.</param>
/// <param name="ExpectedBackground">b at this exposure.</param>
/// <param name="Eps90">Expected ε₉₀: median, ±1σ, ±2σ (background-only hypothesis).</param>
public sealed record ProjectionPoint(
    double ElectronsOnTarget, ProjectionSetting Setting, double MassMeV, double YieldPerEotEps1, double AnnihilationPerEotEps1,
    double Efficiency, double ExpectedBackground, ExpectedLimitBands Eps90);

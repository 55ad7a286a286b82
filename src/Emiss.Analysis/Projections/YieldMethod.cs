namespace Emiss.Analysis.Projections;

/// <summary>How the A′-strahlung yield of a projection is computed.</summary>
public enum YieldMethod
{
    /// <summary>Primary-lepton track length (Tsai T₁) × σ: fast, a lower bound on the shower yield.</summary>
    Analytic,

    /// <summary>Track-length estimator in simulated showers (e⁻ beams).</summary>
    MonteCarlo,
}

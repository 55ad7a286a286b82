namespace Emiss.Reporting.Report;

/// <summary>The rows of the seed's Table I (PRL 118, 011802 (2017)) that a background source contributes to.</summary>
public enum SeedTableRow
{
    /// <summary>A source the seed's Table I does not list.</summary>
    NotInSeed = 0,

    /// <summary>Loss of e⁻ energy due to punch-through γs.</summary>
    PunchThroughPhotons,

    /// <summary>Loss of hadrons from e⁻Z → e⁻ + hadrons.</summary>
    HadronLoss,

    /// <summary>Loss or μ → eνν decays of muons from e⁻Z → e⁻Zγ; γ → μ⁺μ⁻.</summary>
    DimuonMuonLoss,

    /// <summary>e⁻ interactions in the beam-line materials.</summary>
    BeamlineInteractions,

    /// <summary>μ → eνν, π, K → eν, K_e3 decays.</summary>
    Decays,

    /// <summary>Pile-up of low-energy e⁻ and μ, π, K followed by their decays.</summary>
    PileUp,

    /// <summary>μ, π, K interactions in the target.</summary>
    TargetInteractions,
}

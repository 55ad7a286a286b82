namespace Emiss.Physics.DarkProduction;

/// <summary>How the 2 → 3 production cross section is approximated (docs/physics/dark-production.md#approximation-ordering).</summary>
public enum ProductionApproximation
{
    /// <summary>Weizsäcker–Williams: double-differential with χ(x, θ), t_max = m² (run-card key "ww").</summary>
    WeizsaeckerWilliams,

    /// <summary>Improved WW: χ constant over the IWW range, exact angular integral with m_e kept ("iww").</summary>
    ImprovedWw,

    /// <summary>Exact tree level with nuclear recoil ("etl"; all four mediators).</summary>
    ExactTreeLevel,
}

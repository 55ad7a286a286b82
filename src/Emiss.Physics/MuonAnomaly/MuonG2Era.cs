namespace Emiss.Physics.MuonAnomaly;

/// <summary>Which measurement of Δa_μ = a_μ(exp) − a_μ(SM) defines the favoured band (docs/physics/muon-g-2.md#band-definition).</summary>
public enum MuonG2Era
{
    /// <summary>BNL E821 vs SM as in PDG 2014–16: 288 ± 80 (×1e-11), the value the 2016 NA64 paper used ("3.6σ"). Default.</summary>
    Bnl2016,

    /// <summary>PDG 2018: 268 ± 76.</summary>
    Pdg2018,

    /// <summary>FNAL Run 1 + BNL vs the 2020 White Paper (2021): 251 ± 59.</summary>
    Fnal2021,

    /// <summary>FNAL Runs 1–3 (2023): 249 ± 48.</summary>
    Fnal2023,

    /// <summary>FNAL final vs the 2025 White Paper (lattice HVP): ≈ 38 ± 64, no anomaly (current world value).</summary>
    Fnal2025,
}

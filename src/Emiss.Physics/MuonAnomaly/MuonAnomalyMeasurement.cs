namespace Emiss.Physics.MuonAnomaly;

/// <summary>A Δa_μ value with its 1σ uncertainty, both in units of 1e-11, and a label for plots.</summary>
/// <param name="CentralE11">Δa_μ × 1e11.</param>
/// <param name="SigmaE11">1σ uncertainty × 1e11.</param>
/// <param name="Label">Plot label (the band is historical for older eras).</param>
public sealed record MuonAnomalyMeasurement(double CentralE11, double SigmaE11, string Label)
{
    /// <summary>Δa_μ as a number.</summary>
    public double Central => CentralE11 * 1e-11;

    /// <summary>1σ as a number.</summary>
    public double Sigma => SigmaE11 * 1e-11;

    /// <summary>The table of docs/physics/muon-g-2.md#band-definition.</summary>
    public static MuonAnomalyMeasurement For(MuonG2Era era) => era switch
    {
        MuonG2Era.Bnl2016 => new(288, 80, "BNL E821 vs SM (PDG 2016), historical"),
        MuonG2Era.Pdg2018 => new(268, 76, "PDG 2018, historical"),
        MuonG2Era.Fnal2021 => new(251, 59, "FNAL Run 1 + BNL vs WP2020 (2021), historical"),
        MuonG2Era.Fnal2023 => new(249, 48, "FNAL Runs 1-3 (2023), historical"),
        MuonG2Era.Fnal2025 => new(38, 64, "FNAL final vs WP2025 (lattice HVP)"),
        _ => throw new NotSupportedException($"no Δa_μ value for era {era}"),
    };
}

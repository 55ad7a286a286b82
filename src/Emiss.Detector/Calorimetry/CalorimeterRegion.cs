namespace Emiss.Detector.Calorimetry;

/// <summary>
/// One longitudinal region of the calorimeter system with its homogenised properties (thickness-weighted for
/// sampling structures: 1/X0_eff = Σ (t_i/T)/X0_i, likewise λ_I; dE/dx is the thickness-weighted mean).
/// </summary>
/// <param name="Kind">Region kind.</param>
/// <param name="Index">Channel index within its kind (HCAL module or muon counter number, 0-based).</param>
/// <param name="ThicknessCm">Thickness, cm.</param>
/// <param name="X0Cm">Effective radiation length, cm.</param>
/// <param name="LambdaCm">Effective nuclear interaction length, cm.</param>
/// <param name="MipDedxGeVPerCm">Mean minimum-ionising energy loss, GeV/cm.</param>
/// <param name="X0Start">Cumulative depth of the front face in X0 from the ECAL face.</param>
/// <param name="LambdaStart">Cumulative depth of the front face in λ_I from the ECAL face.</param>
public sealed record CalorimeterRegion(
    RegionKind Kind, int Index, double ThicknessCm, double X0Cm, double LambdaCm, double MipDedxGeVPerCm,
    double X0Start, double LambdaStart)
{
    /// <summary>Thickness in X0.</summary>
    public double X0Thickness => ThicknessCm / X0Cm;

    /// <summary>Thickness in λ_I.</summary>
    public double LambdaThickness => ThicknessCm / LambdaCm;

    /// <summary>Energy a minimum-ionising particle deposits crossing the whole region, GeV.</summary>
    public double MipDepositGeV => MipDedxGeVPerCm * ThicknessCm;
}

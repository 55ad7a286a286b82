namespace Emiss.Detector.Calorimetry;

/// <summary>Kind of a longitudinal region of the downstream calorimeter system.</summary>
public enum RegionKind
{
    /// <summary>ECAL preshower layers.</summary>
    EcalPreshower,
    /// <summary>ECAL main section.</summary>
    EcalMain,
    /// <summary>Veto V2.</summary>
    Veto,
    /// <summary>One HCAL module.</summary>
    HcalModule,
    /// <summary>One muon counter (behind an HCAL module).</summary>
    MuonCounter,
}

namespace Emiss.Detector.Setup;

/// <summary>Which calorimeter shower model fills the ECAL/HCAL deposits.</summary>
public enum EcalModel
{
    /// <summary>Fast parametrised showers (gamma-function EM profile, Bock hadron profile).</summary>
    Parametrised,
    /// <summary>The Emiss.Shower transport engine for EM showers in the ECAL.</summary>
    Full,
}

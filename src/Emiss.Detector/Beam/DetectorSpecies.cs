namespace Emiss.Detector.Beam;

/// <summary>Particle species the detector model transports. Beam hadrons and muons are negative (H4 e⁻ beam line tuned for negatives).</summary>
public enum DetectorSpecies
{
    /// <summary>e⁻ (PDG 11).</summary>
    Electron = 0,
    /// <summary>e⁺ (PDG −11).</summary>
    Positron = 1,
    /// <summary>γ (PDG 22).</summary>
    Photon = 2,
    /// <summary>π⁻ (PDG −211).</summary>
    PionMinus = 3,
    /// <summary>K⁻ (PDG −321).</summary>
    KaonMinus = 4,
    /// <summary>μ⁻ (PDG 13).</summary>
    MuonMinus = 5,
}

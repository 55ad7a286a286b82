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
    /// <summary>π⁺ (PDG 211).</summary>
    PionPlus = 6,
    /// <summary>K⁺ (PDG 321).</summary>
    KaonPlus = 7,
    /// <summary>K⁰_L (PDG 130).</summary>
    KaonLong = 8,
    /// <summary>Neutron (PDG 2112).</summary>
    Neutron = 9,
    /// <summary>Proton (PDG 2212).</summary>
    Proton = 10,
    /// <summary>μ⁺ (PDG −13).</summary>
    MuonPlus = 11,
    /// <summary>Any neutrino (PDG 12/14 and antiparticles): invisible, leaves the set-up.</summary>
    Neutrino = 12,
}

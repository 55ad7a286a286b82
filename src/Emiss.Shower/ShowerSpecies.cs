namespace Emiss.Shower;

/// <summary>Particle species transported by the shower Monte Carlo.</summary>
public enum ShowerSpecies : byte
{
    /// <summary>Electron e⁻.</summary>
    Electron = 0,
    /// <summary>Positron e⁺ (its energy budget includes 2 m_e released at annihilation).</summary>
    Positron = 1,
    /// <summary>Photon γ.</summary>
    Gamma = 2,
    /// <summary>Negative muon (continuous-loss track; no discrete processes yet).</summary>
    MuonMinus = 3,
    /// <summary>Positive muon (continuous-loss track; no discrete processes yet).</summary>
    MuonPlus = 4,
}

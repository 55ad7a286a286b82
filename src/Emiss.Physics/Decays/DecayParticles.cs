using Emiss.Core.Constants;

namespace Emiss.Physics.Decays;

/// <summary>PDG codes and masses of the particles in the decay tables (masses from <see cref="PhysicalConstants"/>, PDG).</summary>
public static class DecayParticles
{
    /// <summary>e⁻.</summary>
    public const int Electron = 11;
    /// <summary>ν_e.</summary>
    public const int ElectronNeutrino = 12;
    /// <summary>μ⁻.</summary>
    public const int Muon = 13;
    /// <summary>ν_μ.</summary>
    public const int MuonNeutrino = 14;
    /// <summary>γ.</summary>
    public const int Photon = 22;
    /// <summary>π⁰.</summary>
    public const int PionZero = 111;
    /// <summary>π⁺ (π⁻ is −211).</summary>
    public const int PionPlus = 211;
    /// <summary>K⁺ (K⁻ is −321).</summary>
    public const int KaonPlus = 321;

    /// <summary>Rest mass of <paramref name="pdg"/>, GeV.</summary>
    public static double MassGeV(int pdg) => Math.Abs(pdg) switch
    {
        Electron => PhysicalConstants.ElectronMassGeV,
        Muon => PhysicalConstants.MuonMassGeV,
        ElectronNeutrino or MuonNeutrino or 16 or Photon => 0.0,
        PionZero => PhysicalConstants.NeutralPionMassGeV,
        PionPlus => PhysicalConstants.ChargedPionMassGeV,
        KaonPlus => PhysicalConstants.ChargedKaonMassGeV,
        _ => throw new ArgumentOutOfRangeException(nameof(pdg), pdg, "no mass for this PDG code in the decay tables"),
    };

    /// <summary>True for neutrinos and antineutrinos (invisible).</summary>
    public static bool IsNeutrino(int pdg) => Math.Abs(pdg) is ElectronNeutrino or MuonNeutrino or 16;
}

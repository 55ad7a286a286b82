using Emiss.Core.Constants;

namespace Emiss.Detector.Beam;

/// <summary>Masses (GeV, from <see cref="PhysicalConstants"/>), charges and PDG codes of <see cref="DetectorSpecies"/>.</summary>
public static class ParticleProperties
{
    /// <summary>Rest mass, GeV.</summary>
    public static double MassGeV(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Electron or DetectorSpecies.Positron => PhysicalConstants.ElectronMassGeV,
        DetectorSpecies.Photon or DetectorSpecies.Neutrino => 0.0,
        DetectorSpecies.PionMinus or DetectorSpecies.PionPlus => PhysicalConstants.ChargedPionMassGeV,
        DetectorSpecies.KaonMinus or DetectorSpecies.KaonPlus => PhysicalConstants.ChargedKaonMassGeV,
        DetectorSpecies.KaonLong => PhysicalConstants.NeutralKaonMassGeV,
        DetectorSpecies.MuonMinus or DetectorSpecies.MuonPlus => PhysicalConstants.MuonMassGeV,
        DetectorSpecies.Neutron => PhysicalConstants.NeutronMassGeV,
        DetectorSpecies.Proton => PhysicalConstants.ProtonMassGeV,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>Electric charge in units of e.</summary>
    public static int Charge(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Positron or DetectorSpecies.PionPlus or DetectorSpecies.KaonPlus or DetectorSpecies.MuonPlus or DetectorSpecies.Proton => 1,
        DetectorSpecies.Photon or DetectorSpecies.KaonLong or DetectorSpecies.Neutron or DetectorSpecies.Neutrino => 0,
        _ => -1,
    };

    /// <summary>PDG Monte Carlo particle code (a neutrino is reported as ν_e, 12).</summary>
    public static int PdgCode(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Electron => 11,
        DetectorSpecies.Positron => -11,
        DetectorSpecies.Photon => 22,
        DetectorSpecies.PionMinus => -211,
        DetectorSpecies.KaonMinus => -321,
        DetectorSpecies.MuonMinus => 13,
        DetectorSpecies.PionPlus => 211,
        DetectorSpecies.KaonPlus => 321,
        DetectorSpecies.KaonLong => 130,
        DetectorSpecies.Neutron => 2112,
        DetectorSpecies.Proton => 2212,
        DetectorSpecies.MuonPlus => -13,
        DetectorSpecies.Neutrino => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>The species of a PDG code, or null for a code the detector model does not transport (a π⁰ must be
    /// decayed to γγ by the caller; all neutrinos map to <see cref="DetectorSpecies.Neutrino"/>; K⁰_S and antinucleons
    /// are not modelled).</summary>
    public static DetectorSpecies? FromPdg(int pdg) => pdg switch
    {
        11 => DetectorSpecies.Electron,
        -11 => DetectorSpecies.Positron,
        22 => DetectorSpecies.Photon,
        -211 => DetectorSpecies.PionMinus,
        211 => DetectorSpecies.PionPlus,
        -321 => DetectorSpecies.KaonMinus,
        321 => DetectorSpecies.KaonPlus,
        130 => DetectorSpecies.KaonLong,
        2112 => DetectorSpecies.Neutron,
        2212 => DetectorSpecies.Proton,
        13 => DetectorSpecies.MuonMinus,
        -13 => DetectorSpecies.MuonPlus,
        12 or -12 or 14 or -14 or 16 or -16 => DetectorSpecies.Neutrino,
        _ => null,
    };

    /// <summary>True for e±, γ: particles that start an electromagnetic shower.</summary>
    public static bool IsElectromagnetic(DetectorSpecies kind) => kind is DetectorSpecies.Electron or DetectorSpecies.Positron or DetectorSpecies.Photon;

    /// <summary>True for π±, K±, K⁰_L, n, p: particles that start a hadronic shower after a nuclear interaction.</summary>
    public static bool IsHadron(DetectorSpecies kind) => kind is DetectorSpecies.PionMinus or DetectorSpecies.KaonMinus
        or DetectorSpecies.PionPlus or DetectorSpecies.KaonPlus or DetectorSpecies.KaonLong or DetectorSpecies.Neutron or DetectorSpecies.Proton;

    /// <summary>True for μ±.</summary>
    public static bool IsMuon(DetectorSpecies kind) => kind is DetectorSpecies.MuonMinus or DetectorSpecies.MuonPlus;
}

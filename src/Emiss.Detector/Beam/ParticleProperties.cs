using Emiss.Core.Constants;

namespace Emiss.Detector.Beam;

/// <summary>Masses (GeV, from <see cref="PhysicalConstants"/>), charges and PDG codes of <see cref="DetectorSpecies"/>.</summary>
public static class ParticleProperties
{
    /// <summary>Rest mass, GeV.</summary>
    public static double MassGeV(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Electron or DetectorSpecies.Positron => PhysicalConstants.ElectronMassGeV,
        DetectorSpecies.Photon => 0.0,
        DetectorSpecies.PionMinus => PhysicalConstants.ChargedPionMassGeV,
        DetectorSpecies.KaonMinus => PhysicalConstants.ChargedKaonMassGeV,
        DetectorSpecies.MuonMinus => PhysicalConstants.MuonMassGeV,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>Electric charge in units of e.</summary>
    public static int Charge(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Positron => 1,
        DetectorSpecies.Photon => 0,
        _ => -1,
    };

    /// <summary>PDG Monte Carlo particle code.</summary>
    public static int PdgCode(DetectorSpecies kind) => kind switch
    {
        DetectorSpecies.Electron => 11,
        DetectorSpecies.Positron => -11,
        DetectorSpecies.Photon => 22,
        DetectorSpecies.PionMinus => -211,
        DetectorSpecies.KaonMinus => -321,
        DetectorSpecies.MuonMinus => 13,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>True for e±, γ: particles that start an electromagnetic shower.</summary>
    public static bool IsElectromagnetic(DetectorSpecies kind) => kind is DetectorSpecies.Electron or DetectorSpecies.Positron or DetectorSpecies.Photon;

    /// <summary>True for π, K: particles that start a hadronic shower after a nuclear interaction.</summary>
    public static bool IsHadron(DetectorSpecies kind) => kind is DetectorSpecies.PionMinus or DetectorSpecies.KaonMinus;
}

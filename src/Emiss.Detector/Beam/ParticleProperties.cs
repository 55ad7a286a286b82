namespace Emiss.Detector.Beam;

/// <summary>Masses (GeV), charges and PDG codes of <see cref="ParticleKind"/>. Source: PDG 2024 (m_e, m_μ as in PHYSICS.md §0; m_π± = 0.13957039, m_K± = 0.493677 GeV).</summary>
public static class ParticleProperties
{
    /// <summary>Rest mass, GeV.</summary>
    public static double MassGeV(ParticleKind kind) => kind switch
    {
        ParticleKind.Electron or ParticleKind.Positron => 0.51099895e-3,
        ParticleKind.Photon => 0.0,
        ParticleKind.PionMinus => 0.13957039,
        ParticleKind.KaonMinus => 0.493677,
        ParticleKind.MuonMinus => 0.1056583755,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>Electric charge in units of e.</summary>
    public static int Charge(ParticleKind kind) => kind switch
    {
        ParticleKind.Positron => 1,
        ParticleKind.Photon => 0,
        _ => -1,
    };

    /// <summary>PDG Monte Carlo particle code.</summary>
    public static int PdgCode(ParticleKind kind) => kind switch
    {
        ParticleKind.Electron => 11,
        ParticleKind.Positron => -11,
        ParticleKind.Photon => 22,
        ParticleKind.PionMinus => -211,
        ParticleKind.KaonMinus => -321,
        ParticleKind.MuonMinus => 13,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown particle kind"),
    };

    /// <summary>True for e±, γ: particles that start an electromagnetic shower.</summary>
    public static bool IsElectromagnetic(ParticleKind kind) => kind is ParticleKind.Electron or ParticleKind.Positron or ParticleKind.Photon;

    /// <summary>True for π, K: particles that start a hadronic shower after a nuclear interaction.</summary>
    public static bool IsHadron(ParticleKind kind) => kind is ParticleKind.PionMinus or ParticleKind.KaonMinus;
}

namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Published systematics of multiparticle production that fix the photonuclear final state
/// (docs/physics/photonuclear.md#final-state-generator). Photoproduction on a nucleon is taken to follow pp and πp
/// at the same √s (vector-meson dominance: the photon interacts as a ρ/ω/φ; [assumed], ≈ 10 % level).
/// </summary>
public static class HadronProductionSystematics
{
    /// <summary>Mean charged multiplicity of inelastic pp at c.m. energy squared <paramref name="sGeV2"/>:
    /// ⟨n_ch⟩ = 0.88 + 0.44 ln s + 0.118 ln² s (Thomé et al., Nucl. Phys. B 129 (1977) 365, fit to 10–2000 GeV/c
    /// bubble-chamber and ISR data; 6.5 at 102 GeV/c).</summary>
    public static double MeanChargedMultiplicity(double sGeV2)
    {
        double l = Math.Log(sGeV2);
        return 0.88 + 0.44 * l + 0.118 * l * l;
    }

    /// <summary>Dispersion D = √(⟨n²⟩ − ⟨n⟩²) of the charged multiplicity: D = 0.58(⟨n_ch⟩ − 1)
    /// (Wróblewski, Acta Phys. Pol. B 4 (1973) 857).</summary>
    public static double ChargedDispersion(double meanCharged) => 0.58 * (meanCharged - 1);

    /// <summary>(K⁺ + K⁻)/(π⁺ + π⁻) of produced mesons at √s ≈ 5–20 GeV: 0.08 (integrated ratio; ISR and
    /// Fermilab data, Rossi et al., Nucl. Phys. B 84 (1975) 269; Antreasyan et al., Phys. Rev. D 19 (1979) 764).</summary>
    public const double ChargedKaonToPion = 0.08;

    /// <summary>π⁰/(π⁺ + π⁻) = 1/2 (isospin symmetry of pion production, confirmed by γ multiplicities).</summary>
    public const double NeutralToChargedPion = 0.5;

    /// <summary>(K⁰ + K̄⁰)/(K⁺ + K⁻) = 1 (isospin); K⁰_L and K⁰_S each half of the neutral kaons.</summary>
    public const double NeutralToChargedKaon = 1.0;

    /// <summary>Mean transverse momentum of pions, GeV/c (≈ 0.35, nearly energy independent; PDG review of
    /// high-energy collisions; Alper et al., Nucl. Phys. B 100 (1975) 237).</summary>
    public const double PionMeanPt = 0.35;

    /// <summary>Mean transverse momentum of kaons and nucleons, GeV/c (≈ 0.45; Alper et al. 1975).</summary>
    public const double HeavyMeanPt = 0.45;

    /// <summary>Mean kinetic energy of the recoiling target-side nucleon in the lab, GeV [assumed: target fragmentation,
    /// p ≈ 0.3–0.6 GeV/c].</summary>
    public const double RecoilNucleonMeanKineticGeV = 0.2;

    /// <summary>K⁰_S → π⁺π⁻ branching ratio (PDG 2024: 69.20 %; the rest π⁰π⁰).</summary>
    public const double KShortToChargedPions = 0.6920;
}

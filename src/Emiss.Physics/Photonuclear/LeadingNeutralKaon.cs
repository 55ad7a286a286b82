using Emiss.Core.Constants;

namespace Emiss.Physics.Photonuclear;

/// <summary>
/// The leading neutral kaon of a high-energy π⁻ or K⁻ inelastic interaction on a nucleus — the inelastic
/// charge (and strangeness) exchange π⁻A → K⁰X, K⁻A → K̄⁰X whose K⁰_L can carry most of the energy through a
/// calorimeter unseen (docs/physics/hadron-response.md#leading-neutral-kaon).
/// Flavour by quark counting in the projectile's fragmentation: the leading meson keeps one of the projectile's two
/// valence (anti)quarks, each with probability ½, and takes a new partner from the sea with flavour weights
/// u : d : s = 1 : 1 : λ_s (the strangeness suppression of the Lund string, Andersson et al., Phys. Rep. 97 (1983) 31).
/// π⁻ = dū gives a K⁰ = ds̄ when it keeps the d and draws an s̄:
/// P = ½ λ_s/(2 + λ_s); K⁻ = sū gives a K̄⁰ = sd̄ when it keeps the s and draws a d̄: P = ½ · 1/(2 + λ_s).
/// Half of the neutral kaons are K⁰_L. The leading meson's share of the energy is uniform (the flat leading-particle
/// spectrum the photonuclear generator uses too: Basile et al., Nuovo Cim. A 66 (1981) 129); fixed-target data show
/// such leading K⁰_S for π and K beams ("copious production of K⁰_S at large x_L", 200 GeV/c π⁻, K⁻, p̄, p on Be,
/// Phys. Rev. D 18 (1978) 3115 [reference as recalled]).
/// Not modelled: leading φ (ss̄ → K⁰_L K⁰_S in a third of its decays) and η, leading baryons (a leading neutron
/// needs baryon exchange), and the recoil nucleon.
/// </summary>
public static class LeadingNeutralKaon
{
    /// <summary>λ_s, the sea's s : u ratio: E665 found s/u ≈ 0.20 in muon–nucleon fragmentation (Adams et al.,
    /// Z. Phys. C 61 (1994) 539), the Lund default is 0.3; the middle of the two, with the range as its systematic
    /// (<see cref="StrangenessSuppressionRange"/>).</summary>
    public const double StrangenessSuppression = 0.25;

    /// <summary>The range of λ_s in the literature quoted above, for the systematic.</summary>
    public static (double Low, double High) StrangenessSuppressionRange => (0.20, 0.30);

    /// <summary>Probability that the leading meson of an inelastic interaction of a projectile with PDG code
    /// <paramref name="projectilePdg"/> (−211 π⁻ or −321 K⁻) is a K⁰_L, with strangeness suppression
    /// <paramref name="lambdaS"/>.</summary>
    public static double LongKaonProbability(int projectilePdg, double lambdaS = StrangenessSuppression)
    {
        if (!(lambdaS > 0 && lambdaS <= 1))
            throw new ArgumentOutOfRangeException(nameof(lambdaS), lambdaS, "the strangeness suppression must lie in (0, 1]");
        double neutralKaon = projectilePdg switch
        {
            -211 => 0.5 * lambdaS / (2 + lambdaS),
            -321 => 0.5 / (2 + lambdaS),
            _ => throw new ArgumentOutOfRangeException(nameof(projectilePdg), projectilePdg, "only π⁻ (−211) and K⁻ (−321) projectiles"),
        };
        return 0.5 * neutralKaon;
    }

    /// <summary>PDG code of the lightest meson with the quantum numbers the rest of the final state keeps once the leading
    /// neutral kaon has left: the projectile's other valence antiquark ū with the partner's partner quark. π⁻ = dū → K⁰ (ds̄)
    /// leaves sū = K⁻ (charge −1, strangeness −1); K⁻ = sū → K̄⁰ (sd̄) leaves dū = π⁻ (charge −1, strangeness 0).</summary>
    public static int RestCarrierPdg(int projectilePdg) => projectilePdg switch
    {
        -211 => -321,
        -321 => -211,
        _ => throw new ArgumentOutOfRangeException(nameof(projectilePdg), projectilePdg, "only π⁻ (−211) and K⁻ (−321) projectiles"),
    };

    /// <summary>Splits a projectile of total energy <paramref name="energyGeV"/> into the leading K⁰_L with share
    /// <paramref name="share"/> of the kinetic energy the two can share, and the rest of the final state, whose lightest
    /// state has mass <paramref name="restMassGeV"/> (<see cref="RestCarrierPdg"/>): E_K = m_K + z (E − m_K − m_rest),
    /// E_rest = E − E_K ≥ m_rest. Returns (E_K, E_rest).</summary>
    public static (double KaonGeV, double RestGeV) Split(double energyGeV, double restMassGeV, double share)
    {
        if (!(share >= 0 && share <= 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "the leading share lies in [0, 1]");
        double mK = PhysicalConstants.NeutralKaonMassGeV;
        double free = energyGeV - mK - restMassGeV;
        if (!(free > 0) || double.IsInfinity(free))
            throw new ArgumentOutOfRangeException(nameof(energyGeV), energyGeV, "the projectile cannot make a K⁰_L and the rest of its final state");
        double kaon = mK + share * free;
        return (kaon, energyGeV - kaon);
    }
}

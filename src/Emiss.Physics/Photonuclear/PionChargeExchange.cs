using Emiss.Core.Constants;
using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Quasi-elastic pion charge exchange π⁻A → π⁰X at high energy (docs/physics/hadron-response.md#charge-exchange):
/// on a free proton σ(π⁻p → π⁰n) = σ₁₀₀ (p/100 GeV)^(−n) with σ₁₀₀ = 4 µb and n = 1.2 (ρ-Regge exchange; Barnes et al.,
/// Phys. Rev. Lett. 37 (1976) 76; Apel et al., Nucl. Phys. B 154 (1979) 189; ±30 % as the seed assigns). On a nucleus
/// the reaction needs a proton and must survive absorption of the incoming π⁻ and outgoing π⁰; the Glauber estimate of
/// the effective proton number is N_eff = Z σ_abs(πA)/(A σ_in(πN)), with σ_abs(πA) = 28.5 mb·A^0.75 (absorption
/// cross sections of 60–200 GeV pions, Carroll et al., Phys. Lett. B 80 (1979) 319) and σ_in(πN) = 20.7 mb (PDG:
/// σ_tot − σ_el of π⁻p at 100 GeV). For Pb N_eff ≈ 30 and σ(π⁻Pb → π⁰X) ≈ 0.12 mb.
/// </summary>
public static class PionChargeExchange
{
    /// <summary>σ(π⁻p → π⁰n) at 100 GeV/c, mb.</summary>
    public const double ProtonMillibarnAt100GeV = 4.0e-3;

    /// <summary>Exponent n of σ ∝ p^(−n).</summary>
    public const double MomentumExponent = 1.2;

    /// <summary>Inelastic πN cross section used for N_eff, mb.</summary>
    public const double PionNucleonInelasticMillibarn = 20.7;

    /// <summary>Slope b of dσ/dt ∝ e^(bt) for the momentum transfer, GeV⁻² (forward peak of π⁻p → π⁰n at 20–200 GeV).</summary>
    public const double SlopePerGeV2 = 10.0;

    /// <summary>σ(π⁻p → π⁰n) at pion momentum <paramref name="pGeV"/>, mb.</summary>
    public static double ProtonMillibarn(double pGeV) => ProtonMillibarnAt100GeV * Math.Pow(pGeV / 100.0, -MomentumExponent);

    /// <summary>Pion absorption cross section on nucleus A, mb (Carroll et al. 1979 scaling; a proton, A = 1, returns σ_in(πN)).</summary>
    public static double AbsorptionMillibarn(double a) => a < 1.5 ? PionNucleonInelasticMillibarn : 28.5 * Math.Pow(a, 0.75);

    /// <summary>Effective number of protons seen by a quasi-elastic charge exchange: Z for hydrogen, else Z σ_abs/(A σ_in).</summary>
    public static double EffectiveProtons(double a, int z) =>
        a < 1.5 ? z : z * AbsorptionMillibarn(a) / (a * PionNucleonInelasticMillibarn);

    /// <summary>σ(π⁻A → π⁰X) at momentum <paramref name="pGeV"/>, mb.</summary>
    public static double NuclearMillibarn(double a, int z, double pGeV) => EffectiveProtons(a, z) * ProtonMillibarn(pGeV);

    /// <summary>
    /// The forward π⁰ of a π⁻ of energy <paramref name="eGeV"/> along z: |t| from e^(−b|t|), energy E − |t|/(2m_N)
    /// (the recoil neutron's kinetic energy), transverse momentum √|t|. Returns the π⁰ and the neutron's kinetic energy.
    /// </summary>
    public static (FinalStateParticle Pi0, double NeutronKineticGeV) Sample(double eGeV, ref EventRng rng)
    {
        double mN = PhysicalConstants.NeutronMassGeV, m = PhysicalConstants.NeutralPionMassGeV;
        double t = rng.NextExponential() / SlopePerGeV2;
        double tn = Math.Min(t / (2 * mN), 0.5 * eGeV);
        double e = eGeV - tn;
        double p = Math.Sqrt(Math.Max(0, e * e - m * m));
        double pt = Math.Min(Math.Sqrt(t), 0.5 * p);
        (double s, double c) = Math.SinCos(2 * Math.PI * rng.NextDouble());
        return (new FinalStateParticle(111, e, pt * c, pt * s, Math.Sqrt(p * p - pt * pt)), tn);
    }
}

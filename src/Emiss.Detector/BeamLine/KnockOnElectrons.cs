using Emiss.Core.Random;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// Knock-on (δ-ray) electrons of a heavy charged projectile (μ, π, K), PDG Review of Particle Physics (2024),
/// "Passage of particles through matter" §34.2.7: for I ≪ T ≤ T_max
/// d²N/dT dx = ½ K (Z/A) (1/β²) F(T)/T² (eq. 34.14, x in g cm⁻²), with K = 4π N_A r_e² m_e c² = 0.307075 MeV mol⁻¹ cm²
/// (Table 34.1), F = 1 − β²T/T_max for spin 0 and F = 1 − β²T/T_max + T²/(2E²) for spin ½, T_max from eq. 34.4, and the
/// emission angle cos θ = (T/p_e)(p_max/T_max) (eq. 34.15). Sampling is by thinning a projectile-independent majorant
/// ½ K (Z/A) ρx / T² (β = 1, F = 1) on [T_min, ∞): a candidate is kept with probability min(1, F(T)/β²) and T ≤ T_max,
/// so that the candidate count, and a count conditioned on at least one candidate, are the same for every beam particle
/// (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons).
/// </summary>
public static class KnockOnElectrons
{
    /// <summary>K = 4π N_A r_e² m_e c², MeV mol⁻¹ cm² (PDG 2024 Table 34.1).</summary>
    public const double KMeVCm2PerMol = 0.307075;

    private const double ElectronMassGeV = Core.Constants.PhysicalConstants.ElectronMassGeV;

    /// <summary>Largest energy transfer to a free electron, GeV: T_max = 2 m_e β²γ² / (1 + 2γ m_e/M + (m_e/M)²) (PDG eq. 34.4).</summary>
    public static double MaxKineticGeV(double energyGeV, double massGeV)
    {
        double gamma = energyGeV / massGeV, bg2 = gamma * gamma - 1, r = ElectronMassGeV / massGeV;
        return 2 * ElectronMassGeV * bg2 / (1 + 2 * gamma * r + r * r);
    }

    /// <summary>Mean number of majorant candidates with T ≥ <paramref name="tMinGeV"/> in a layer of
    /// <paramref name="electronMolesPerCm2"/> = (Z/A)·ρx mol cm⁻²: ½ K (Z/A) ρx / T_min (β = 1, F = 1).</summary>
    public static double CandidatesAbove(double electronMolesPerCm2, double tMinGeV)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMinGeV);
        ArgumentOutOfRangeException.ThrowIfNegative(electronMolesPerCm2);
        return 0.5 * KMeVCm2PerMol * electronMolesPerCm2 / (tMinGeV * 1e3);
    }

    /// <summary>Spin factor F(T) of eq. 34.14: 1 − β²T/T_max, plus T²/(2E²) for a spin-½ projectile.</summary>
    public static double SpinFactor(double tGeV, double energyGeV, double massGeV, bool spinHalf)
    {
        double beta2 = 1 - massGeV * massGeV / (energyGeV * energyGeV);
        double f = 1 - beta2 * tGeV / MaxKineticGeV(energyGeV, massGeV);
        return spinHalf ? f + tGeV * tGeV / (2 * energyGeV * energyGeV) : f;
    }

    /// <summary>Probability that a majorant candidate of kinetic energy <paramref name="tGeV"/> is a δ-ray of this
    /// projectile: min(1, F(T)/β²) for T ≤ T_max, else 0. Only β² &lt; F, i.e. projectiles below a few GeV, reach the
    /// cap; beam particles have β² &gt; 0.999.</summary>
    public static double Acceptance(double tGeV, double energyGeV, double massGeV, bool spinHalf)
    {
        if (!(energyGeV > massGeV) || tGeV > MaxKineticGeV(energyGeV, massGeV)) return 0;
        double beta2 = 1 - massGeV * massGeV / (energyGeV * energyGeV);
        return Math.Clamp(SpinFactor(tGeV, energyGeV, massGeV, spinHalf) / beta2, 0, 1);
    }

    /// <summary>Samples T from the majorant dN/dT ∝ 1/T² on [<paramref name="tMinGeV"/>, ∞) by inversion.</summary>
    public static double SampleMajorant(double tMinGeV, ref EventRng rng) => tMinGeV / (1 - rng.NextDouble());

    /// <summary>cos θ of a δ-ray of kinetic energy <paramref name="tGeV"/> against the projectile (eq. 34.15):
    /// (T/p_e)(p_max/T_max), p the electron momenta at T and T_max.</summary>
    public static double CosTheta(double tGeV, double tMaxGeV)
    {
        double pe = Math.Sqrt(tGeV * (tGeV + 2 * ElectronMassGeV)), pMax = Math.Sqrt(tMaxGeV * (tMaxGeV + 2 * ElectronMassGeV));
        return Math.Min(1.0, tGeV / pe * (pMax / tMaxGeV));
    }

    /// <summary>Smallest kinetic energy at which a δ-ray can leave within <paramref name="thetaMaxRad"/> of a projectile
    /// whose T_max is at least <paramref name="tMaxGeV"/>: eq. 34.15 solved for T, T = 2 m_e c / (a − c) with c = cos²θ and
    /// a = 1 + 2m_e/T_max (θ falls with T, and a larger T_max only lowers θ further at given T).</summary>
    public static double KineticAtAngle(double thetaMaxRad, double tMaxGeV)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thetaMaxRad);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMaxGeV);
        double c = Math.Cos(thetaMaxRad), c2 = c * c, a = 1 + 2 * ElectronMassGeV / tMaxGeV;
        return 2 * ElectronMassGeV * c2 / (a - c2);
    }
}

using Emiss.Core.Constants;
using Emiss.Core.Numerics;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// The first transport cross section σ1 = ∫(1 − cos θ) dσ of elastic Coulomb scattering, which sets the transport mean
/// free path λ1 = 1/(Σ_i n_i σ1,i) and so ⟨cos θ⟩ = e^{−t/λ1} after any path t, independent of how t is split into steps.
/// <list type="bullet">
/// <item>Screened (Wentzel) Rutherford cross section dσ/dΩ = (Z r_e m_e/(pβ))²/(1 − cos θ + 2A)², integrated in closed
/// form: σ1 = 2π(Z r_e m_e/(pβ))²[ln(1 + 1/A) − 1/(1 + A)] (Fernández-Varea et al., NIM B 73, 447 (1993), eq. 17).</item>
/// <item>Screening parameter of Molière (Z. Naturforsch. 2a, 133 (1947)): A = ¼(ħ/(p a))²(1.13 + 3.76(αZ/β)²), with the
/// Thomas–Fermi radius a = 0.88534 a0 Z^{−1/3}.</item>
/// <item>Atomic electrons scatter like the nucleus with charge 1 per electron: Z² → Z(Z + 1) (Fano, Phys. Rev. 93, 117 (1954)).</item>
/// <item>Mott correction of the nuclear part: the McKinley–Feshbach ratio (Phys. Rev. 74, 1759 (1948)) σ_Mott/σ_R = 1 −
/// β² sin²(θ/2) ± παβZ sin(θ/2)(1 − sin(θ/2)) (+ for e⁻ and μ⁻, − for e⁺ and μ⁺), integrated numerically with the
/// screened weight. It is a first-order expansion in αZ: for Pb (αZ = 0.6) it is an estimate of the sign and size
/// (+4 % of σ1 at 10 MeV), not an exact Mott factor.</item>
/// <item>Finite nuclear size: the nuclear part is multiplied by F_N²(q), F_N = (1 + q²r²/12)^−2, the form factor of an
/// exponential charge distribution of rms radius r = 0.93 A^{1/3} fm (a uniform sphere of 1.2 A^{1/3} fm has this rms
/// radius; Pb 5.51 fm against the measured 5.50 fm, Angeli and Marinova, At. Data Nucl. Data Tables 99, 69 (2013)); the
/// same form as Geant4's WentzelVI model, which Geant4 uses for e± above 100 MeV. A point nucleus lets σ1 grow as ln p
/// without bound; the nuclear size stops it (Pb: −5 % at 30 MeV, −17 % at 100 MeV, −35 % at 1 GeV;
/// docs/physics/multiple-scattering.md#nuclear-size).</item>
/// </list>
/// </summary>
public static class TransportCrossSection
{
    private const double BohrRadiusCm = PhysicalConstants.HbarCGeVCm / (PhysicalConstants.Alpha * PhysicalConstants.ElectronMassGeV);

    /// <summary>Transport mean free path λ1 (cm) of a particle of charge ±1 in <paramref name="material"/>.</summary>
    /// <param name="material">The material.</param>
    /// <param name="kineticGeV">Kinetic energy, GeV.</param>
    /// <param name="massGeV">Mass, GeV.</param>
    /// <param name="negative">True for e⁻ and μ⁻ (sign of the Mott term).</param>
    public static double Lambda1Cm(ShowerMaterial material, double kineticGeV, double massGeV, bool negative)
    {
        ArgumentNullException.ThrowIfNull(material);
        double inv = 0.0;
        for (int i = 0; i < material.Z.Length; i++)
            inv += material.AtomDensityPerCm3[i]
                * Sigma1PerAtomCm2(material.Z[i], material.Source.Elements[i].AGramsPerMol, kineticGeV, massGeV, negative);
        return 1.0 / inv;
    }

    /// <summary>σ1 per atom of atomic number <paramref name="z"/> and mass number <paramref name="massNumber"/>, cm².</summary>
    public static double Sigma1PerAtomCm2(int z, double massNumber, double kineticGeV, double massGeV, bool negative)
    {
        double e = kineticGeV + massGeV;
        double p2 = kineticGeV * (kineticGeV + 2.0 * massGeV);
        double beta2 = p2 / (e * e), beta = Math.Sqrt(beta2);
        double pBeta = p2 / e;
        double az = PhysicalConstants.Alpha * z;
        double screen = MoliereScreening(z, p2, beta2);
        double screened = Math.Log(1.0 + 1.0 / screen) - 1.0 / (1.0 + screen);
        double c = (negative ? 1.0 : -1.0) * Math.PI * az;
        double mott = MottIntegral(screen, beta, beta2, c);
        double nuclearSize = NuclearSizeDeficit(screen, beta, beta2, c, p2 * NuclearSlopeCm2(massNumber) / (PhysicalConstants.HbarCGeVCm * PhysicalConstants.HbarCGeVCm));
        double k = PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ElectronMassGeV / pBeta;
        return 2.0 * Math.PI * k * k * ((double)z * z * (screened + mott + nuclearSize) + z * screened);
    }

    /// <summary>Molière's screening parameter A = ¼(ħ/(p a))²(1.13 + 3.76(αZ/β)²) with the Thomas–Fermi radius
    /// a = 0.88534 a0 Z^{−1/3}, for momentum² <paramref name="p2"/> (GeV²) and β² <paramref name="beta2"/>; Z may be an
    /// effective (non-integer) atomic number.</summary>
    public static double MoliereScreening(double z, double p2, double beta2)
    {
        double a = ThomasFermiRadiusCm(z);
        double chi0 = PhysicalConstants.HbarCGeVCm / (Math.Sqrt(p2) * a);
        double az = PhysicalConstants.Alpha * z;
        return 0.25 * chi0 * chi0 * (1.13 + 3.76 * az * az / beta2);
    }

    /// <summary>The Z-dependent factors of <see cref="MoliereScreening(double, double, double)"/>: ¼(ħc/a)² (GeV²) and
    /// 3.76(αZ)², so that A = c1/p² × (1.13 + c2/β²).</summary>
    public static (double QuarterInverseRadiusSquared, double CoulombTerm) MoliereScreeningConstants(double z)
    {
        double k = PhysicalConstants.HbarCGeVCm / ThomasFermiRadiusCm(z);
        double az = PhysicalConstants.Alpha * z;
        return (0.25 * k * k, 3.76 * az * az);
    }

    /// <summary>Thomas–Fermi radius a = 0.88534 a0 Z^{−1/3}, cm.</summary>
    private static double ThomasFermiRadiusCm(double z) => 0.88534 * BohrRadiusCm * Math.Pow(z, -1.0 / 3.0);

    /// <summary>Molière's A from the material's <see cref="MoliereScreeningConstants"/>, for the per-step use of the
    /// PRESTA-II step (no power per call); equal to <see cref="MoliereScreening(double, double, double)"/> up to rounding,
    /// whose own arithmetic the λ1 tables keep.</summary>
    public static double MoliereScreening((double QuarterInverseRadiusSquared, double CoulombTerm) c, double p2, double beta2) =>
        c.QuarterInverseRadiusSquared / p2 * (1.13 + c.CoulombTerm / beta2);

    /// <summary>r²/12 of the exponential charge distribution, cm², with r = 0.93 A^{1/3} fm (rms radius).</summary>
    private static double NuclearSlopeCm2(double massNumber)
    {
        double rCm = 0.93e-13 * Math.Cbrt(massNumber);
        return rCm * rCm / 12.0;
    }

    /// <summary>∫0^1 2s³/(s² + A)² [1 + c s(1 − s) − β² s²] (F_N² − 1) ds: what the nuclear size removes from the
    /// (Mott-corrected) nuclear bracket. q² = 4p² s², so F_N = (1 + 4 b s²)^−2 with b = p² r²/12 in units of ħ².
    /// The integrand vanishes below s ≈ 1/√(4b); it is integrated in ln s from 10⁻³ of that.</summary>
    private static double NuclearSizeDeficit(double screen, double beta, double beta2, double piAlphaZ, double b)
    {
        double sN = 0.5 / Math.Sqrt(b);
        double lo = Math.Log(Math.Min(1e-3 * sN, 0.5));
        return GaussLegendre.Integrate(u =>
        {
            double s = Math.Exp(u), s2 = s * s, d = s2 + screen;
            double f = 1.0 + 4.0 * b * s2, ff = 1.0 / (f * f);
            double mottFactor = 1.0 + piAlphaZ * beta * s * (1.0 - s) - beta2 * s2;
            return 2.0 * s2 * s2 / (d * d) * mottFactor * (ff * ff - 1.0);
        }, lo, 0.0, 16);
    }

    /// <summary>∫0^1 2s³/(s² + A)² [c s(1 − s) − β² s²] ds with s = sin(θ/2): the McKinley–Feshbach excess over the
    /// screened Rutherford bracket (c = ±παZ times β).</summary>
    private static double MottIntegral(double screen, double beta, double beta2, double piAlphaZ) =>
        GaussLegendre.Integrate(s =>
        {
            double s2 = s * s, d = s2 + screen;
            return 2.0 * s2 * s / (d * d) * (piAlphaZ * beta * s * (1.0 - s) - beta2 * s2);
        }, 0.0, 1.0, 4);
}

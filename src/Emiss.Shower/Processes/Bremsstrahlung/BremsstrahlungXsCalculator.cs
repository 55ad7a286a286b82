using Emiss.Core.Constants;
using Emiss.Core.Numerics;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// Bremsstrahlung cross sections: below 50 MeV Seltzer and Berger's tabulated spectra (<see cref="SeltzerBergerTable"/>),
/// above it Tsai's formula with screening functions and Coulomb correction (Tsai, RMP 46, 815 (1974), eqs. 3.9,
/// 3.38–3.41; hydrogen's from its exact form factors, <see cref="HydrogenScreening"/>); LPM suppression (Klein, RMP 71, 1501 (1999), Migdal functions as in
/// docs/physics/bremsstrahlung.md#dielectric-suppression) and dielectric suppression k²/(k² + k_p²) (Ter-Mikaelian).
/// </summary>
public static class BremsstrahlungXsCalculator
{
    /// <summary>α r_e², cm².</summary>
    public const double AlphaRe2Cm2 = PhysicalConstants.Alpha * PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm;

    /// <summary>Coulomb correction f(Z) = a²[1/(1 + a²) + 0.20206 − 0.0369a² + 0.0083a⁴ − 0.002a⁶], a = αZ (Tsai eq. 3.38; Davies–Bethe–Maximon).</summary>
    public static double CoulombCorrection(int z)
    {
        double a2 = PhysicalConstants.Alpha * z * PhysicalConstants.Alpha * z;
        return a2 * (1.0 / (1.0 + a2) + 0.20206 - 0.0369 * a2 + 0.0083 * a2 * a2 - 0.002 * a2 * a2 * a2);
    }

    /// <summary>Kinetic energy below which the spectrum is Seltzer and Berger's table, GeV. From 50 MeV their tables are
    /// the same screened, Coulomb-corrected high-energy theory as Tsai's formula (within 3 % of it in the bulk of the
    /// spectrum: docs/physics/bremsstrahlung.md#spectrum-against-seltzer-and-berger), below it Tsai's Born shape fails.</summary>
    public const double TableBelowKineticGeV = 0.05;

    /// <summary>
    /// The engine's bracket, dσ/dk = α r_e² {…}/k: Seltzer–Berger's table below <see cref="TableBelowKineticGeV"/>,
    /// Tsai's bracket above. E is the total electron energy, k the photon energy (GeV). For many k at one E, build one
    /// <see cref="BremsstrahlungBracket"/>.
    /// </summary>
    public static double Bracket(in BremsstrahlungElement el, double totalEnergyGeV, double kGeV) =>
        new BremsstrahlungBracket(el, totalEnergyGeV).At(kGeV);

    /// <summary>
    /// Tsai's curly bracket of eq. 3.9 (dimensionless): dσ/dk = α r_e² {…}/k. E is the total electron energy, k the
    /// photon energy (GeV). Negative screening terms (very low energies) are clamped to 0.
    /// </summary>
    public static double TsaiBracket(in BremsstrahlungElement el, double totalEnergyGeV, double kGeV) =>
        BracketCore(el, totalEnergyGeV, kGeV, false);

    /// <summary>
    /// Upper bound of Tsai's bracket for all k' ≥ <paramref name="kGeV"/> at fixed E: the screening terms A and the
    /// (1 − y) term decrease with k, and 4/3 − 4y/3 + y² ≤ 4/3, so (4/3)·A(k) + (2/3)(1 − y)(…)(k) bounds it (for hydrogen
    /// with the largest φ1 − φ2 and ψ1 − ψ2 from k on, which rise again as O(δ) where screening ends).
    /// </summary>
    public static double TsaiBracketBoundAbove(in BremsstrahlungElement el, double totalEnergyGeV, double kGeV) =>
        BracketCore(el, totalEnergyGeV, kGeV, true);

    private static double BracketCore(in BremsstrahlungElement el, double totalEnergyGeV, double kGeV, bool bound)
    {
        double y = kGeV / totalEnergyGeV;
        double ePrime = totalEnergyGeV - kGeV;
        double common = 100.0 * PhysicalConstants.ElectronMassGeV * kGeV / (totalEnergyGeV * ePrime);
        double phi1, phi12, psi1, psi12;
        if (el.Z == 1)
        {
            double delta = 0.005 * common;   // δ = m_e k/(2EE′) = common/200
            (phi1, phi12, psi1, psi12) = HydrogenScreening.At(delta);
            if (bound) (phi12, psi12) = HydrogenScreening.DifferencesBoundFrom(delta);
        }
        else
        {
            double gs = common / el.Z13, es = common / el.Z23;
            phi1 = 16.863 - 2.0 * Math.Log(1.0 + 0.311877 * gs * gs) + 2.4 * Math.Exp(-0.9 * gs) + 1.6 * Math.Exp(-1.5 * gs);
            phi12 = 2.0 / (3.0 + 19.5 * gs + 18.0 * gs * gs);
            psi1 = 24.34 - 2.0 * Math.Log(1.0 + 13.111641 * es * es) + 2.8 * Math.Exp(-8.0 * es) + 1.2 * Math.Exp(-29.2 * es);
            psi12 = 2.0 / (3.0 + 120.0 * es + 1200.0 * es * es);
        }
        double z = el.Z;
        double a = Math.Max(0.0, z * z * (phi1 - 4.0 / 3.0 * el.LnZ - 4.0 * el.CoulombF)) + Math.Max(0.0, z * (psi1 - 8.0 / 3.0 * el.LnZ));
        double poly = bound ? 4.0 / 3.0 : 4.0 / 3.0 - 4.0 / 3.0 * y + y * y;
        return poly * a + 2.0 / 3.0 * (1.0 - y) * (z * z * phi12 + z * psi12);
    }

    /// <summary>Upper bound of <see cref="TsaiBracket"/> over all k at any energy (its complete-screening value at y = 0).</summary>
    public static double BracketMajorant(in BremsstrahlungElement el)
    {
        if (el.Z == 1)
        {
            (double phi1, _, double psi1, _) = HydrogenScreening.At(0.0);
            (double phi12, double psi12) = HydrogenScreening.DifferencesBoundFrom(0.0);
            return 4.0 / 3.0 * (phi1 - 4.0 * el.CoulombF + psi1) + 2.0 / 3.0 * (phi12 + psi12);
        }
        double z = el.Z;
        double a = z * z * (20.863 - 4.0 / 3.0 * el.LnZ - 4.0 * el.CoulombF) + z * (28.34 - 8.0 / 3.0 * el.LnZ);
        return 4.0 / 3.0 * a + 2.0 / 3.0 * (z * z + z) * (2.0 / 3.0);
    }

    /// <summary>
    /// LPM suppression: ratio of Migdal's cross section (docs/physics/bremsstrahlung.md#lpm-suppression, Klein eq. 15) to its s → ∞ limit, capped at 1.
    /// </summary>
    /// <param name="totalEnergyGeV">Electron total energy E.</param>
    /// <param name="kGeV">Photon energy.</param>
    /// <param name="lpmEnergyGeV">E_LPM of the material.</param>
    /// <param name="z13">Z^{1/3} of the element (s1 = (Z^{1/3}/184)²).</param>
    public static double LpmSuppression(double totalEnergyGeV, double kGeV, double lpmEnergyGeV, double z13)
    {
        double ePrime = totalEnergyGeV - kGeV;
        double s0sq = lpmEnergyGeV * kGeV / (8.0 * totalEnergyGeV * ePrime);
        if (s0sq > 16.0) return 1.0;            // s > 4: G, φ within 1e-4 of 1
        double s1 = z13 / 184.0 * (z13 / 184.0);
        double lnS1 = Math.Log(s1);
        double s = Math.Sqrt(s0sq), xi = 1.0;
        for (int it = 0; it < 3; it++)
        {
            xi = s < s1 ? 2.0 : s < 1.0 ? 1.0 + Math.Log(s) / lnS1 : 1.0;
            s = Math.Sqrt(s0sq / xi);
        }
        double phi = s < 1.55
            ? 1.0 - Math.Exp(-6.0 * s * (1.0 + (3.0 - Math.PI) * s) + s * s * s / (0.623 + 0.796 * s + 0.658 * s * s))
            : 1.0 - 0.012 / (s * s * s * s);
        double g;
        if (s < 0.71)
        {
            double psi = 1.0 - Math.Exp(-4.0 * s - 8.0 * s * s / (1.0 + 3.936 * s + 4.97 * s * s - 0.05 * s * s * s + 7.5 * s * s * s * s));
            g = 3.0 * psi - 2.0 * phi;
        }
        else g = s < 0.9 ? 36.0 * s * s / (36.0 * s * s + 1.0) : 1.0 - 0.022 / (s * s * s * s);
        double y = kGeV / totalEnergyGeV;
        double w = 2.0 * (1.0 + (1.0 - y) * (1.0 - y));
        double r = xi * (y * y * Math.Max(g, 0.0) + w * Math.Max(phi, 0.0)) / (y * y + w);
        return Math.Clamp(r, 0.0, 1.0);
    }

    /// <summary>Dielectric suppression k²/(k² + k_p²), k_p = γ ħω_p (Ter-Mikaelian; docs/physics/bremsstrahlung.md#dielectric-suppression).</summary>
    public static double DielectricSuppression(double totalEnergyGeV, double kGeV, double plasmaEnergyGeV)
    {
        double kp = totalEnergyGeV / PhysicalConstants.ElectronMassGeV * plasmaEnergyGeV;
        return kGeV * kGeV / (kGeV * kGeV + kp * kp);
    }

    /// <summary>Total suppression factor (LPM × dielectric) for the switches given.</summary>
    public static double Suppression(in BremsstrahlungElement el, double totalEnergyGeV, double kGeV, double lpmEnergyGeV,
        double plasmaEnergyGeV, bool lpm, bool dielectric)
    {
        double f = 1.0;
        if (lpm) f *= LpmSuppression(totalEnergyGeV, kGeV, lpmEnergyGeV, el.Z13);
        if (dielectric) f *= DielectricSuppression(totalEnergyGeV, kGeV, plasmaEnergyGeV);
        return f;
    }

    /// <summary>Per-atom cross section for photons with k_c &lt; k ≤ T, cm² (T = kinetic energy of the e±).</summary>
    public static double CrossSectionAboveCutCm2(in BremsstrahlungElement el, double kineticGeV, double kCutGeV,
        double lpmEnergyGeV, double plasmaEnergyGeV, bool lpm, bool dielectric)
    {
        if (kineticGeV <= kCutGeV) return 0.0;
        double e = kineticGeV + PhysicalConstants.ElectronMassGeV;
        double lo = Math.Log(kCutGeV), hi = Math.Log(kineticGeV);
        BremsstrahlungElement elc = el;
        var bracket = new BremsstrahlungBracket(el, e);
        double integral = GaussLegendre.Integrate(lnk =>
        {
            double k = Math.Exp(lnk);
            return bracket.At(k) * Suppression(elc, e, k, lpmEnergyGeV, plasmaEnergyGeV, lpm, dielectric);
        }, lo, hi, Math.Max(2, (int)Math.Ceiling(hi - lo)));   // 16-point panels one unit of ln k wide
        return AlphaRe2Cm2 * integral;
    }

    /// <summary>Per-atom radiated-energy cross section ∫₀^{min(k_c,T)} k dσ/dk dk, cm²·GeV (continuous loss below the cut).</summary>
    public static double EnergyLossBelowCutCm2GeV(in BremsstrahlungElement el, double kineticGeV, double kCutGeV,
        double lpmEnergyGeV, double plasmaEnergyGeV, bool lpm, bool dielectric)
    {
        double e = kineticGeV + PhysicalConstants.ElectronMassGeV;
        double kUp = Math.Min(kCutGeV, kineticGeV);
        double hi = Math.Log(kUp), lo = hi - Math.Log(1e6);
        BremsstrahlungElement elc = el;
        var bracket = new BremsstrahlungBracket(el, e);
        double integral = GaussLegendre.Integrate(lnk =>
        {
            double k = Math.Exp(lnk);
            return k * bracket.At(k) * Suppression(elc, e, k, lpmEnergyGeV, plasmaEnergyGeV, lpm, dielectric);
        }, lo, hi, 8);
        return AlphaRe2Cm2 * integral;
    }

    /// <summary>
    /// Radiation length from Tsai's complete-screening formula, g/cm²:
    /// 1/X0 = 4αr_e² (N_A/A)[Z²(L_rad − f) + Z L′_rad] (Tsai eq. 3.66 with L_rad = ln(184.15 Z^{−1/3}), L′_rad = ln(1194 Z^{−2/3});
    /// for hydrogen the complete-screening limits of its exact screening functions, φ1(0)/4 and ψ1(0)/4).
    /// </summary>
    public static double CompleteScreeningRadiationLengthGPerCm2(int z, double aGramsPerMol)
    {
        double lrad = Math.Log(184.15 / Math.Cbrt(z)), lradp = Math.Log(1194.0 / Math.Cbrt((double)z * z));
        if (z == 1)
        {
            (double phi1, _, double psi1, _) = HydrogenScreening.At(0.0);
            (lrad, lradp) = (phi1 / 4.0, psi1 / 4.0);
        }
        double inv = 4.0 * AlphaRe2Cm2 * PhysicalConstants.AvogadroPerMol / aGramsPerMol
            * ((double)z * z * (lrad - CoulombCorrection(z)) + z * lradp);
        return 1.0 / inv;
    }
}

using Emiss.Core.Constants;
using Emiss.Core.Numerics;
using Emiss.Shower.Processes.Bremsstrahlung;

namespace Emiss.Shower.Processes.PairProduction;

/// <summary>
/// Bethe–Heitler pair production with Tsai's screening functions and Coulomb correction (Tsai, RMP 46, 815,
/// eq. 3.16 as written in docs/physics/pair-production.md#cross-section); x = E₊/k (total energies); triplet production is the Z term.
/// Coulomb correction: docs/physics/pair-production.md#coulomb-correction drops f below 50 MeV as Geant4's sampling does, but Geant4's total cross
/// section is a fit to data, and dropping f outright overestimates σ by ≈ 12 % at 10–30 MeV in Pb (XCOM μ/ρ
/// 0.0497 cm²/g at 10 MeV, 0.0621 at 20 MeV). Here f is switched on logarithmically between 5 and 50 MeV.
/// Near threshold the ultrarelativistic Tsai form fails (Pb: 27 % of the measured σ at 2 MeV, 72 % at 3 MeV), so below
/// 10 MeV the total cross section blends into Urban's fit to the measured cross sections
/// (docs/physics/pair-production.md#near-threshold); with it the Pb, W and Fe attenuation of NIST's tables is met within
/// 3 % from 1.5 to 20 MeV.
/// </summary>
public static class PairProductionXsCalculator
{
    /// <summary>Photon energy from which the full Coulomb correction applies, GeV.</summary>
    public const double CoulombFullGeV = 0.05;

    /// <summary>Photon energy below which the Coulomb correction is dropped, GeV.</summary>
    public const double CoulombOffGeV = 0.005;

    /// <summary>Weight of the Coulomb correction at photon energy k: 0 below 5 MeV, 1 above 50 MeV, linear in ln k between.</summary>
    public static double CoulombWeight(double kGeV) =>
        Math.Clamp(Math.Log(kGeV / CoulombOffGeV) / Math.Log(CoulombFullGeV / CoulombOffGeV), 0.0, 1.0);

    /// <summary>dσ/dx /(α r_e²) (dimensionless) at photon energy k and positron fraction x.</summary>
    public static double TsaiBracket(in BremsstrahlungElement el, double kGeV, double x)
    {
        double common = 100.0 * PhysicalConstants.ElectronMassGeV / (kGeV * x * (1.0 - x));
        return BracketAt(el, kGeV, x, common / el.Z13, common / el.Z23);
    }

    /// <summary>Upper bound of <see cref="TsaiBracket"/> over x at photon energy k (screening at its minimum, x = ½).</summary>
    public static double Majorant(in BremsstrahlungElement el, double kGeV)
    {
        double common = 400.0 * PhysicalConstants.ElectronMassGeV / kGeV;
        (double a, double b) = Terms(el, kGeV, common / el.Z13, common / el.Z23);
        return a + b / 6.0;
    }

    private static double BracketAt(in BremsstrahlungElement el, double kGeV, double x, double gs, double es)
    {
        (double a, double b) = Terms(el, kGeV, gs, es);
        return (x * x + (1.0 - x) * (1.0 - x)) * a + 2.0 / 3.0 * x * (1.0 - x) * b;
    }

    private static (double A, double B) Terms(in BremsstrahlungElement el, double kGeV, double gs, double es)
    {
        double f = CoulombWeight(kGeV) * el.CoulombF;
        double phi1 = 16.863 - 2.0 * Math.Log(1.0 + 0.311877 * gs * gs) + 2.4 * Math.Exp(-0.9 * gs) + 1.6 * Math.Exp(-1.5 * gs);
        double phi2 = phi1 - 2.0 / (3.0 + 19.5 * gs + 18.0 * gs * gs);
        double psi1 = 24.34 - 2.0 * Math.Log(1.0 + 13.111641 * es * es) + 2.8 * Math.Exp(-8.0 * es) + 1.2 * Math.Exp(-29.2 * es);
        double psi2 = psi1 - 2.0 / (3.0 + 120.0 * es + 1200.0 * es * es);
        double z = el.Z;
        double a = Math.Max(0.0, z * z * (phi1 - 4.0 / 3.0 * el.LnZ - 4.0 * f) + z * (psi1 - 8.0 / 3.0 * el.LnZ));
        double b = Math.Max(0.0, z * z * (phi2 - 4.0 / 3.0 * el.LnZ - 4.0 * f) + z * (psi2 - 8.0 / 3.0 * el.LnZ));
        return (a, b);
    }

    /// <summary>Photon energy below which the total cross section is Urban's fit alone, GeV.</summary>
    public const double FitOnlyBelowGeV = 0.005;

    /// <summary>Photon energy above which the total cross section is the Tsai integral alone, GeV.</summary>
    public const double TsaiOnlyAboveGeV = 0.010;

    /// <summary>
    /// Per-atom cross section σ(k), cm²; 0 below threshold 2 m_e. Urban's fit below <see cref="FitOnlyBelowGeV"/>, the Tsai
    /// integral (<see cref="TsaiCrossSectionCm2"/>) above <see cref="TsaiOnlyAboveGeV"/>, linear in ln k between (the two agree
    /// within 1.5 % at 8–10 MeV for Fe, W and Pb, so the blend only smooths the joint).
    /// </summary>
    public static double CrossSectionCm2(in BremsstrahlungElement el, double kGeV)
    {
        if (kGeV <= 2.0 * PhysicalConstants.ElectronMassGeV) return 0.0;
        double w = Math.Clamp(Math.Log(kGeV / FitOnlyBelowGeV) / Math.Log(TsaiOnlyAboveGeV / FitOnlyBelowGeV), 0.0, 1.0);
        double tsai = w > 0.0 ? TsaiCrossSectionCm2(el, kGeV) : 0.0;
        double fit = w < 1.0 ? UrbanFitCm2(el.Z, kGeV) : 0.0;
        return (1.0 - w) * fit + w * tsai;
    }

    /// <summary>Per-atom cross section of the Tsai differential cross section integrated over x, cm²; 0 below 2 m_e.</summary>
    public static double TsaiCrossSectionCm2(in BremsstrahlungElement el, double kGeV)
    {
        double me = PhysicalConstants.ElectronMassGeV;
        if (kGeV <= 2.0 * me) return 0.0;
        double xmin = me / kGeV;
        BremsstrahlungElement e = el;
        // Symmetric in x ↔ 1 − x: twice the integral over [x_min, ½].
        return 2.0 * BremsstrahlungXsCalculator.AlphaRe2Cm2 * GaussLegendre.Integrate(x => TsaiBracket(e, kGeV, x), xmin, 0.5, 4);
    }

    /// <summary>
    /// L. Urban's empirical per-atom pair cross section (nuclear + electron field), the total cross section of Geant4's
    /// G4BetheHeitlerModel: σ = (Z + 1)(F1(X) Z + F2(X) Z² + F3(X)) µb with X = ln(k/mₑ) and F_i quintic in X, fitted to the
    /// measured cross sections of Hubbell, Gimm and Øverbø (J. Phys. Chem. Ref. Data 9, 1023 (1980)) from 1.5 MeV to
    /// 100 GeV; below 1.5 MeV σ(1.5 MeV)·((k − 2mₑ)/(1.5 MeV − 2mₑ))² (Geant4 Physics Reference Manual, gamma conversion).
    /// cm²; 0 at and below threshold.
    /// </summary>
    public static double UrbanFitCm2(int z, double kGeV)
    {
        double meMeV = PhysicalConstants.ElectronMassGeV * 1e3, kMeV = kGeV * 1e3;
        if (z < 1 || kMeV <= 2.0 * meMeV) return 0.0;
        const double LimitMeV = 1.5;
        double x = Math.Log(Math.Max(kMeV, LimitMeV) / meMeV);
        double f1 = Poly(x, 8.7842e+2, -1.9625e+3, 1.2949e+3, -2.0028e+2, 1.2575e+1, -2.8333e-1);
        double f2 = Poly(x, -1.0342e+1, 1.7692e+1, -8.2381, 1.3063, -9.0815e-2, 2.3586e-3);
        double f3 = Poly(x, -4.5263e+2, 1.1161e+3, -8.6749e+2, 2.1773e+2, -2.0467e+1, 6.5372e-1);
        double microbarn = (z + 1.0) * (f1 * z + f2 * z * z + f3);
        if (kMeV < LimitMeV)
        {
            double r = (kMeV - 2.0 * meMeV) / (LimitMeV - 2.0 * meMeV);
            microbarn *= r * r;
        }
        return Math.Max(microbarn, 0.0) * 1e-30;
    }

    private static double Poly(double x, double c0, double c1, double c2, double c3, double c4, double c5) =>
        c0 + x * (c1 + x * (c2 + x * (c3 + x * (c4 + x * c5))));
}

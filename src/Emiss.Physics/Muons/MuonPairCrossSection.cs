using Emiss.Core.Constants;
using Emiss.Core.Numerics;

namespace Emiss.Physics.Muons;

/// <summary>
/// Bethe–Heitler muon pair production on a nucleus, γZ → μ⁺μ⁻Z, with the nuclear form factor, in the form of
/// Kelner, Kokoulin and Petrukhin as written by Burkhardt, Kelner and Kokoulin (CERN-SL-2002-016 / CERN-OPEN-2002-016)
/// and implemented in Geant4's <c>G4GammaConversionToMuons</c> (docs/physics/muon-pairs.md#cross-section).
/// Energy partition: dσ/dx₊ = 4αZ²r_c² (1 − 4/3 x₊x₋) ln W, x₋ = 1 − x₊, r_c = r_e m_e/m_μ,
/// W = W∞ (1 + (D_n√e − 2) δ/m_μ) / (1 + B Z^(−1/3) √e δ/m_e), δ = m_μ²/(2k x₊x₋), W∞ = B Z^(−1/3) m_μ/(D_n m_e),
/// B = 183, D_n = 1.54 A^0.27 (hydrogen: B = 202.4, D_n = 1.49), on x₊ ∈ [½ − √(¼ − m_μ/k), ½ + √(¼ − m_μ/k)].
/// Total cross section: Burkhardt's parametrisation (same note), σ = 7/9 · 4αZ²r_c² ln(1 + W_M C_f E_g), which
/// reproduces the integral of dσ/dx₊ and the exact threshold behaviour; both vanish for k ≤ 4m_μ (the x₊ range of
/// the formula closes there; the physical threshold is 2m_μ, and the cross section between 2m_μ and 4m_μ is
/// negligible for any rate considered here).
/// </summary>
public static class MuonPairCrossSection
{
    private static readonly double SqrtE = Math.Sqrt(Math.E);

    /// <summary>Classical muon radius r_c = r_e m_e/m_μ, cm.</summary>
    public static double MuonRadiusCm => PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ElectronMassGeV / PhysicalConstants.MuonMassGeV;

    /// <summary>Lowest photon energy with a non-zero cross section in this description, 4m_μ (GeV).</summary>
    public static double ThresholdGeV => 4 * PhysicalConstants.MuonMassGeV;

    /// <summary>Screening constant B and nuclear-size constant D_n for element Z of atomic mass A (g/mol).</summary>
    public static (double B, double Dn) Constants(int z, double a)
    {
        if (z < 1) throw new ArgumentOutOfRangeException(nameof(z), z, "Z ≥ 1");
        if (!(a >= 1)) throw new ArgumentOutOfRangeException(nameof(a), a, "A ≥ 1 g/mol");
        return z == 1 ? (202.4, 1.49) : (183.0, 1.54 * Math.Pow(a, 0.27));
    }

    /// <summary>Asymptotic W∞ = B Z^(−1/3) m_μ/(D_n m_e): the argument of the logarithm at k → ∞.</summary>
    public static double WInfinity(int z, double a)
    {
        var (b, dn) = Constants(z, a);
        return b * Math.Pow(z, -1.0 / 3) * PhysicalConstants.MuonMassGeV / (dn * PhysicalConstants.ElectronMassGeV);
    }

    /// <summary>Kinematic range of x₊ = E₊/k; empty (min = max = ½) at and below 4m_μ.</summary>
    public static (double Min, double Max) XPlusRange(double kGeV)
    {
        double d = 0.25 - PhysicalConstants.MuonMassGeV / kGeV;
        if (!(d > 0)) return (0.5, 0.5);
        double s = Math.Sqrt(d);
        return (0.5 - s, 0.5 + s);
    }

    /// <summary>ln W at photon energy k and energy fraction x₊ (clamped at 0 where W ≤ 1).</summary>
    public static double LogW(double kGeV, int z, double a, double xPlus)
    {
        var (b, dn) = Constants(z, a);
        double mu = PhysicalConstants.MuonMassGeV, me = PhysicalConstants.ElectronMassGeV;
        double zThird = Math.Pow(z, -1.0 / 3);
        double wInf = b * zThird * mu / (dn * me);
        double xpm = xPlus * (1 - xPlus);
        double delta = mu * mu / (2 * kGeV * xpm);
        double w = wInf * (1 + (dn * SqrtE - 2) * delta / mu) / (1 + b * zThird * SqrtE * delta / me);
        return w > 1 ? Math.Log(w) : 0.0;
    }

    /// <summary>dσ/dx₊ per atom, cm²; zero outside the kinematic range.</summary>
    public static double DifferentialCm2(double kGeV, int z, double a, double xPlus)
    {
        var (lo, hi) = XPlusRange(kGeV);
        if (!(xPlus > lo && xPlus < hi)) return 0.0;
        double rc = MuonRadiusCm;
        double xpm = xPlus * (1 - xPlus);
        return 4 * PhysicalConstants.Alpha * z * z * rc * rc * (1 - 4.0 / 3.0 * xpm) * LogW(kGeV, z, a, xPlus);
    }

    /// <summary>∫ dσ/dx₊ dx₊ over [<paramref name="xLow"/>, <paramref name="xHigh"/>] ∩ the kinematic range (Gauss–Legendre,
    /// <paramref name="panels"/> panels of 16 points), cm² per atom.</summary>
    public static double IntegratedCm2(double kGeV, int z, double a, double xLow, double xHigh, int panels)
    {
        var (lo, hi) = XPlusRange(kGeV);
        lo = Math.Max(lo, xLow);
        hi = Math.Min(hi, xHigh);
        if (!(hi > lo)) return 0.0;
        return GaussLegendre.Integrate(x => DifferentialCm2(kGeV, z, a, x), lo, hi, panels);
    }

    /// <summary>∫ dσ/dx₊ dx₊ over the kinematic range (Gauss–Legendre, 20 panels of 16 points), cm² per atom.</summary>
    public static double IntegratedCm2(double kGeV, int z, double a)
    {
        var (lo, hi) = XPlusRange(kGeV);
        if (!(hi > lo)) return 0.0;
        return GaussLegendre.Integrate(x => DifferentialCm2(kGeV, z, a, x), lo, hi, 20);
    }

    /// <summary>
    /// Total cross section per atom, cm²: Burkhardt's parametrisation as in <c>G4GammaConversionToMuons::ComputeCrossSectionPerAtom</c>:
    /// σ = 7/9 · 4αZ²r_c² ln(1 + W_M C_f E_g), W_M = 1/(4 D_n √e m_μ), C_f = 1 + 0.04 ln(1 + E_c/k), E_c = −18 + 4347/(B Z^(−1/3)) MeV,
    /// E_g = (1 − 4m_μ/k)^t [W_sat^s + k^s]^(1/s), t = 1.479 + 0.00799 D_n, s = −0.88, W_sat = W∞/W_M (energies in GeV).
    /// </summary>
    public static double TotalCm2(double kGeV, int z, double a)
    {
        if (!(kGeV > ThresholdGeV)) return 0.0;
        var (b, dn) = Constants(z, a);
        double mu = PhysicalConstants.MuonMassGeV;
        double zThird = Math.Pow(z, -1.0 / 3);
        double wInf = b * zThird * mu / (dn * PhysicalConstants.ElectronMassGeV);
        double wMed = 1.0 / (4 * dn * SqrtE * mu);
        double wSat = wInf / wMed;
        double rc = MuonRadiusCm;
        double sigfac = 4 * PhysicalConstants.Alpha * z * z * rc * rc;
        double powThres = 1.479 + 0.00799 * dn;
        // E_cor = −18 + 4347/(B Z^(−1/3)) in MeV (Geant4's internal unit; 85 MeV for Pb).
        double eCor = (-18.0 + 4347.0 / (b * zThird)) * 1e-3;
        double corFuc = 1 + 0.04 * Math.Log(1 + eCor / kGeV);
        const double powSat = -0.88;
        double eg = Math.Pow(1 - 4 * mu / kGeV, powThres) * Math.Pow(Math.Pow(wSat, powSat) + Math.Pow(kGeV, powSat), 1 / powSat);
        return 7.0 / 9.0 * sigfac * Math.Log(1 + wMed * corFuc * eg);
    }
}

using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Direct e⁺e⁻ pair production by a muon on an atom, μZ → μZe⁺e⁻: the differential cross section dσ/dε in the pair energy
/// ε of R. P. Kelner, R. P. Kokoulin and A. A. Petrukhin (Phys. Atom. Nucl. 62 (1999) 1894; R. P. Kokoulin's formula with
/// nuclear and atomic screening, the muon-diagram term and the atomic electrons through Z(Z + ζ)), as written in the Geant4
/// Physics Reference Manual ("Positron–electron pair production by muons"): an integral over the pair's energy asymmetry
/// ρ, taken with 8 Gauss–Legendre points in ln(1 − ρ) as the formula's authors do. Kinematic range
/// 4 m_e ≤ ε ≤ E − (3/4)√e m_μ Z^{1/3}. docs/physics/muons.md#direct-pair-production.
/// </summary>
public static class MuonDirectPairCrossSection
{
    /// <summary>Smallest pair energy, 4 m_e, GeV.</summary>
    public const double MinPairEnergyGeV = 4.0 * PhysicalConstants.ElectronMassGeV;

    // 8-point Gauss–Legendre nodes and weights on [0, 1].
    private static readonly double[] Nodes =
    [
        0.019855071751231856, 0.10166676129318664, 0.23723379504183550, 0.40828267875217511,
        0.59171732124782489, 0.76276620495816450, 0.89833323870681336, 0.98014492824876814,
    ];

    private static readonly double[] Weights =
    [
        0.050614268145188130, 0.11119051722668724, 0.15685332293894364, 0.18134189168918099,
        0.18134189168918099, 0.15685332293894364, 0.11119051722668724, 0.050614268145188130,
    ];

    private static readonly double SqrtE = Math.Sqrt(Math.E);
    private const double Me = PhysicalConstants.ElectronMassGeV, Mmu = PhysicalConstants.MuonMassGeV;

    // 4 α² r_e² / (3π), cm².
    private static readonly double Prefactor = 4.0 * PhysicalConstants.Alpha * PhysicalConstants.Alpha
        * PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm / (3.0 * Math.PI);

    /// <summary>Largest pair energy for a muon of total energy <paramref name="totalGeV"/> on an atom of charge Z, GeV.</summary>
    public static double MaxPairEnergyGeV(double z, double totalGeV) => totalGeV - 0.75 * SqrtE * Mmu * Math.Cbrt(z);

    /// <summary>dσ/dε per atom, cm²/GeV, for a muon of total energy <paramref name="totalGeV"/> giving a pair of energy
    /// <paramref name="pairGeV"/> on an atom of charge <paramref name="z"/>; 0 outside the kinematic range.</summary>
    public static double DifferentialCm2PerGeV(double z, double totalGeV, double pairGeV)
    {
        double z13 = Math.Cbrt(z), z23 = z13 * z13;
        double resid = totalGeV - pairGeV;
        if (resid <= 0.75 * SqrtE * Mmu * z13) return 0.0;
        double alf = 4.0 * Me / pairGeV, a3 = 1.0 - alf;
        if (a3 <= 0.0) return 0.0;

        // Screening constants (Thomas–Fermi; hydrogen its own), and ζ for the atomic electrons' share.
        (double b, double g1, double g2) = z < 1.5 ? (202.4, 4.4e-5, 4.8e-5) : (183.0, 1.95e-5, 5.3e-5);
        double zeta = 0.0;
        double zeta1 = 0.073 * Math.Log(totalGeV / (Mmu + g1 * z23 * totalGeV)) - 0.26;
        if (zeta1 > 0.0) zeta = zeta1 / (0.058 * Math.Log(totalGeV / (Mmu + g2 * z13 * totalGeV)) - 0.14);
        double z2 = z * (z + zeta);

        double massRatio = Mmu / Me, massRatio2 = massRatio * massRatio;
        double screen0 = 2.0 * Me * SqrtE * b / (z13 * pairGeV);
        double a0 = totalGeV * resid, a1 = pairGeV * pairGeV / a0;
        double bet = 0.5 * a1, xi0 = 0.25 * massRatio2 * a1, del = 6.0 * Mmu * Mmu / a0;
        // 1 − ρ_max with ρ_max = (1 − 6m_μ²/(E(E − ε)))·√(1 − 4m_e/ε).
        double rt = Math.Sqrt(a3);
        double tmnExp = alf / (1.0 + rt) + del * rt;
        if (!(tmnExp > 0.0 && tmnExp < 1.0)) return 0.0;
        double tmn = Math.Log(tmnExp);

        double sum = 0.0;
        for (int i = 0; i < Nodes.Length; i++)
        {
            double a4 = Math.Exp(tmn * Nodes[i]);     // 1 − ρ
            double a5 = a4 * (2.0 - a4);              // 1 − ρ²
            double a6 = 1.0 - a5, a7 = 1.0 + a6, a9 = 3.0 + a6;
            double xi = xi0 * a5, xii = 1.0 / xi, xi1 = 1.0 + xi;
            double screen = screen0 * xi1 / a5;

            // Electron diagrams.
            double yeu = 5.0 - a6 + 4.0 * bet * a7;
            double yed = 2.0 * (1.0 + 3.0 * bet) * Math.Log(3.0 + xii) - a6 - a1 * (2.0 - a6);
            double ye1 = 1.0 + yeu / yed;
            double ale = Math.Log(b / z13 * Math.Sqrt(xi1 * ye1) / (1.0 + screen * ye1));
            double cre = 0.5 * Math.Log(1.0 + 2.25 * z23 * xi1 * ye1 / massRatio2);
            double be = xi <= 1e3
                ? ((2.0 + a6) * (1.0 + bet) + xi * a9) * Math.Log(1.0 + xii) + (a5 - bet) / xi1 - a9
                : (3.0 - a6 + a1 * a7) / (2.0 * xi);
            double fe = Math.Max(0.0, (ale - cre) * be);

            // Muon diagrams.
            double ymu = 4.0 + a6 + 3.0 * bet * a7;
            double ymd = a7 * (1.5 + a1) * Math.Log(3.0 + xi) + 1.0 - 1.5 * a6;
            double ym1 = 1.0 + ymu / ymd;
            double alm = Math.Log(b * massRatio / (1.5 * z23 * (1.0 + screen * ym1)));
            double bm;
            if (xi >= 1e-3)
            {
                double a10 = (1.0 + a1) * a5;
                bm = (a7 * (1.0 + 1.5 * bet) - a10 * xii) * Math.Log(xi1) + xi * (a5 - bet) / xi1 + a10;
            }
            else bm = (5.0 - a6 + bet * a9) * (xi / 2.0);
            double fm = Math.Max(0.0, alm * bm);

            sum += Weights[i] * a4 * (fe + fm / massRatio2);
        }
        return -tmn * sum * Prefactor * z2 * resid / (totalGeV * pairGeV);
    }

    /// <summary>∫ ε^<paramref name="power"/> dσ/dε dε over [<paramref name="fromGeV"/>, <paramref name="toGeV"/>] per atom
    /// (power 0: cm²; power 1: GeV cm²), by 8-point Gauss–Legendre in ln ε on intervals of at most 0.5.</summary>
    public static double Moment(double z, double totalGeV, double fromGeV, double toGeV, int power)
    {
        double lo = Math.Log(Math.Max(fromGeV, MinPairEnergyGeV)), hi = Math.Log(Math.Min(toGeV, MaxPairEnergyGeV(z, totalGeV)));
        if (!(hi > lo)) return 0.0;
        int n = Math.Max(1, (int)Math.Ceiling((hi - lo) / 0.5));
        double h = (hi - lo) / n, s = 0.0;
        for (int k = 0; k < n; k++)
            for (int i = 0; i < Nodes.Length; i++)
            {
                double eps = Math.Exp(lo + (k + Nodes[i]) * h);
                // dε = ε du: the measure in u = ln ε.
                s += Weights[i] * Math.Pow(eps, power + 1) * DifferentialCm2PerGeV(z, totalGeV, eps);
            }
        return s * h;
    }
}

using Emiss.Core.Constants;
using Emiss.Core.Materials;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// Molière's multiple-scattering angular distribution in Bethe's form (H. A. Bethe, Phys. Rev. 89, 1256 (1953); G.
/// Molière, Z. Naturforsch. 3a, 78 (1948); W. T. Scott, Rev. Mod. Phys. 35, 231 (1963)), an independent reference for the
/// engine's Urban model: it knows only the screened single-scattering law, not Urban's fitted parameters.
/// <list type="bullet">
/// <item>χ_c² = 4π N_A (r_e m_e c²)² ρt Σ_i (w_i/A_i) Z_i(Z_i + 1) / (pβc)² (Bethe eq. 20 with Z² → Z(Z + 1) for the
/// atomic electrons).</item>
/// <item>Screening angle χ_a² = χ_0² (1.13 + 3.76 (αZ/β)²), χ_0 = ħ/(p · 0.885 a0 Z^{−1/3}) (Molière 1947; Bethe eq. 23);
/// a compound averages ln χ_a² with the weights w_i Z_i(Z_i + 1)/A_i (Scott 1963, sect. II.D).</item>
/// <item>e^b = χ_c²/(1.167 χ_a²), B − ln B = b (Bethe eq. 22, 25).</item>
/// <item>f(θ) θ dθ = ϑ dϑ [f⁰(ϑ) + f¹(ϑ)/B + f²(ϑ)/B²], ϑ = θ/(χ_c √B), f⁽ⁿ⁾(ϑ) = (1/n!) ∫0^∞ u du J0(ϑu) e^{−u²/4}
/// [(u²/4) ln(u²/4)]ⁿ (Bethe eq. 28–29; f⁰ = 2e^{−ϑ²}); small angles (θ ≪ 1), no energy loss, point nucleus.</item>
/// </list>
/// </summary>
internal sealed class MoliereDistribution
{
    private const double UpperU = 16.0;            // e^{−u²/4} < 10^{−27} beyond
    private const int Panels = 400;

    /// <summary>The distribution for a particle of charge ±1, mass <paramref name="massGeV"/> and kinetic energy
    /// <paramref name="kineticGeV"/> after <paramref name="thicknessGPerCm2"/> of <paramref name="material"/>.</summary>
    public MoliereDistribution(Material material, double thicknessGPerCm2, double kineticGeV, double massGeV)
    {
        double p2 = kineticGeV * (kineticGeV + 2 * massGeV), e = kineticGeV + massGeV;
        double beta2 = p2 / (e * e), pBeta = p2 / e, p = Math.Sqrt(p2);
        double bohrCm = PhysicalConstants.HbarCGeVCm / (PhysicalConstants.Alpha * PhysicalConstants.ElectronMassGeV);
        double re = PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ElectronMassGeV;
        double sumW = 0, sumWLnChiA2 = 0;
        foreach (ElementComponent el in material.Elements)
        {
            double w = el.MassFraction / el.AGramsPerMol * el.Z * (el.Z + 1.0);
            double chi0 = PhysicalConstants.HbarCGeVCm / (p * 0.885 * bohrCm * Math.Pow(el.Z, -1.0 / 3.0));
            double az = PhysicalConstants.Alpha * el.Z;
            sumW += w;
            sumWLnChiA2 += w * Math.Log(chi0 * chi0 * (1.13 + 3.76 * az * az / beta2));
        }
        ChiC2 = 4 * Math.PI * PhysicalConstants.AvogadroPerMol * re * re * thicknessGPerCm2 * sumW / (pBeta * pBeta);
        ChiA2 = Math.Exp(sumWLnChiA2 / sumW);
        double b = Math.Log(ChiC2 / (1.167 * ChiA2));
        B = SolveB(b);
        ScaleRad = Math.Sqrt(ChiC2 * B);
    }

    /// <summary>χ_c², rad².</summary>
    public double ChiC2 { get; }

    /// <summary>χ_a², rad².</summary>
    public double ChiA2 { get; }

    /// <summary>B of B − ln B = b.</summary>
    public double B { get; }

    /// <summary>χ_c √B, rad: the unit of the reduced angle ϑ.</summary>
    public double ScaleRad { get; }

    /// <summary>Solves B − ln B = b by Newton's method from B = b + ln b (b &gt; 1).</summary>
    public static double SolveB(double b)
    {
        double x = b + Math.Log(b);
        for (int i = 0; i < 50; i++)
        {
            double dx = (x - Math.Log(x) - b) / (1 - 1 / x);
            x -= dx;
            if (Math.Abs(dx) < 1e-14 * x) break;
        }
        return x;
    }

    /// <summary>Bethe's f⁽ⁿ⁾(ϑ), n = 0, 1, 2, by quadrature of the Hankel integral.</summary>
    public static double F(int n, double reduced)
    {
        double factorial = n == 2 ? 2.0 : 1.0;
        double h = UpperU / Panels, sum = 0;
        for (int k = 0; k < Panels; k++)
        {
            double a = k * h;
            for (int j = 0; j < Nodes.Length; j++)
            {
                double u = a + 0.5 * h * (1 + Nodes[j]), q = 0.25 * u * u;
                double g = n == 0 ? 1.0 : Math.Pow(q * Math.Log(q), n);
                sum += 0.5 * h * Weights[j] * u * BesselJ0(reduced * u) * Math.Exp(-q) * g;
            }
        }
        return sum / factorial;
    }

    /// <summary>Density per unit solid angle at θ (rad), normalised so that ∫ f θ dθ = 1 (small angles).</summary>
    public double PerSolidAngle(double thetaRad)
    {
        double v = thetaRad / ScaleRad;
        return (F(0, v) + F(1, v) / B + F(2, v) / (B * B)) / (ScaleRad * ScaleRad);
    }

    /// <summary>The angle where the density per solid angle is 1/e of its forward value (Hanson's θ_1/e), rad.</summary>
    public double OneOverERad()
    {
        double f0 = PerSolidAngle(0) / Math.E, lo = 0, hi = 3 * ScaleRad;
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (PerSolidAngle(mid) > f0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>Probability that the space angle exceeds <paramref name="thetaRad"/>: 1 − ∫0^θ f θ′ dθ′.</summary>
    public double FractionBeyond(double thetaRad)
    {
        double v = thetaRad / ScaleRad, h = v / 200, inside = 0;
        for (int k = 0; k < 200; k++)
            for (int j = 0; j < Nodes.Length; j++)
            {
                double x = k * h + 0.5 * h * (1 + Nodes[j]);
                inside += 0.5 * h * Weights[j] * x * (F(0, x) + F(1, x) / B + F(2, x) / (B * B));
            }
        return 1 - inside;
    }

    /// <summary>J0(x): Abramowitz and Stegun 9.4.1 (|x| ≤ 3, |ε| &lt; 5·10⁻⁸) and 9.4.3 (x ≥ 3, |ε| &lt; 1.6·10⁻⁸).</summary>
    public static double BesselJ0(double x)
    {
        x = Math.Abs(x);
        if (x <= 3)
        {
            double y = x * x / 9;
            return 1 + y * (-2.2499997 + y * (1.2656208 + y * (-0.3163866 + y * (0.0444479 + y * (-0.0039444 + y * 0.0002100)))));
        }
        double z = 3 / x;
        double f0 = 0.79788456 + z * (-0.00000077 + z * (-0.00552740 + z * (-0.00009512 + z * (0.00137237 + z * (-0.00072805 + z * 0.00014476)))));
        double t0 = x - 0.78539816 + z * (-0.04166397 + z * (-0.00003954 + z * (0.00262573 + z * (-0.00054125 + z * (-0.00029333 + z * 0.00013558)))));
        return f0 * Math.Cos(t0) / Math.Sqrt(x);
    }

    // 8-point Gauss–Legendre nodes and weights on [−1, 1].
    private static readonly double[] Nodes = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];
    private static readonly double[] Weights = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
}

using Emiss.Core.Constants;
using Emiss.Core.Numerics;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// Screening functions of atomic hydrogen for Tsai's bremsstrahlung bracket, from its exact ground-state form factor
/// instead of the Thomas–Fermi fits (which Tsai gives for Z ≥ 5: RMP 46, 815 (1974), §III.B and Table B.2). With
/// F(q) = [1 + (a₀q/2)²]⁻² (q in m_e c, a₀ = 1/α) the elastic weight is (1 − F)² and the inelastic one the incoherent
/// function of a one-electron atom, S(q) = 1 − F²; the Bethe–Heitler integrals (Tsai eqs. 3.9–3.12) are
/// <code>
/// φ1 = 4 + 4∫_δ^1 (q − δ)²/q³ (1 − F)² dq,   φ2 = 10/3 + 4∫_δ^1 [q³ − 6δ²q ln(q/δ) + 3δ²q − 4δ³]/q⁴ (1 − F)² dq
/// ψ1, ψ2: the same with 1 − F² in place of (1 − F)²,        δ = m_e k/(2EE′) (bremsstrahlung)
/// </code>
/// Complete screening gives L_rad = φ1(0)/4 = 5.310 and L′_rad = ψ1(0)/4 = 6.144, Tsai's Table B.2 values for hydrogen;
/// without screening φ1 = 4 ln(1/δ) − 2 + 8δ − 2δ² (docs/physics/bremsstrahlung.md#hydrogen). Tabulated once in ln δ
/// and interpolated linearly.
/// </summary>
internal static class HydrogenScreening
{
    private const double LnDeltaMin = -18.0;   // complete screening below (δ a₀/2 < 10⁻⁶)
    private const int Nodes = 801;
    private static readonly double Step = -LnDeltaMin / (Nodes - 1);   // up to δ = 1, the integrals' upper limit
    private static readonly double HalfBohr = 0.5 / PhysicalConstants.Alpha;   // a₀/2 in units of ħ/(m_e c)
    private static readonly double[] Phi1 = new double[Nodes], Phi12 = new double[Nodes], Psi1 = new double[Nodes], Psi12 = new double[Nodes];
    private static readonly double[] Phi12Above = new double[Nodes], Psi12Above = new double[Nodes];

    static HydrogenScreening()
    {
        for (int i = 0; i < Nodes; i++)
        {
            double delta = Math.Exp(LnDeltaMin + i * Step);
            (double el1, double el2, double in1, double in2) = Integrals(delta);
            Phi1[i] = 4.0 + 4.0 * el1;
            Phi12[i] = 4.0 * (el1 - el2) + 2.0 / 3.0;
            Psi1[i] = 4.0 + 4.0 * in1;
            Psi12[i] = 4.0 * (in1 - in2) + 2.0 / 3.0;
        }
        // φ1 − φ2 and ψ1 − ψ2 fall with screening but rise again as O(δ) without it: the bound over all δ′ ≥ δ that
        // TsaiBracketBoundAbove needs is the largest value from δ on.
        Phi12Above[^1] = Phi12[^1];
        Psi12Above[^1] = Psi12[^1];
        for (int i = Nodes - 2; i >= 0; i--)
        {
            Phi12Above[i] = Math.Max(Phi12[i], Phi12Above[i + 1]);
            Psi12Above[i] = Math.Max(Psi12[i], Psi12Above[i + 1]);
        }
    }

    /// <summary>φ1, φ1 − φ2, ψ1, ψ1 − ψ2 at δ = m_e k/(2EE′) (in units of m_e c); at δ ≥ 1 their values at δ = 1.</summary>
    public static (double Phi1, double Phi12, double Psi1, double Psi12) At(double delta)
    {
        (int i, double f) = Locate(delta);
        return (Lerp(Phi1, i, f), Lerp(Phi12, i, f), Lerp(Psi1, i, f), Lerp(Psi12, i, f));
    }

    /// <summary>Upper bounds of φ1 − φ2 and ψ1 − ψ2 over all δ′ ≥ δ.</summary>
    public static (double Phi12, double Psi12) DifferencesBoundFrom(double delta)
    {
        (int i, _) = Locate(delta);
        return (Phi12Above[i], Psi12Above[i]);
    }

    private static (int Index, double Fraction) Locate(double delta)
    {
        double u = (Math.Log(delta) - LnDeltaMin) / Step;
        if (!(u > 0)) return (0, 0.0);
        if (!(u < Nodes - 1)) return (Nodes - 2, 1.0);
        int i = (int)u;
        return (i, u - i);
    }

    private static double Lerp(double[] table, int i, double f) => table[i] + f * (table[i + 1] - table[i]);

    /// <summary>The four integrals at δ, by Gauss–Legendre in ln q from δ to 1 (F varies on the scale q ~ 2α).</summary>
    private static (double El1, double El2, double In1, double In2) Integrals(double delta)
    {
        double lo = Math.Log(delta);
        if (!(lo < 0)) return (0, 0, 0, 0);
        int panels = Math.Max(4, (int)Math.Ceiling(4.0 * -lo));
        (double[] s, double[] w) = GaussLegendre.Rule(lo, 0.0, panels);
        double el1 = 0, el2 = 0, in1 = 0, in2 = 0, d2 = delta * delta;
        for (int j = 0; j < s.Length; j++)
        {
            double q = Math.Exp(s[j]);
            double bq = HalfBohr * q, f = 1.0 / ((1.0 + bq * bq) * (1.0 + bq * bq));
            double elastic = (1.0 - f) * (1.0 - f), inelastic = 1.0 - f * f;
            // dq = q ds: (q − δ)²/q³ dq = (q − δ)²/q² ds, and the φ2 kernel likewise.
            double k1 = (q - delta) * (q - delta) / (q * q);
            double k2 = (q * q * q - 6.0 * d2 * q * Math.Log(q / delta) + 3.0 * d2 * q - 4.0 * d2 * delta) / (q * q * q);
            el1 += w[j] * k1 * elastic;
            el2 += w[j] * k2 * elastic;
            in1 += w[j] * k1 * inelastic;
            in2 += w[j] * k2 * inelastic;
        }
        return (el1, el2, in1, in2);
    }
}

namespace Emiss.Physics.Numerics;

/// <summary>Special functions needed by the physics (Lanczos ln Γ; Numerical Recipes 3rd ed. §6.1, g = 7, n = 9).</summary>
public static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (relative accuracy ≈ 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        x -= 1.0;
        double a = Lanczos[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>1/Γ(s) for s ≥ 0, computed as s/Γ(1+s) so that it is exact (zero) at s = 0.</summary>
    public static double ReciprocalGamma(double s) => s * Math.Exp(-LogGamma(1.0 + s));
}

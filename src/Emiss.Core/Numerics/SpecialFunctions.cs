namespace Emiss.Core.Numerics;

/// <summary>
/// ln Γ(a) and the regularized lower incomplete gamma function P(a, x) (Press et al., Numerical Recipes,
/// 3rd ed. (2007), §6.1 gammln: Lanczos series with γ = 671/128 and 14 terms, relative error &lt; 1e-15; §6.2 gammp:
/// series for x &lt; a + 1, Lentz continued fraction otherwise, ~1e-12 relative). The only ln Γ in Emiss; also the
/// normal upper tail Q(x). Hand-written because Emiss.Core references only the base class library
/// (docs/ARCHITECTURE.md); the fits' accuracy is far below what their callers (rates known to percent) can see.
/// </summary>
public static class SpecialFunctions
{
    private static ReadOnlySpan<double> Lanczos =>
    [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3,
        -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5,
    ];

    /// <summary>ln Γ(a) for a &gt; 0.</summary>
    public static double LogGamma(double a)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "ln Γ needs a > 0");
        double x = a, y = a;
        double tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.Log(tmp) - tmp;
        double ser = 0.999999999999997092;
        ReadOnlySpan<double> c = Lanczos;
        for (int j = 0; j < c.Length; j++) ser += c[j] / ++y;
        return tmp + Math.Log(2.5066282746310005 * ser / x);
    }

    /// <summary>
    /// Upper tail of the standard normal distribution, Q(x) = P(X ≥ x) = ½ erfc(x/√2), with erfc from the Chebyshev fit
    /// of Press et al., Numerical Recipes, 2nd ed. (1992), §6.2 erfcc (fractional error &lt; 1.2·10⁻⁷ everywhere, so far
    /// tails such as Q(10) = 7.6·10⁻²⁴ keep their relative precision, which 1 − P(½, x²/2) would lose).
    /// </summary>
    public static double NormalUpperTail(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Q(x) needs a number");
        double z = Math.Abs(x) / Math.Sqrt(2.0), t = 1.0 / (1.0 + 0.5 * z);
        double erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                      t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 0.5 * erfc : 1.0 - 0.5 * erfc;
    }

    /// <summary>P(a, x) = γ(a, x)/Γ(a): the fraction of a gamma(a, 1) variate below x. P(a, x ≤ 0) = 0.</summary>
    public static double RegularizedP(double a, double x)
    {
        if (x <= 0) return 0.0;
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "P(a, x) needs a > 0");
        return RegularizedP(a, x, LogGamma(a));
    }

    /// <summary>P(a, x) with ln Γ(a) = <paramref name="logGammaA"/> given (<see cref="LogGamma"/> of the same a), for callers
    /// that evaluate one a at many x (a shower profile at every region face): the same value as <see cref="RegularizedP(double, double)"/>
    /// bit for bit, without the ln Γ, which costs as much as the series.</summary>
    public static double RegularizedP(double a, double x, double logGammaA)
    {
        if (x <= 0) return 0.0;
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "P(a, x) needs a > 0");
        double gln = logGammaA;
        if (x < a + 1.0)
        {
            double ap = a, del = 1.0 / a, sum = del;
            for (int n = 0; n < 500; n++)
            {
                ap += 1.0;
                del *= x / ap;
                sum += del;
                if (Math.Abs(del) < Math.Abs(sum) * 1e-15) break;
            }
            return Math.Min(1.0, sum * Math.Exp(-x + a * Math.Log(x) - gln));
        }
        const double fpmin = 1e-300;
        double b = x + 1.0 - a, cc = 1.0 / fpmin, d = 1.0 / b, h = d;
        for (int i = 1; i < 500; i++)
        {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.Abs(d) < fpmin) d = fpmin;
            cc = b + an / cc;
            if (Math.Abs(cc) < fpmin) cc = fpmin;
            d = 1.0 / d;
            double del = d * cc;
            h *= del;
            if (Math.Abs(del - 1.0) < 1e-15) break;
        }
        return Math.Max(0.0, 1.0 - Math.Exp(-x + a * Math.Log(x) - gln) * h);
    }
}

using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>Gamma variates (Marsaglia &amp; Tsang, ACM TOMS 26 (2000) 363) for the multiplicity and p_T samplers.</summary>
internal static class RandomVariates
{
    /// <summary>Gamma(shape, 1) variate; shape &lt; 1 uses Gamma(shape + 1)·U^(1/shape).</summary>
    public static double Gamma(double shape, ref EventRng rng)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "shape must be positive");
        if (shape < 1) return Gamma(shape + 1, ref rng) * Math.Pow(rng.NextDoubleOpenZero(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = rng.NextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.NextDoubleOpenZero();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}

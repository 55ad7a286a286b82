using System.Runtime.CompilerServices;

namespace Emiss.Core.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna, ACM TOMS 47 (2021) 36; reference code prng.di.unimi.it),
/// a mutable struct passed by <c>ref</c> and never stored in physics objects.
/// </summary>
public struct EventRng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words from consecutive SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public static EventRng FromSplitMix64(ulong seed)
    {
        EventRng r;
        ulong z = seed;
        r._s0 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s1 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s2 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s3 = SplitMix64.Mix(z);
        return r;
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform double in (0, 1]: safe as the argument of a logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleOpenZero() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Exponential variate with unit mean (number of mean free paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential() => -Math.Log(NextDoubleOpenZero());

    /// <summary>
    /// Standard normal variate (Box–Muller, Ann. Math. Stat. 29, 610 (1958); one value per call, the partner is
    /// discarded to keep the struct small). The only Gaussian sampler in Emiss, with <see cref="NextGaussianPair"/>.
    /// </summary>
    public double NextGaussian()
    {
        double u1 = NextDoubleOpenZero();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Two independent standard normal variates from one Box–Muller draw (both partners kept).</summary>
    public (double First, double Second) NextGaussianPair()
    {
        double r = Math.Sqrt(-2.0 * Math.Log(NextDoubleOpenZero()));
        (double s, double c) = Math.SinCos(2.0 * Math.PI * NextDouble());
        return (r * c, r * s);
    }

    /// <summary>Poisson variate with mean <paramref name="mean"/> (inversion for small means, Gaussian-free PTRS-like fallback via splitting).</summary>
    public int NextPoisson(double mean)
    {
        if (mean < 0 || double.IsNaN(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be ≥ 0");
        int total = 0;
        // Split large means into chunks of ≤ 30 so exp(−mean) never underflows; sum of Poissons is Poisson.
        while (mean > 30.0)
        {
            total += PoissonByInversion(30.0);
            mean -= 30.0;
        }
        return total + PoissonByInversion(mean);
    }

    private int PoissonByInversion(double mean)
    {
        double u = NextDouble();
        double p = Math.Exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000)
        {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Emiss.Core.Diagnostics;

namespace Emiss.Core.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna, ACM TOMS 47 (2021) 36; reference code prng.di.unimi.it),
/// a mutable struct passed by <c>ref</c> and never stored in physics objects. A generator from
/// <see cref="RngStreams.For"/> carries its <see cref="Key"/>, so an error deep in a sampler can name the event to replay.
/// </summary>
public struct EventRng
{
    /// <summary>Largest mean <see cref="NextPoisson"/> accepts. The splitting into means of ≤ 30 costs time linear in
    /// the mean, so an unbounded (or infinite) mean would never return; engine callers stay far below
    /// (largest: ~40 synchrotron photons per dipole).</summary>
    public const double MaxPoissonMean = 1e6;

    private ulong _s0, _s1, _s2, _s3;
    private RngStreamKey _key;
    private bool _keyed;

    /// <summary>Seeds the four state words from consecutive SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public static EventRng FromSplitMix64(ulong seed)
    {
        EventRng r = default;
        ulong z = seed;
        r._s0 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s1 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s2 = SplitMix64.Mix(z); z += SplitMix64.Gamma;
        r._s3 = SplitMix64.Mix(z);
        return r;
    }

    /// <summary>The (seed, stream, event) this generator was derived from; null for one seeded directly.</summary>
    public readonly RngStreamKey? Key => _keyed ? _key : null;

    /// <summary>The key for error messages: "seed 3, stream Beam, event 708280", or "unkeyed generator".</summary>
    public readonly string DescribeKey() => _keyed ? _key.ToString() : "unkeyed generator";

    /// <summary>This generator labelled with the stream it was derived from (the state is unchanged).</summary>
    internal readonly EventRng WithKey(RngStreamKey key)
    {
        EventRng r = this;
        r._key = key;
        r._keyed = true;
        return r;
    }

    /// <summary>Next 64 random bits.</summary>
    /// <remarks>The state is read into locals, updated there and written back once: on the fields themselves (the
    /// generator sits behind a <c>ref</c>) the JIT emitted a chain of dependent read-modify-write instructions on memory
    /// per draw, and a charged shower step draws ≈ 25 numbers. Same operations, same sequence.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
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
    /// Standard normal variate by the ziggurat method (<see cref="ZigguratNormal"/>; Marsaglia and Tsang, J. Stat. Softw. 5(8)
    /// (2000)): one 64-bit draw and a comparison for 98.8 % of the variates; the wedges and the tail beyond R are sampled
    /// exactly (the tail by G. Marsaglia's method, Technometrics 6, 101 (1964)). The only Gaussian sampler in Emiss, with
    /// <see cref="NextGaussianPair"/> and <see cref="NextGaussianTail"/>.
    /// </summary>
    public double NextGaussian()
    {
        double[] x = ZigguratNormal.X;
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            ulong bits = NextUInt64();
            int i = (int)(bits & 0xFF);
            double sign = (bits & 0x100) != 0 ? -1.0 : 1.0;
            double z = (bits >> 11) * (1.0 / 9007199254740992.0) * x[i];
            if (z < x[i + 1]) return sign * z;
            if (i == 0)
            {
                // Tail beyond R: z = R + a with a = −ln(U1)/R, accepted when −2 ln U2 > a² (exact).
                for (int t = 0; t < LoopBound.SamplerTries; t++)
                {
                    double a = -Math.Log(NextDoubleOpenZero()) / ZigguratNormal.R;
                    double b = -Math.Log(NextDoubleOpenZero());
                    if (b + b >= a * a) return sign * (ZigguratNormal.R + a);
                }
                break;
            }
            double[] f = ZigguratNormal.F;
            if (f[i] + NextDouble() * (f[i + 1] - f[i]) < Math.Exp(-0.5 * z * z)) return sign * z;
        }
        throw LoopBound.Exceeded("ziggurat normal sampler", LoopBound.SamplerTries, this, "");
    }

    /// <summary>
    /// Standard normal variate conditioned on X ≥ <paramref name="a"/> (exact). For a &gt; 0, C. P. Robert, Stat. Comput. 5,
    /// 121 (1995), §2.1: z = a + Exp(1)/α* with α* = (a + √(a² + 4))/2, accepted with probability exp(−(z − α*)²/2)
    /// (acceptance ≥ 0.76 for every a &gt; 0, → 1 as a grows); for a ≤ 0, plain draws until X ≥ a (acceptance ≥ ½).
    /// </summary>
    public double NextGaussianTail(double a)
    {
        if (!double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(a), a, "the tail's lower end must be finite");
        if (a <= 0)
        {
            for (int i = 0; i < LoopBound.SamplerTries; i++)
            {
                double g = NextGaussian();
                if (g >= a) return g;
            }
        }
        else
        {
            double alpha = 0.5 * (a + Math.Sqrt(a * a + 4.0));
            for (int i = 0; i < LoopBound.SamplerTries; i++)
            {
                double z = a + NextExponential() / alpha, d = z - alpha;
                if (NextDouble() <= Math.Exp(-0.5 * d * d)) return z;
            }
        }
        throw LoopBound.Exceeded("normal tail sampler", LoopBound.SamplerTries, this, string.Create(CultureInfo.InvariantCulture, $"a = {a}"));
    }

    /// <summary>Two independent standard normal variates (two <see cref="NextGaussian"/> draws).</summary>
    public (double First, double Second) NextGaussianPair()
    {
        double first = NextGaussian();
        return (first, NextGaussian());
    }

    /// <summary>Poisson variate with mean <paramref name="mean"/> (inversion for small means, Gaussian-free PTRS-like fallback via splitting).</summary>
    /// <exception cref="EmissInternalException">The mean is negative, NaN, infinite or above <see cref="MaxPoissonMean"/>
    /// (a caller's bug: the message names the generator's key for replay).</exception>
    public int NextPoisson(double mean)
    {
        if (!(mean >= 0 && mean <= MaxPoissonMean))
            throw new EmissInternalException(string.Create(CultureInfo.InvariantCulture,
                $"internal error: Poisson mean {mean} is outside [0, {MaxPoissonMean}]; replay with {DescribeKey()}"));
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

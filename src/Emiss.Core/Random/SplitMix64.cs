namespace Emiss.Core.Random;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood, OOPSLA 2014; reference code by S. Vigna, prng.di.unimi.it).
/// Used only to derive and seed streams: <see cref="Mix"/> is a bijective 64-bit finaliser.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment 0x9E3779B97F4A7C15.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>One SplitMix64 output for state <paramref name="z"/> (adds γ, then mixes).</summary>
    public static ulong Mix(ulong z)
    {
        z += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

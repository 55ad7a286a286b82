using Emiss.Core.Random;
using Xunit;

namespace Emiss.Core.Tests.Random;

public class XoshiroReferenceTests
{
    // xoshiro256** 1.0 as in Blackman & Vigna's reference xoshiro256starstar.c (prng.di.unimi.it), state in an array:
    // EventRng keeps its state in fields updated through locals, and must give this sequence exactly.
    private static ulong ReferenceNext(ulong[] s)
    {
        ulong result = ulong.RotateLeft(s[1] * 5, 7) * 9;
        ulong t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = ulong.RotateLeft(s[3], 45);
        return result;
    }

    [Theory]   // the state is seeded with four consecutive SplitMix64 outputs (EventRng.FromSplitMix64)
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xDEADBEEFCAFEF00DUL)]
    public void Sequence_equals_the_reference_code(ulong seed)
    {
        var state = new ulong[4];
        ulong z = seed;
        for (int k = 0; k < 4; k++, z = unchecked(z + SplitMix64.Gamma)) state[k] = SplitMix64.Mix(z);
        EventRng rng = EventRng.FromSplitMix64(seed);
        for (int i = 0; i < 10_000; i++) Assert.Equal(ReferenceNext(state), rng.NextUInt64());
    }
}

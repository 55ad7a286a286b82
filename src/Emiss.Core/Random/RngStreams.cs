namespace Emiss.Core.Random;

/// <summary>
/// Derives one generator per (master seed, stream, event index), never from execution order, so an
/// event draws the same numbers whatever the thread count, shard split or processing order.
/// </summary>
public static class RngStreams
{
    /// <summary>Name and version of the scheme, recorded in every output's provenance.</summary>
    public const string Scheme = "xoshiro256ss-splitmix64/1";

    /// <summary>Generator (xoshiro256**, seeded through SplitMix64) for one (seed, stream, event), carrying that key.</summary>
    public static EventRng For(ulong masterSeed, StreamKind stream, ulong eventIndex) =>
        EventRng.FromSplitMix64(
            SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(masterSeed) + (ulong)stream) + eventIndex))
            .WithKey(new RngStreamKey(masterSeed, stream, eventIndex));

    /// <summary>A master seed for a sub-sample (a run, a mass, an energy), drawn from (<paramref name="masterSeed"/>,
    /// <paramref name="stream"/>, <paramref name="key"/>): callers put the key on a block of indices that their events do not
    /// reach (e.g. 0xFFFF_0000_0000_0000 | run), so the sub-sample's streams are independent of the parent's events and of
    /// each other, and the same key gives the same seed.</summary>
    public static ulong DerivedSeed(ulong masterSeed, StreamKind stream, ulong key) => For(masterSeed, stream, key).NextUInt64();
}

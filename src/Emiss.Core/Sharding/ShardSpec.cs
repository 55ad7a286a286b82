using System.Globalization;
using Emiss.Core.Diagnostics;

namespace Emiss.Core.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (written <c>i/N</c>, 0 ≤ i &lt; N): one of N disjoint, contiguous
/// event ranges of a Monte Carlo run. Ranges are cut at whole blocks of events (the run's reduction or row-group unit),
/// so that the union of the N shards reduces exactly as one run does: every event keeps its RNG stream
/// (seed, stream, event index), and every block is summed or written by the shard that owns it whole.
/// </summary>
/// <param name="Index">Shard index, 0 ≤ Index &lt; Count.</param>
/// <param name="Count">Number of shards, 1 ≤ Count ≤ <see cref="MaxCount"/>.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Most shards of one run (Slurm's default MaxArraySize is 1001; larger arrays need a site setting).</summary>
    public const int MaxCount = 100_000;

    /// <summary>The whole run as one shard.</summary>
    public static ShardSpec Whole => new(0, 1);

    /// <summary>The shard's directory name inside the shard set, e.g. <c>shard-0003-of-0016</c>.</summary>
    public string DirectoryName => string.Create(CultureInfo.InvariantCulture, $"shard-{Index:D4}-of-{Count:D4}");

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>i/N</c>; a malformed or out-of-range value is a <see cref="UserInputException"/> on <paramref name="field"/>.</summary>
    public static ShardSpec Parse(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new UserInputException(field, $"'{text}' is not of the form i/N", "e.g. --shard 3/16 for the fourth of 16 shards (i counts from 0)");
        if (n < 1 || n > MaxCount) throw new UserInputException(field, $"the number of shards must be in [1, {MaxCount}] (got {n})", "e.g. --shard 0/16");
        if (i >= n) throw new UserInputException(field, $"shard index {i} is not below the number of shards {n}", $"use 0 ≤ i ≤ {n - 1}");
        return new ShardSpec(i, n);
    }

    /// <summary>
    /// This shard's event range within <paramref name="events"/> events starting at <paramref name="firstEvent"/>, cut at
    /// multiples of <paramref name="blockSize"/> events from <paramref name="firstEvent"/>: the run's B blocks are dealt
    /// out as ⌊B·i/N⌋ … ⌊B·(i+1)/N⌋, so shard sizes differ by at most one block. Fewer blocks than shards is a
    /// <see cref="UserInputException"/> on <paramref name="field"/> (a shard would be empty).
    /// </summary>
    public (long First, long Count) Range(string field, long firstEvent, long events, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstEvent);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        long blocks = (events + blockSize - 1) / blockSize;
        if (blocks < Count)
            throw new UserInputException(field, $"{events} events make {blocks} block(s) of {blockSize}, fewer than the {Count} shards (a shard would be empty)",
                $"use at most {blocks} shards or more events");
        // blocks ≤ 10¹⁵ events and Count ≤ 10⁵ cannot both be at their maximum in practice; checked arithmetic says so if they are.
        (long b0, long nb) = Blocks(blocks);
        long start = b0 * blockSize, end = Math.Min(events, (b0 + nb) * blockSize);
        return (firstEvent + start, end - start);
    }

    /// <summary>
    /// This shard's blocks [First, First + Count) of a run of <paramref name="blocks"/> blocks, dealt out as in
    /// <see cref="Range"/> (⌊B·i/N⌋ … ⌊B·(i+1)/N⌋) but allowing an empty share: for a second, smaller pass of a run
    /// whose shards are cut by its first pass.
    /// </summary>
    public (long First, long Count) Blocks(long blocks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        long b0 = checked(blocks * Index) / Count, b1 = checked(blocks * (Index + 1)) / Count;
        return (b0, b1 - b0);
    }
}

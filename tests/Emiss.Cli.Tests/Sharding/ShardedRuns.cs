using System.Buffers.Binary;
using Emiss.Storage.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// The small sharded run of the tests (960 events in row groups of 60, seed 5: 16 blocks, so up to 16 shards) and the
/// comparison of a merged event store with the single-process store of the same events.
/// </summary>
internal static class ShardedRuns
{
    /// <summary>The run's options (without --threads, --out and --shard).</summary>
    public static readonly string[] Simulate = ["simulate", "--events", "960", "--chunk", "60", "--seed", "5"];

    private static readonly Lazy<string> SingleRun = new(() =>
    {
        string dir = TestScratch.NewDirectory("single");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);   // shared by the test classes: removed at the end
        string path = Path.Combine(dir, "single.parquet");
        var (code, stdout, stderr) = EmissProcess.Run([.. Simulate, "--threads", "2", "--out", path]);
        Assert.True(code == 0, stderr + stdout);
        return path;
    });

    /// <summary>The event store of one process with 2 threads (made once per test run).</summary>
    public static string Single => SingleRun.Value;

    /// <summary>
    /// The part of a Parquet file before its footer (magic and every column chunk, pages and their headers: all the
    /// row data, in order). The footer holds the key-value metadata, whose command line differs between a single run and
    /// a merge. The footer length is the little-endian int32 before the closing "PAR1" (Parquet file format).
    /// </summary>
    public static byte[] DataRegion(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        Assert.Equal("PAR1"u8.ToArray(), b[^4..]);
        int footer = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(b.Length - 8, 4));
        return b[..(b.Length - 8 - footer)];
    }

    /// <summary>Asserts that <paramref name="merged"/> holds, byte for byte, the rows of the single run, with its seed and set-up card.</summary>
    public static void AssertSameAsSingleRun(string merged)
    {
        byte[] expected = DataRegion(Single), actual = DataRegion(merged);
        Assert.True(expected.Length == actual.Length, $"row data of {merged}: {actual.Length} bytes, single run {expected.Length}");
        int diff = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(diff == expected.Length, $"row data of {merged} differs from the single run at byte {diff}");
        var (single, mergedMeta) = (Metadata(Single), Metadata(merged));
        Assert.Equal(single["emiss.seed"], mergedMeta["emiss.seed"]);
        Assert.Equal(single["emiss.setup_card"], mergedMeta["emiss.setup_card"]);
        Assert.Equal(single["emiss.rng_scheme"], mergedMeta["emiss.rng_scheme"]);
        Assert.Equal("emiss simulate --events 960 --chunk 60 --seed 5", mergedMeta["emiss.command"]);
    }

    private static IReadOnlyDictionary<string, string> Metadata(string path)
    {
        EventStoreReader r = EventStoreReader.OpenAsync(path).GetAwaiter().GetResult();
        try
        {
            return r.Metadata;
        }
        finally
        {
            r.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// <c>pseudodata --shard i/N</c> and <c>merge</c> as processes: the merged directory of N = 1 and 4 shards (1 or 2
/// threads each) holds the single run's files (2 threads): per-run event stores equal byte for byte in their row data,
/// and every CSV (spills, sealed truth, backgrounds.csv, table1.csv, regions, cut flow) equal line for line apart from
/// the provenance comment block, whose command differs. The small campaign (two runs, two sources, a thousandth of the
/// card's EOT) has 4 chunks, so 4 shards each get one; the estimate's 4 (run, source) units are dealt one per shard.
/// </summary>
public sealed class ShardedPseudoDataTests(ITestOutputHelper log) : ShardWorkspace(log, "pd-shards")
{
    private static readonly string[] Campaign = ["pseudodata", "--eot-scale", "0.001", "--sources", "dimuon,decay-in-flight", "--estimate-events", "200"];

    [Fact]
    public void Merged_shards_equal_the_single_run_for_1_and_4_shards_and_any_thread_count()
    {
        Succeeds([.. Campaign, "--threads", "2", "--out", "single"]);
        string single = Path.Combine(Work, "single");
        foreach (int shards in new[] { 1, 4 })
        {
            string root = $"run{shards}";
            for (int i = 0; i < shards; i++)
                Succeeds([.. Campaign, "--threads", (i % 2 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--shard", $"{i}/{shards}", "--out", root]);
            Succeeds("merge", root);
            AssertSameFiles(single, Path.Combine(Work, root, "merged"));
        }
    }

    [Fact]
    public void Submit_local_runs_pseudodata_shards_that_merge_to_the_single_run()
    {
        Succeeds([.. Campaign, "--threads", "1", "--out", "single"]);
        Succeeds(["submit", "--local", "--jobs", "2", "--shards", "4", "--", .. Campaign, "--threads", "1", "--out", "run"]);
        Assert.True(File.Exists(Path.Combine(Work, "run", "job", "run-card.yaml")));
        Succeeds("merge", "run");
        AssertSameFiles(Path.Combine(Work, "single"), Path.Combine(Work, "run", "merged"));
    }

    [Fact]
    public void Sharding_an_injected_signal_is_refused_before_anyWork()
    {
        var (code, _, stderr) = Emiss([.. Campaign, "--inject-signal", "16.7,2e-3", "--shard", "0/2", "--out", "inj"]);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: --shard: cannot be combined with --inject-signal", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "inj")));
    }

    [Fact]
    public void More_shards_than_chunks_is_a_user_error()
    {
        var (code, _, stderr) = Emiss([.. Campaign, "--shard", "0/5", "--out", "five"]);
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: --shard: the campaign's runs make 4 chunk(s) of generated events, fewer than the 5 shards", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "five", "shard-0000-of-0005")));
    }

    /// <summary>The same file names; Parquet row data byte for byte; text files equal without their '#' comment lines.</summary>
    private static void AssertSameFiles(string single, string merged)
    {
        string[] names = [.. Directory.GetFiles(single, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(single, f)).Order(StringComparer.Ordinal)];
        string[] mergedNames = [.. Directory.GetFiles(merged, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(merged, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(names, mergedNames);
        Assert.Contains("backgrounds.csv", names);
        Assert.Contains(Path.Combine("sealed", "truth.csv"), names);
        Assert.Equal(2, names.Count(n => n.EndsWith(".parquet", StringComparison.Ordinal)));
        foreach (string n in names)
        {
            string a = Path.Combine(single, n), b = Path.Combine(merged, n);
            if (n.EndsWith(".parquet", StringComparison.Ordinal))
                Assert.True(ShardedRuns.DataRegion(a).AsSpan().SequenceEqual(ShardedRuns.DataRegion(b)), $"row data of {n} differs from the single run");
            else
                Assert.Equal(Data(a), Data(b));
        }
    }

    private static string[] Data(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];
}

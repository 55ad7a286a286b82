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

    /// <summary>
    /// An injected A′ (10 MeV, ε = 0.1: ≈ 300 events in the two runs at this exposure, one signal chunk per run, so the
    /// campaign has 6 chunks) sharded 4 ways merges to the single run, sealed truth and sealed injection record included;
    /// no shard file outside the sealed one names the injected value, and shards of another injection are foreign.
    /// </summary>
    [Fact]
    public void Injected_signal_shards_merge_to_the_single_run_and_keep_the_signal_sealed()
    {
        const string value = "10,0.1";
        Succeeds([.. Campaign, "--inject-signal", value, "--threads", "2", "--out", "single"]);
        for (int i = 0; i < 4; i++)
            Succeeds([.. Campaign, "--inject-signal", value, "--threads", "1", "--shard", $"{i}/4", "--out", "inj"]);
        foreach (string f in Directory.GetFiles(Path.Combine(Work, "inj"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("sealed-injection.txt", StringComparison.Ordinal)))
            Assert.False(File.ReadAllText(f).Contains(value, StringComparison.Ordinal), $"{f} names the injected signal");
        Assert.Equal(value, File.ReadAllText(Path.Combine(Work, "inj", "shard-0002-of-0004", "sealed-injection.txt")));
        Succeeds("merge", "inj");
        string merged = Path.Combine(Work, "inj", "merged");
        AssertSameFiles(Path.Combine(Work, "single"), merged);
        Assert.Contains(File.ReadAllLines(Path.Combine(merged, "sealed", "truth.csv")), l => l.Contains(",injected-signal,", StringComparison.Ordinal));
        Assert.Equal(3, Data(Path.Combine(merged, "sealed", "injection.csv")).Length);   // header + one row per run

        // A shard of another injection reads alike once sealed ('--inject-signal sealed'), but its campaign differs.
        Directory.Delete(Path.Combine(Work, "inj", "shard-0003-of-0004"), recursive: true);
        Succeeds([.. Campaign, "--inject-signal", "10,0.2", "--threads", "1", "--shard", "3/4", "--out", "inj"]);
        var (code, _, stderr) = Emiss("merge", "inj", "--out", "again");
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: shard-0003-of-0004: is foreign to shard 0: its recorded settings (notes) differ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "again")));
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

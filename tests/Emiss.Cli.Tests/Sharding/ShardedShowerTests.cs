using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// <c>shower --shard i/N</c> and <c>merge</c> as processes: the merged directory of N = 1, 4, 16 shards (1 or 2 threads)
/// holds the single run's files (2 threads), byte for byte once the single run's command line is replaced by the run's
/// command without --threads and --out; a missing, foreign or corrupt shard stops the merge naming it; submit --local
/// runs a shower. The run: 128 × 0.5 GeV e⁻ in pb-thick with raised cuts (16 chunks of 8 events, so up to 16 shards).
/// </summary>
public sealed class ShardedShowerTests(ITestOutputHelper log) : ShardWorkspace(log, "shower-shards")
{
    private static readonly string[] Shower =
        ["shower", "--energy-GeV", "0.5", "--geometry", "pb-thick", "--events", "128", "--seed", "9", "--e-cut-MeV", "5", "--gamma-cut-MeV", "1"];

    private static readonly string RunCommand = "emiss " + string.Join(' ', Shower);

    private static readonly Lazy<string> SingleRun = new(() =>
    {
        string dir = TestScratch.NewDirectory("shower-single");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        var (code, stdout, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. Shower, "--threads", "2", "--out", "single"]);
        Assert.True(code == 0, stderr + stdout);
        return Path.Combine(dir, "single");
    });

    [Theory]
    [InlineData(1, "2")]
    [InlineData(4, "1")]
    [InlineData(16, "2")]
    public void Merged_shards_equal_the_single_run(int shards, string threads)
    {
        for (int i = 0; i < shards; i++)
            Succeeds([.. Shower, "--threads", threads, "--shard", $"{i}/{shards}", "--out", "run"]);
        Succeeds("merge", "run");
        AssertSameAsSingleRun(Path.Combine(Work, "run", "merged"));
    }

    [Fact]
    public void Submit_local_runs_a_sharded_shower()
    {
        Succeeds(["submit", "--local", "--jobs", "2", "--shards", "4", "--", .. Shower, "--threads", "1", "--out", "run"]);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Work, "run", "logs"), "shard-*.log").Length);
        Assert.StartsWith("schema: emiss-shower/1\n", File.ReadAllText(Path.Combine(Work, "run", "job", "shower-inputs.yaml")), StringComparison.Ordinal);
        Succeeds("merge", "run", "--out", "merged");
        AssertSameAsSingleRun(Path.Combine(Work, "merged"));
    }

    [Fact]
    public void Missing_foreign_and_corrupt_shards_stop_the_merge_naming_the_shard()
    {
        for (int i = 0; i < 4; i++) Succeeds([.. Shower, "--threads", "1", "--shard", $"{i}/4", "--out", "run"]);
        Succeeds([.. Shower[..^5], "10", "--e-cut-MeV", "5", "--gamma-cut-MeV", "1", "--threads", "1", "--shard", "2/4", "--out", "other"]);   // seed 10
        string run = Path.Combine(Work, "run"), shard2 = Path.Combine(run, "shard-0002-of-0004"), aside = Path.Combine(Work, "aside");
        Directory.Move(shard2, aside);
        MergeFails("emiss: error: shard-0002-of-0004: shard 2/4 is missing from 'run'; rerun it", Path.Combine(run, "merged"));
        Directory.Move(Path.Combine(Work, "other", "shard-0002-of-0004"), shard2);
        MergeFails("emiss: error: shard-0002-of-0004: is foreign to shard 0: its seed 10 differs from 9;", Path.Combine(run, "merged"));
        Directory.Delete(shard2, recursive: true);
        Directory.Move(aside, shard2);
        string sums = Path.Combine(run, "shard-0001-of-0004", "block-sums.bin");
        byte[] bytes = File.ReadAllBytes(sums);
        bytes[bytes.Length / 2] ^= 0x01;   // one bit of one stored sum
        File.WriteAllBytes(sums, bytes);
        MergeFails("emiss: error: shard-0001-of-0004: block-sums.bin does not match its SHA-256 in the manifest (corrupt or modified);", Path.Combine(run, "merged"));
    }

    [Fact]
    public void More_shards_than_chunks_is_refused_before_any_work()
    {
        var (code, _, stderr) = Emiss([.. Shower, "--shard", "0/17", "--out", "many"]);
        Assert.Equal(2, code);
        Assert.Equal("emiss: error: --shard: 128 events make 16 block(s) of 8, fewer than the 17 shards (a shard would be empty); use at most 16 shards or more events\n", stderr);
        Assert.False(Directory.Exists(Path.Combine(Work, "many")));
    }

    private static void AssertSameAsSingleRun(string merged) =>
        MergedOutputs.AssertSameAsSingleRun(SingleRun.Value, RunCommand + " --threads 2 --out single", RunCommand, merged);
}

using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// <c>signal --shard i/N</c> and <c>merge</c> as processes: the merged directory of N = 1, 4, 16 shards (1 or 2 threads)
/// holds the single run's files (2 threads): yield.csv, spectra and HepMC3 samples byte for byte once the command line is
/// replaced, the Parquet samples' row data byte for byte. A detector pass smaller than the shards leaves some shards
/// without detector chunks; its merge still equals the single run. Sizes: 10 GeV beam, one mass (tables are built per
/// shard), 8192 electrons per yield pass = 16 chunks of 512.
/// </summary>
public sealed class ShardedSignalTests(ITestOutputHelper log) : ShardWorkspace(log, "signal-shards")
{
    private static readonly string[] Signal =
        ["signal", "--mass-MeV", "10", "--events", "8192", "--hepmc-events", "40", "--beam-GeV", "10", "--seed", "3"];

    private static readonly string[] WithDetector =
        ["signal", "--mass-MeV", "20", "--events", "2048", "--detector-events", "100", "--hepmc-events", "20", "--beam-GeV", "10", "--seed", "4"];

    private static readonly Lazy<string> SingleRun = new(() => Single(Signal));

    private static string Single(string[] args)
    {
        string dir = TestScratch.NewDirectory("signal-single");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        var (code, stdout, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. args, "--threads", "2", "--out", "single"]);
        Assert.True(code == 0, stderr + stdout);
        return Path.Combine(dir, "single");
    }

    private static string Command(string[] args) => "emiss " + string.Join(' ', args);

    [Theory]
    [InlineData(1, "2")]
    [InlineData(4, "1")]
    [InlineData(16, "2")]
    public void Merged_shards_equal_the_single_run(int shards, string threads)
    {
        for (int i = 0; i < shards; i++)
            Succeeds([.. Signal, "--threads", threads, "--shard", $"{i}/{shards}", "--out", "run"]);
        Succeeds("merge", "run");
        MergedOutputs.AssertSameAsSingleRun(SingleRun.Value, Command(Signal) + " --threads 2 --out single", Command(Signal), Path.Combine(Work, "run", "merged"));
    }

    [Fact]
    public void A_detector_pass_with_fewer_chunks_than_shards_merges_to_the_single_run()
    {
        string single = Single(WithDetector);
        for (int i = 0; i < 4; i++)
            Succeeds([.. WithDetector, "--threads", "1", "--shard", $"{i}/4", "--out", "run"]);
        Succeeds("merge", "run");
        MergedOutputs.AssertSameAsSingleRun(single, Command(WithDetector) + " --threads 2 --out single", Command(WithDetector), Path.Combine(Work, "run", "merged"));
    }

    [Fact]
    public void A_corrupt_part_stops_the_merge_naming_the_shard()
    {
        for (int i = 0; i < 2; i++) Succeeds(["signal", "--mass-MeV", "10", "--events", "2048", "--hepmc-events", "40", "--beam-GeV", "10", "--seed", "3", "--threads", "1", "--shard", $"{i}/2", "--out", "run"]);
        string part = Path.Combine(Work, "run", "shard-0001-of-0002", "m10MeV-biased.sums");
        byte[] bytes = File.ReadAllBytes(part);
        bytes[^3] ^= 0x01;
        File.WriteAllBytes(part, bytes);
        MergeFails("emiss: error: shard-0001-of-0002: m10MeV-biased.sums does not match its SHA-256 in the manifest (corrupt or modified);",
            Path.Combine(Work, "run", "merged"));
    }

    [Fact]
    public void More_shards_than_chunks_is_refused_before_any_work()
    {
        var (code, _, stderr) = Emiss([.. Signal, "--shard", "0/17", "--out", "many"]);
        Assert.Equal(2, code);
        Assert.Equal("emiss: error: --shard: 8192 events make 16 block(s) of 512, fewer than the 17 shards (a shard would be empty); use at most 16 shards or more events\n", stderr);
        Assert.False(Directory.Exists(Path.Combine(Work, "many")));
    }
}

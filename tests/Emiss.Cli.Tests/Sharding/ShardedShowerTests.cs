using System.Buffers.Binary;
using System.Text;
using Emiss.Reporting.Embedding;
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
        string dir = EmissProcess.TempDir("shower-single");
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
        AssertMergeFails("emiss: error: shard-0002-of-0004: shard 2/4 is missing from 'run'; rerun it");
        Directory.Move(Path.Combine(Work, "other", "shard-0002-of-0004"), shard2);
        AssertMergeFails("emiss: error: shard-0002-of-0004: is foreign to shard 0: its seed 10 differs from 9;");
        Directory.Delete(shard2, recursive: true);
        Directory.Move(aside, shard2);
        string sums = Path.Combine(run, "shard-0001-of-0004", "block-sums.bin");
        byte[] bytes = File.ReadAllBytes(sums);
        bytes[bytes.Length / 2] ^= 0x01;   // one bit of one stored sum
        File.WriteAllBytes(sums, bytes);
        AssertMergeFails("emiss: error: shard-0001-of-0004: block-sums.bin does not match its SHA-256 in the manifest (corrupt or modified);");

        void AssertMergeFails(string start)
        {
            var (code, stdout, stderr) = Emiss("merge", "run");
            Assert.Equal(2, code);
            Assert.True(stderr.StartsWith(start, StringComparison.Ordinal), stderr + stdout);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.False(Directory.Exists(Path.Combine(run, "merged")), "a refused merge writes nothing");
        }
    }

    [Fact]
    public void More_shards_than_chunks_is_refused_before_any_work()
    {
        var (code, _, stderr) = Emiss([.. Shower, "--shard", "0/17", "--out", "many"]);
        Assert.Equal(2, code);
        Assert.Equal("emiss: error: --shard: 128 events make 16 block(s) of 8, fewer than the 17 shards (a shard would be empty); use at most 16 shards or more events\n", stderr);
        Assert.False(Directory.Exists(Path.Combine(Work, "many")));
    }

    /// <summary>
    /// Every file of the single run except timing.json is in <paramref name="merged"/> with the same bytes, after the single
    /// run's recorded command line (with --threads and --out) is replaced by the run's command: text files as text, PNGs
    /// chunk by chunk (their text chunks compared as text, every other chunk byte for byte).
    /// </summary>
    private static void AssertSameAsSingleRun(string merged)
    {
        string single = SingleRun.Value;
        string singleCommand = RunCommand + " --threads 2 --out single";
        string[] expected = [.. Directory.GetFiles(single).Select(Path.GetFileName).Where(f => f != "timing.json").Order(StringComparer.Ordinal)!];
        Assert.Equal(expected, Directory.GetFiles(merged).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string f in expected)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(single, f)), b = File.ReadAllBytes(Path.Combine(merged, f));
            if (f.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(PngChunks(a).Where(c => c.Type != "tEXt" && c.Type != "iTXt").Select(c => Convert.ToHexString(c.Data)),
                             PngChunks(b).Where(c => c.Type != "tEXt" && c.Type != "iTXt").Select(c => Convert.ToHexString(c.Data)));
                Assert.Equal(PngTextChunks.Read(a).Select(kv => kv.Key + "=" + kv.Value.Replace(singleCommand, RunCommand, StringComparison.Ordinal)),
                             PngTextChunks.Read(b).Select(kv => kv.Key + "=" + kv.Value));
            }
            else
            {
                string ta = Encoding.UTF8.GetString(a);
                Assert.Contains(singleCommand, ta, StringComparison.Ordinal);
                Assert.True(ta.Replace(singleCommand, RunCommand, StringComparison.Ordinal) == Encoding.UTF8.GetString(b), $"{f} differs from the single run");
            }
        }
    }

    /// <summary>The chunks of a PNG (type and type + data bytes), after the 8-byte signature (ISO/IEC 15948 §5.3).</summary>
    private static List<(string Type, byte[] Data)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (int p = 8; p < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p, 4));
            chunks.Add((Encoding.ASCII.GetString(png, p + 4, 4), png[(p + 4)..(p + 8 + length)]));
            p += 12 + length;
        }
        return chunks;
    }
}

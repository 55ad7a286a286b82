using System.Text.Json;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary>
/// <c>emiss shower --fast</c> with the shower library disk cache (docs/physics/fast-mode.md#library-cache), as separate
/// processes: the first run builds and stores the library, a rerun loads it and writes the same bytes, a damaged file
/// gives one warning line and the same outputs, <c>--no-library-cache</c> builds in memory. A 5 MeV switch keeps the
/// library small (11520 showers of 1–5 MeV); the cache lives in a temporary folder.
/// </summary>
public class ShowerLibraryCacheCommandTests
{
    private static readonly string[] Args = ["shower", "--geometry", "na64-ecal", "--energy-GeV", "1", "--events", "8", "--seed", "3", "--threads", "2",
        "--fast", "--fast-switch-GeV", "0.005", "--out", "out"];

    [Fact]
    public void Rerun_loads_the_library_and_writes_the_same_outputs()
    {
        string cache = TestScratch.NewDirectory("libcache");
        try
        {
            RunAll(cache);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);   // the library file is a few MB; the run directories are left like every other test's
        }
    }

    private static void RunAll(string cache)
    {
        var env = new Dictionary<string, string> { ["EMISS_CACHE_DIR"] = cache };
        string first = Run("libcache-a", env, Args, out string stderrA);
        Assert.Equal("", stderrA);
        Assert.StartsWith("built, cached as " + Path.Combine(cache, "shower-libraries"), Origin(first), StringComparison.Ordinal);
        string file = Assert.Single(Directory.GetFiles(Path.Combine(cache, "shower-libraries")));

        string second = Run("libcache-b", env, Args, out string stderrB);
        Assert.Equal("", stderrB);
        Assert.Equal("loaded from " + file, Origin(second));
        AssertSameOutputs(first, second);

        // a damaged file: one warning line, never used, rebuilt and rewritten; the outputs do not change
        byte[] bytes = File.ReadAllBytes(file);
        bytes[^100] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        string third = Run("libcache-c", env, Args, out string stderrC);
        Assert.Matches(@"^emiss: warning: shower library cache file \S+ is unusable \(payload checksum mismatch\); rebuilding it\n$", stderrC.Replace("\r", "", StringComparison.Ordinal));
        Assert.StartsWith("built, cached as ", Origin(third), StringComparison.Ordinal);
        AssertSameOutputs(first, third);

        // bypassed: built in memory, the cache is neither read nor written
        DateTime stamp = File.GetLastWriteTimeUtc(file);
        string fourth = Run("libcache-d", env, [.. Args, "--no-library-cache"], out string stderrD);
        Assert.Equal("", stderrD);
        Assert.Equal("built", Origin(fourth));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        Assert.Single(Directory.GetFiles(Path.Combine(cache, "shower-libraries")));
    }

    private static string Run(string name, Dictionary<string, string> env, string[] args, out string stderr)
    {
        string dir = TestScratch.NewDirectory(name);
        var (code, stdout, err) = EmissProcess.RunIn(dir, env, args);
        Assert.True(code == 0, err + stdout);
        stderr = err;
        return Path.Combine(dir, "out");
    }

    private static string Origin(string outDir)
    {
        using JsonDocument timing = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "timing.json")));
        return timing.RootElement.GetProperty("library_origin").GetString()!;
    }

    /// <summary>Every output but timing.json byte for byte (the runs use the same relative --out, so the recorded commands agree).</summary>
    private static void AssertSameOutputs(string a, string b)
    {
        foreach (string f in Directory.GetFiles(a).Select(p => Path.GetFileName(p)).Where(f => f != "timing.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests;

/// <summary>
/// Interrupted runs, process level: each command is interrupted at seeded random points (SIGINT, SIGKILL, SIGTERM)
/// after its first temporary path appears, then rerun in the same directory. After every step the directory must hold
/// either what it held before or the complete output (never a partial one at the output path); after SIGINT/SIGTERM
/// no temporary path is left and the one "interrupted" line says truly whether the completed output was kept; after SIGKILL only temporary paths named with the killed process's id are left, and the
/// rerun removes them. Every rerun's output equals, byte for byte, an uninterrupted run in another directory
/// (except <c>timing.json</c>, which records wall time). The reference run and the reruns use the same relative
/// paths, so the command recorded in every file is the same.
/// </summary>
public partial class InterruptTests(ITestOutputHelper log)
{
    /// <summary>Command line (relative paths), the signals sent in turn, and the seed of the interruption points.</summary>
    public static TheoryData<string[], string[], int> Runs => new()
    {
        { ["simulate", "--events", "10000", "--chunk", "500", "--threads", "1", "--seed", "5", "--out", "out.parquet"], ["INT", "KILL", "TERM"], 101 },
        { ["signal", "--mass-MeV", "10,100", "--events", "1000", "--hepmc-events", "50", "--threads", "1", "--out", "out"], ["INT", "KILL", "INT"], 202 },
        { ["shower", "--energy-GeV", "10", "--events", "40", "--seed", "3", "--threads", "1", "--out", "out"], ["INT", "KILL", "INT"], 303 },
        { ["limit", "--config", "card.yaml", "--out", "out"], ["INT", "KILL", "INT"], 404 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Interrupted_runs_leave_no_debris_and_reruns_equal_an_uninterrupted_run(string[] args, string[] signals, int seed)
    {
        string reference = Workspace("interrupt-ref");
        var (refCode, refOut, refErr, refSeconds) = RunWatched(reference, args, null);
        Assert.True(refCode == 0, refErr + refOut);
        Dictionary<string, byte[]> expected = Snapshot(reference);
        Assert.Contains(expected.Keys, k => k.StartsWith("out", StringComparison.Ordinal));

        string work = Workspace("interrupt-work");
        var rng = new Random(seed);
        foreach (string requested in signals)
        {
            string signal = requested == "INT" && EmissProcess.ChildrenIgnoreSigInt ? "TERM" : requested;
            Dictionary<string, byte[]> before = Snapshot(work);
            double delay = refSeconds * (0.05 + 0.65 * rng.NextDouble());
            var (code, stdout, stderr, _) = RunWatched(work, args, (signal, delay));
            string step = $"{args[0]} after SIG{signal} at +{delay.ToString("F2", CultureInfo.InvariantCulture)} s (exit {code})";
            Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
            Dictionary<string, byte[]> after = Snapshot(work);
            log.WriteLine($"{step}: {after.Count} files kept, {refSeconds.ToString("F2", CultureInfo.InvariantCulture)} s uninterrupted");
            if (code == 0)
            {
                AssertSame(expected, after, step + ", finished before the signal");
            }
            else if (signal == "KILL")
            {
                Assert.Equal(137, code);
                var debris = after.Keys.Where(k => TemporaryName().IsMatch(k.Split('/')[0])).ToList();
                Dictionary<string, byte[]> kept = after.Where(kv => !debris.Contains(kv.Key)).ToDictionary();
                // Nothing partial at the output path: it holds what it held before, or the complete output.
                if (!Same(before, kept)) AssertSame(expected, kept, step);
            }
            else
            {
                Assert.True(code == (signal == "INT" ? 130 : 143), $"{step}: {stderr}{stdout}");
                string[] lines = [.. stderr.Split('\n').Where(l => l.StartsWith("emiss: interrupted by SIG" + signal, StringComparison.Ordinal))];
                Assert.True(lines.Length == 1, $"{step}: expected one 'emiss: interrupted' line, got: {stderr}");
                // The line must tell the truth either way. "nothing was kept": the directory is as before. "kept the
                // completed output": it holds the complete output, which can also equal "before" when an earlier
                // rerun had already published the same bytes and the signal came after this run's publication.
                if (lines[0].EndsWith("nothing was kept", StringComparison.Ordinal)) Assert.True(Same(before, after), $"{step}: said nothing was kept, but the directory changed: {Difference(before, after)}");
                else
                {
                    Assert.Contains("kept the completed output", lines[0], StringComparison.Ordinal);
                    AssertSame(expected, after, step + ", published before the signal");
                }
            }

            var (rerun, rerunOut, rerunErr) = EmissProcess.RunIn(work, new Dictionary<string, string>(), args);
            Assert.True(rerun == 0, $"rerun after {step}: {rerunErr}{rerunOut}");
            AssertSame(expected, Snapshot(work), "rerun after " + step);
        }
        Directory.Delete(reference, recursive: true);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void Sigint_while_staging_removes_the_staging_directory_and_says_that_nothing_was_kept()
    {
        if (EmissProcess.ChildrenIgnoreSigInt) Assert.Fail("SIGINT is ignored by the test process (started as a background job?) and no python3 can restore it for the child; run the tests in the foreground");
        string work = TestScratch.NewDirectory("interrupt-line");
        var (code, _, stderr, _) = RunWatched(work, ["shower", "--energy-GeV", "10", "--events", "100000", "--threads", "1", "--out", "out"], ("INT", 0.2));
        Assert.Equal(130, code);
        Assert.Equal("emiss: interrupted by SIGINT: removed the unfinished output; nothing was kept", stderr.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Directory.Delete(work);
    }

    /// <summary>A fresh directory with the small limit card at card.yaml (the NA64-2016 card on a 4-point mass grid).</summary>
    private static string Workspace(string name)
    {
        string dir = TestScratch.NewDirectory(name);
        var (text, _, _) = RunCards.CardLoader.ReadText("na64-2016");
        text = text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"1,10,100,400\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "card.yaml"), text);
        return dir;
    }

    /// <summary>
    /// Runs <paramref name="args"/> in <paramref name="dir"/>; with <paramref name="interrupt"/>, sends that signal the
    /// given seconds after the first temporary path ('*.emiss-*') appears. Returns the seconds from that moment to the end.
    /// </summary>
    private static (int Code, string Stdout, string Stderr, double Seconds) RunWatched(string dir, string[] args, (string Signal, double Delay)? interrupt)
    {
        using RunningEmiss p = EmissProcess.Start(dir, args);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!p.HasExited && !Directory.EnumerateFileSystemEntries(dir, "*.emiss-*").Any() && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
        TimeSpan staged = clock.Elapsed;
        if (interrupt is var (signal, delay))
        {
            Thread.Sleep(TimeSpan.FromSeconds(delay));
            p.Signal(signal);
        }
        var (code, stdout, stderr) = p.Wait();
        return (code, stdout, stderr, (clock.Elapsed - staged).TotalSeconds);
    }

    /// <summary>Every file under <paramref name="dir"/> except card.yaml, by relative path ('/'-separated); timing.json has no content.</summary>
    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Rel: Path.GetRelativePath(dir, f).Replace('\\', '/'), Full: f))
            .Where(f => f.Rel != "card.yaml")
            .ToDictionary(f => f.Rel, f => File.Exists(f.Full) && Path.GetFileName(f.Full) != "timing.json" ? File.ReadAllBytes(f.Full) : []);

    private static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out byte[]? v) && v.AsSpan().SequenceEqual(kv.Value));

    /// <summary>What <paramref name="b"/> holds that <paramref name="a"/> does not (+), lacks (−) or holds with other bytes (~).</summary>
    private static string Difference(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) => string.Join(", ",
        b.Keys.Except(a.Keys).Order(StringComparer.Ordinal).Select(k => "+" + k)
            .Concat(a.Keys.Except(b.Keys).Order(StringComparer.Ordinal).Select(k => "−" + k))
            .Concat(a.Keys.Intersect(b.Keys).Where(k => !a[k].AsSpan().SequenceEqual(b[k])).Order(StringComparer.Ordinal).Select(k => "~" + k)));

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, string step)
    {
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            $"{step}: files differ from the uninterrupted run: {Difference(expected, actual)}");
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{step}: {name} differs from the uninterrupted run");
    }


    [GeneratedRegex(@"^out(\.parquet)?\.emiss-[0-9]+-[0-9]+-[0-9a-f]{8}\.(tmp|partial|old)$")]
    private static partial Regex TemporaryName();
}

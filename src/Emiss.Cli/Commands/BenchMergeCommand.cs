using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Emiss.Cli.Batch;
using Emiss.Core.Diagnostics;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench merge</c>: the cost of sharding, measured on <c>simulate</c> through <c>submit --local</c>'s code path
/// (one shard at a time, so shards do not compete for cores). Two single-shard runs of E and 2E events give the event
/// rate of one shard process, E / (t(2E) − t(E)), and its fixed start-up cost, 2 t(E) − t(2E) (runtime start, set-up
/// card, detector model); merging the E-event set gives the merge's fixed cost; then for each N in <c>--shards</c>, N shards of E events are run and merged by an
/// <c>emiss merge</c> process, which reports its peak resident memory. Prints a table and writes
/// <c>bench-merge.csv</c> into <c>--out</c> when given.
/// </summary>
internal static partial class BenchMergeCommand
{
    [GeneratedRegex(@"peak RSS (\d+) MiB")]
    private static partial Regex PeakRss();

    public static Command Create()
    {
        var shards = new Option<string>("--shards") { Description = "Comma-separated shard counts to merge", DefaultValueFactory = _ => "16,100" };
        var events = NumericOption.Count("--events-per-shard", "Events per shard (one thread each)", 2000, 60, 10_000_000);
        var keep = new Option<string?>("--keep") { Description = "Leave the shard sets in this new directory instead of deleting them" };
        var cmd = new Command("merge", "Shard start-up overhead, events/s per shard, merge time and peak RSS for N shards of simulate.") { shards, events, keep };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            int[] counts = ParseCounts(pr.GetValue(shards)!);
            long e = pr.GetValue(events);
            string? kept = pr.GetValue(keep);
            if (kept is not null && Directory.Exists(kept))
                throw new UserInputException("--keep", $"'{kept}' exists", "name a new directory");
            string root = kept ?? Directory.CreateTempSubdirectory("emiss-bench-merge-").FullName;
            var inv = CultureInfo.InvariantCulture;
            try
            {
                double t1 = ShardWalls(root, "one", 1, e).Single(), t2 = ShardWalls(root, "two", 1, 2 * e).Single();
                double rate = e / Math.Max(t2 - t1, 1e-9), startup = 2 * t1 - t2;
                Console.Out.WriteLine(string.Create(inv,
                    $"merge benchmark: simulate, {e} events per shard, 1 thread, {Environment.ProcessorCount} logical processors"));
                Console.Out.WriteLine(string.Create(inv,
                    $"  one shard process: {rate:F0} events/s after a start-up of {startup:F2} s ({t1:F2} s for {e} events, {t2:F2} s for {2 * e})"));
                // The merge of the one-shard set: the merge process's fixed cost (runtime start, checks) with few events.
                var (mergeOne, _) = Merge(Path.Combine(root, "one"));
                var lines = new List<string> { "shards,events_per_shard,events_per_s_per_shard,startup_s,mean_shard_wall_s,merge_s,merge_peak_rss_MiB,overhead_per_1min_shard" };
                foreach (int n in counts)
                {
                    double[] walls = ShardWalls(root, $"n{n}", n, n * e);
                    var (mergeSeconds, rss) = Merge(Path.Combine(root, $"n{n}"));
                    // Overhead of a shard that computes for one minute: its start-up plus its share of the merge, i.e. the
                    // merge's fixed cost over n shards plus the merge time of its 60·rate events, at the per-event merge
                    // cost measured between the one-shard and the n-shard merges.
                    double mergePerEvent = n > 1 ? Math.Max(mergeSeconds - mergeOne, 0) / ((n - 1) * e) : mergeSeconds / e;
                    double overhead = (startup + mergeOne / n + mergePerEvent * 60 * rate) / 60;
                    Console.Out.WriteLine(string.Create(inv,
                        $"  {n,4} shards: mean shard wall {walls.Average():F2} s; merge {mergeSeconds:F2} s ({n * e} events), peak RSS {rss:F0} MiB; overhead of a 1-minute shard {overhead:P1}"));
                    lines.Add(string.Create(inv, $"{n},{e},{rate:F0},{startup:F3},{walls.Average():F3},{mergeSeconds:F3},{rss:F0},{overhead:F4}"));
                }
                if (kept is not null) File.WriteAllLines(Path.Combine(kept, "bench-merge.csv"), lines);
                return 0;
            }
            finally
            {
                if (kept is null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }));
        return cmd;
    }

    private static int[] ParseCounts(string text)
    {
        var counts = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > 1000)
                throw new UserInputException("--shards", $"'{part}' is not a shard count in [1, 1000]", "e.g. --shards 16,100");
            counts.Add(n);
        }
        return [.. counts];
    }

    /// <summary>Runs N shards of <paramref name="events"/> events one at a time through the submit --local path; returns each task's wall time, s.</summary>
    private static double[] ShardWalls(string root, string name, int shards, long events)
    {
        string chunk = (events / shards).ToString(CultureInfo.InvariantCulture);
        ShardedCommand job = ShardedCommand.Resolve(
            ["simulate", "--events", events.ToString(CultureInfo.InvariantCulture), "--chunk", chunk, "--seed", "1", "--threads", "1", "--out", Path.Combine(root, name)], shards);
        string script = SubmitCommand.WriteJob(job, new SlurmResources(null, null, null, 1));
        var walls = new double[shards];
        int[] codes = LocalArrayRunner.Run(job, script, 1, (i, _, wall) => walls[i] = wall.TotalSeconds);
        if (codes.Any(c => c != 0)) throw new EmissInternalException($"a benchmark shard failed; see {job.LogDirectory}");
        return walls;
    }

    /// <summary>Merges the shard set in a separate <c>emiss merge</c> process; returns its wall time (s) and reported peak RSS (MiB).</summary>
    private static (double Seconds, double PeakMiB) Merge(string dir)
    {
        string[] self = ShardedCommand.SelfInvocation();
        var psi = new ProcessStartInfo(self[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in self.Skip(1).Concat(["merge", dir])) psi.ArgumentList.Add(a);
        long t0 = Stopwatch.GetTimestamp();
        using Process p = Process.Start(psi) ?? throw new EmissInternalException("emiss merge did not start");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        Match m = PeakRss().Match(stdout.Result);
        if (p.ExitCode != 0 || !m.Success) throw new EmissInternalException($"emiss merge {dir} failed (exit {p.ExitCode}): {stderr.Result}{stdout.Result}");
        return (seconds, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}

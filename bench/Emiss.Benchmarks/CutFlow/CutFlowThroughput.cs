using System.Diagnostics;
using System.Globalization;
using Emiss.Analysis.CutFlow;

namespace Emiss.Benchmarks.CutFlow;

/// <summary>
/// <c>cutflow-throughput [repetitions]</c>: the three Parquet paths of <see cref="CutFlowBenchmarks"/> timed in one
/// process, interleaved, each repetition by wall clock and by process CPU time. On a machine shared with other work
/// the wall clock measures the share this process got; events per CPU-second × the cores used is the rate the reader
/// sustains on that many otherwise idle cores (the reader is CPU-bound: the store is in the page cache after the first
/// pass). First checks that the three paths give identical cut flows, then runs each path twice untimed (JIT warm-up).
/// </summary>
internal static class CutFlowThroughput
{
    public static int Run(string[] args)
    {
        int repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var bench = new CutFlowBenchmarks();
        bench.Setup();
        try
        {
            var (now, snappy, before) = bench.AllPaths();
            if (!Same(now, before) || !Same(snappy, before))
            {
                Console.Error.WriteLine("cut flows differ between the readers");
                return 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{CutFlowBenchmarks.Rows} events, {Environment.ProcessorCount} cores; store {new FileInfo(bench.Store).Length / 1e6:F0} MB now, {new FileInfo(bench.BeforeStore).Length / 1e6:F0} MB before (Snappy)"));
            (string Name, Action Run)[] paths =
            [
                ("before (old reader, Snappy store)", () => bench.FromParquetBefore()),
                ("staged reader, Snappy store", () => bench.FromParquetSnappyStore()),
                ("staged reader, store as written now", () => bench.FromParquet()),
            ];
            // Warm-up passes, not counted: tiered JIT compiles the loops to their final code over the first calls
            // (BenchmarkDotNet does the same with its warm-up iterations).
            for (int r = 0; r < 2; r++)
                foreach (var (_, run) in paths) run();
            var wall = paths.Select(_ => new List<double>()).ToArray();
            var cpu = paths.Select(_ => new List<double>()).ToArray();
            for (int r = 0; r < repetitions; r++)
            {
                for (int p = 0; p < paths.Length; p++)
                {
                    GC.Collect();
                    TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    paths[p].Run();
                    sw.Stop();
                    TimeSpan used = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                    wall[p].Add(CutFlowBenchmarks.Rows / sw.Elapsed.TotalSeconds);
                    cpu[p].Add(CutFlowBenchmarks.Rows / used.TotalSeconds);
                }
            }
            double baseWall = Median(wall[0]), baseCpu = Median(cpu[0]);
            Console.WriteLine($"median of {repetitions} repetitions | wall M events/s | M events/CPU-s | × {Environment.ProcessorCount} cores | ratio (wall, CPU) vs before");
            for (int p = 0; p < paths.Length; p++)
            {
                double w = Median(wall[p]), c = Median(cpu[p]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{paths[p].Name,-38} | {w / 1e6,8:F2} | {c / 1e6,8:F2} | {c * Environment.ProcessorCount / 1e6,8:F2} | {w / baseWall,6:F1}, {c / baseCpu,6:F1}"));
            }
            return 0;
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static double Median(List<double> v)
    {
        double[] s = [.. v.Order()];
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static bool Same(CutFlowResult a, CutFlowResult b) =>
        a.SignalBoxIncluded == b.SignalBoxIncluded && a.Rows.SequenceEqual(b.Rows) && a.Regions.SequenceEqual(b.Regions);
}

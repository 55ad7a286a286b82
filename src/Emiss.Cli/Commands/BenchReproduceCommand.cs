using System.CommandLine;
using System.Globalization;
using Emiss.Cli.Reproduce;
using Emiss.Core.Diagnostics;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench reproduce</c>: times a complete <c>emiss reproduce</c> in a fresh directory (so no stage is skipped)
/// and compares the wall time with the 5-minute budget on 2 cores; the per-stage times come from the run's
/// <c>timing.csv</c>. The output is deleted afterwards unless <c>--keep DIR</c> names where to leave it.
/// </summary>
internal static class BenchReproduceCommand
{
    public static Command Create()
    {
        var scale = NumericOption.Real("--eot-scale", "Fraction of each run's electrons on target (1 = the seed's exposure, the budgeted case)", 1.0, Interval.LeftOpen(0, 1));
        var threads = NumericOption.Threads();
        var keep = new Option<string?>("--keep") { Description = "Leave the reproduce output in this (new or empty) directory instead of deleting it" };
        var cmd = new Command("reproduce", "Wall time of a full `emiss reproduce` per stage against the 5-minute budget on 2 cores.") { scale, threads, keep };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            string? kept = pr.GetValue(keep);
            if (kept is not null && Directory.Exists(kept) && Directory.EnumerateFileSystemEntries(kept).Any())
                throw new UserInputException("--keep", $"'{kept}' is not empty", "name a new or empty directory: a finished stage there would be skipped, not timed");
            string? scratch = kept is null ? Directory.CreateTempSubdirectory("emiss-bench-reproduce-").FullName : null;
            string dir = kept ?? Path.Combine(scratch!, "result");
            var inv = CultureInfo.InvariantCulture;
            try
            {
                int nt = NumericOption.ResolveThreads(pr.GetValue(threads));
                string[] args = ["reproduce", "--out", dir, "--eot-scale", pr.GetValue(scale).ToString("R", inv), "--threads", nt.ToString(inv)];
                int code = Program.BuildRoot().Parse(args).Invoke();
                if (code != 0) return code;
                var rows = File.ReadLines(Path.Combine(dir, ReproduceTiming.FileName)).Where(l => l.Length > 0 && l[0] != '#').Skip(1)
                    .Select(l => l.Split(',')).ToList();
                Console.Out.WriteLine(string.Create(inv, $"reproduce benchmark: --eot-scale {pr.GetValue(scale):G4}, {nt} threads, {Environment.ProcessorCount} logical processors, load average {ReproduceTiming.LoadAverage()}"));
                foreach (string[] f in rows)
                    Console.Out.WriteLine(string.Create(inv, $"  {f[0],-12} {double.Parse(f[2], inv),8:F1} s"));
                double total = double.Parse(rows[^1][2], inv);
                Console.Out.WriteLine(string.Create(inv,
                    $"  budget {ReproduceTiming.TargetSeconds:F0} s on 2 cores: {total / ReproduceTiming.TargetSeconds:P0} of it ({(total <= ReproduceTiming.TargetSeconds ? "within" : "over")}; build time not included)"));
                return 0;
            }
            finally
            {
                if (scratch is not null && Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            }
        }));
        return cmd;
    }
}

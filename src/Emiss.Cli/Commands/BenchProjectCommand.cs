using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Analysis.Projections;
using Emiss.Core.IO;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench project</c>: the full projection of the issue's budget — 4 exposures × the card's 61 masses × 2 beams
/// × 4 mediators — from cached yield tables, against 10 s on 2 cores. A first, untimed run fills the cache if needed;
/// then the computation alone (tables read from disk, counting limits, ε₉₀ per point) and the whole command (with the
/// figures, CSV and HEPData files) are timed. Outputs go to a temporary directory that is deleted.
/// </summary>
internal static class BenchProjectCommand
{
    /// <summary>The budget of a cached full projection, seconds.</summary>
    public const double TargetSeconds = 10;

    public static Command Create()
    {
        var cache = new Option<string?>("--cache") { Description = "Yield-table cache directory (default: the project command's)" };
        var repetitions = NumericOption.SmallCount("--repetitions", "Timed repetitions of the computation", 3, 1, 100);
        var cmd = new Command("project", "Wall time of a full projection (4 EOT × 61 masses × 2 beams × 4 mediators) from cached yield tables against 10 s on 2 cores.") { cache, repetitions };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            string cacheDir = pr.GetValue(cache) is { } c ? UserInput.CheckOutputDirectory("--cache", c) : ProjectInputs.DefaultCacheDirectory();
            string scratch = Directory.CreateTempSubdirectory("emiss-bench-project-").FullName;
            var inv = CultureInfo.InvariantCulture;
            try
            {
                string[] args = ["project", "--eot", "1e10,1e11,1e12,1e13", "--beam", "e-,e+", "--model", "all", "--cache", cacheDir];
                var warm = Stopwatch.StartNew();
                int code = Program.BuildRoot().Parse([.. args, "--out", Path.Combine(scratch, "warm")]).Invoke();
                if (code != 0) return code;
                warm.Stop();

                var options = new ProjectOptions("na64-2016", "1e10,1e11,1e12,1e13", "e-,e+", "100", "Pb", "all", "constant", null, null, null, "analytic", null, true, 0.5, cacheDir);
                var computeTimes = new List<double>();
                int points = 0, cached = 0;
                for (int i = 0; i < pr.GetValue(repetitions); i++)
                {
                    var clock = Stopwatch.StartNew();
                    var (request, _, tableCache) = ProjectInputs.Resolve(options);
                    ProjectionResult r = ProjectionComputation.Run(request, tableCache, new Provenance("emiss bench project", null, ""));
                    computeTimes.Add(clock.Elapsed.TotalSeconds);
                    points = r.Points.Count;
                    cached = r.TablesFromCache;
                }
                var whole = Stopwatch.StartNew();
                code = Program.BuildRoot().Parse([.. args, "--out", Path.Combine(scratch, "timed")]).Invoke();
                if (code != 0) return code;
                double total = whole.Elapsed.TotalSeconds;
                Console.Out.WriteLine(string.Create(inv, $"project benchmark: {points} expected limits (4 EOT × 61 masses × 2 beams × 4 mediators), {Environment.ProcessorCount} logical processors"));
                Console.Out.WriteLine(string.Create(inv, $"  first run (fills the cache when empty): {warm.Elapsed.TotalSeconds:F1} s"));
                Console.Out.WriteLine(string.Create(inv, $"  computation from cached tables ({cached} of 8 read from disk): median {computeTimes.Order().ElementAt(computeTimes.Count / 2):F2} s over {computeTimes.Count}"));
                Console.Out.WriteLine(string.Create(inv, $"  whole command with figures, CSV and HEPData: {total:F1} s; budget {TargetSeconds:F0} s: {(total <= TargetSeconds ? "within" : "over")}"));
                return 0;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }));
        return cmd;
    }
}

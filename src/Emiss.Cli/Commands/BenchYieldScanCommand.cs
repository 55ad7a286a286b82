using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Core.Numerics;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Emiss.Signal.MonteCarloYield;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench yield-scan</c>: wall time of a Monte Carlo yield scan over masses × the four mediators from one
/// shower pass (<see cref="MonteCarloYieldScan"/>) against the same pass scoring one mass, and against the single-mass
/// signal run (<see cref="SignalRunner"/>, biased A′ process in the showers) that projections used per mass before.
/// The budget: 40 masses × 4 mediators at 10⁶ showers in under 30 s on 2 cores.
/// </summary>
internal static class BenchYieldScanCommand
{
    /// <summary>The budget of the 40 × 4 scan at 10⁶ showers, seconds.</summary>
    public const double TargetSeconds = 30;

    public static Command Create()
    {
        var events = NumericOption.Count("--events", "Showers of each timed pass", 1_000_000, 1_000, 100_000_000);
        var masses = NumericOption.SmallCount("--masses", "Masses per mediator, log-spaced over 1–1000 MeV", 40, 1, 400);
        var production = new Option<string>("--production") { Description = "Production approximation: ww | iww | etl", DefaultValueFactory = _ => "etl" };
        var geometry = new Option<string>("--geometry") { Description = "Geometry name or .json file", DefaultValueFactory = _ => "na64-ecal" };
        var single = new Option<bool>("--single-mass") { Description = "Also time one single-mass signal run (SignalRunner) at the same number of showers" };
        var threads = NumericOption.Threads();
        var cmd = new Command("yield-scan", "Wall time of a Monte Carlo yield scan (masses × 4 mediators, one shower pass) against one mass.")
            { events, masses, production, geometry, single, threads };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            long n = pr.GetValue(events);
            int nt = NumericOption.ResolveThreads(pr.GetValue(threads));
            string word = pr.GetValue(production)!.ToLowerInvariant();
            UserInput.Require(word is "ww" or "iww" or "etl", "--production", $"unknown production approximation '{word}'", "use ww, iww or etl");
            ProductionApproximation approx = ModelNames.Approximation(word);
            SlabStack g = UserInput.Resolve("--geometry", () => GeometryCatalog.Load(pr.GetValue(geometry)!));
            Energy beam = Energy.FromGeV(100);
            double[] grid = ValueGrid.Logspace(1, 1000, pr.GetValue(masses));
            Mediator[] mediators = Enum.GetValues<Mediator>();
            var etl = new EtlSpectrumCache(mediators);   // one ETL pass per (element, energy, mass) serves the four mediators
            YieldScanPoint[] points = [.. mediators.SelectMany(m =>
            {
                IDarkProductionModel model = DarkProductionModels.Create(m, approx, etl);
                return grid.Select(mm => new YieldScanPoint(model, Mass.FromMeV(mm)));
            })];
            YieldScanPoint[] one = [points[Array.FindIndex(grid, m => m >= 10) is var i and >= 0 ? i : 0]];
            var inv = CultureInfo.InvariantCulture;

            // Process CPU time alongside wall time: on a shared machine the wall time of a phase overstates its cost, CPU/threads does not.
            static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            var clock = Stopwatch.StartNew();
            double cpu = Cpu();
            YieldScanRates rates = YieldScanRates.Build(points, g.Materials, beam, 0.5);
            double build = clock.Elapsed.TotalSeconds, buildCpu = Cpu() - cpu;
            YieldScanRates rateOne = YieldScanRates.Build(one, g.Materials, beam, 0.5);
            MonteCarloYieldScan.Run(rateOne, one, g, beam, 2 * SignalRunner.ChunkSize, 99, nt);       // warm-up (JIT, tiering)
            clock.Restart();
            cpu = Cpu();
            YieldScanResult r1 = MonteCarloYieldScan.Run(rateOne, one, g, beam, n, 1, nt);
            double tOne = clock.Elapsed.TotalSeconds, cpuOne = Cpu() - cpu;
            clock.Restart();
            cpu = Cpu();
            YieldScanResult all = MonteCarloYieldScan.Run(rates, points, g, beam, n, 1, nt);
            double tAll = clock.Elapsed.TotalSeconds, cpuAll = Cpu() - cpu;

            Console.Out.WriteLine(string.Create(inv, $"yield-scan benchmark: {grid.Length} masses × {mediators.Length} mediators ({approx}) = {points.Length} points, {n} showers of 100 GeV e- in {g.Name}, {nt} threads, {Environment.ProcessorCount} logical processors"));
            Console.Out.WriteLine(string.Create(inv, $"  rate tables of {points.Length} points: {build:F1} s wall, {buildCpu:F1} s CPU"));
            Console.Out.WriteLine(string.Create(inv, $"  shower pass scoring 1 point ({one[0].Label}): {tOne:F1} s wall, {cpuOne:F1} s CPU; rel. error {r1.Total[0].RelativeError:E2}"));
            Console.Out.WriteLine(string.Create(inv, $"  shower pass scoring {points.Length} points: {tAll:F1} s wall, {cpuAll:F1} s CPU ({cpuAll / cpuOne:F2}× one point in CPU); rel. errors {all.Total.Min(t => t.RelativeError):E2}–{all.Total.Max(t => t.RelativeError):E2}; correlation of neighbouring masses ≥ {Enumerable.Range(0, points.Length - 1).Where(p => (p + 1) % grid.Length != 0).Select(p => all.Correlation(p, p + 1)).DefaultIfEmpty(1).Min():F5}, of 1 and 1000 MeV {all.Correlation(0, grid.Length - 1):F3}"));
            double total = build + tAll, totalCpu = buildCpu + cpuAll;
            Console.Out.WriteLine(string.Create(inv, $"  scan total (tables + pass): {total:F1} s wall, {totalCpu:F1} s CPU = {totalCpu / nt:F1} s on {nt} idle cores; budget {TargetSeconds:F0} s at 10^6 showers on 2 cores: {(n == 1_000_000 ? (totalCpu / nt <= TargetSeconds ? "within" : "over") : "not measured at 10^6")}"));
            if (pr.GetValue(single))
            {
                clock.Restart();
                cpu = Cpu();
                // A fresh model: the scan's ETL cache would otherwise hand the single-mass run its cross sections for free.
                SignalTables tables = SignalTables.Build(DarkProductionModels.Create(Mediator.Vector, approx), g.Materials, one[0].Mass, beam);
                SignalRunResult s = SignalRunner.Run(tables, g, new SignalOptions(), n, 1, nt);
                double tSingle = clock.Elapsed.TotalSeconds, cpuSingle = Cpu() - cpu;
                Console.Out.WriteLine(string.Create(inv, $"  single-mass signal run ({one[0].Label}, tables + pilot + biased pass): {tSingle:F1} s wall, {cpuSingle:F1} s CPU; {points.Length} such runs ≈ {cpuSingle * points.Length / nt:F0} s on {nt} idle cores; n = {s.Estimator.Value:E4} ± {s.Estimator.StatError:E1} vs scan {all.Total[Array.IndexOf(points, one[0])].Value:E4}"));
            }
            return 0;
        }));
        return cmd;
    }
}

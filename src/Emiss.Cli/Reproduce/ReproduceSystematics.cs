using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.Systematics;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.Commands;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;
using Emiss.Reporting.Tables;
using Emiss.Shower.Geometry;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// The <c>systematics</c> stage of <c>emiss reproduce</c>: the relative signal-yield systematic derived as the seed does
/// it (PRL 118, 011802 (2017), p. 4) — two yield calculations, the dimuon benchmark's data/MC comparison, and the
/// efficiency Monte Carlo's statistics — combined in quadrature into <c>systematics.csv</c>, whose total the limit
/// stage uses as <c>statistics.signalYieldRelativeUncertainty</c>.
/// </summary>
internal static class ReproduceSystematics
{
    /// <summary>The output file.</summary>
    public const string FileName = "systematics.csv";

    /// <summary>Columns of <see cref="FileName"/>: per-mass rows carry <c>mA_MeV</c>; the rows without a mass are the
    /// components that are combined, then <c>total</c>.</summary>
    public static readonly string[] Columns = ["component", "mA_MeV", "value", "observed", "stat_err", "definition"];

    /// <summary>Masses (MeV) of the yield comparison: one per decade across the efficiency masses (the stage's cost is
    /// almost all Monte Carlo showers, so fewer masses keep reproduce within its time budget).</summary>
    public static readonly double[] YieldMassesMeV = [1, 10, 100, 1000];

    /// <summary>Showers per mass of the Monte Carlo yield in the comparison.</summary>
    public const long YieldMonteCarloEvents = 4000;

    /// <summary>Runs the stage; returns the files it wrote (relative to <paramref name="outDir"/>).</summary>
    public static string[] Run(LimitCard card, SelectionCuts cuts, IReadOnlyList<PseudoDataRun> runs, string dataDir, string analysisDir, string outDir,
                               ulong seed, int threads, Provenance provenance)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var components = new List<SystematicComponent>();

        // 1. Two yield calculations, relative to the one the limit uses.
        IDarkProductionModel production = DarkProductionModels.Create(ModelNames.Mediator(card.Signal.Mediator), ModelNames.Approximation(card.Signal.Production));
        SlabStack geometry = UserInput.Resolve("signal.geometry", () => GeometryCatalog.Load(card.Signal.Geometry));
        bool mcReference = card.Signal.YieldModel == "monte-carlo";
        IReadOnlyList<YieldComparisonPoint> yields = YieldCalculationComparison.Run(production, MaterialCatalog.ByName(card.Target.Material), geometry,
            Energy.FromGeV(card.Beam.EnergyGeV), card.Signal.MissingEnergyMinFraction, YieldMassesMeV, YieldMonteCarloEvents, seed, threads, mcReference);
        foreach (YieldComparisonPoint p in yields)
            rows.Add([YieldCalculationComparison.Name, p.MassMeV, p.Systematic, p.RelativeDifference, p.RelativeStatError, string.Create(CultureInfo.InvariantCulture,
                $"analytic {p.Analytic:G6} vs Monte Carlo {p.MonteCarlo:G6} ± {p.MonteCarloStatError:G2} ({YieldMonteCarloEvents} showers) A′ per EOT at ε = 1")]);
        components.Add(YieldCalculationComparison.Component(yields, mcReference ? "Monte Carlo" : "analytic"));

        // 2. Dimuon benchmark: data against the method-1 Monte Carlo of every source in the same selection.
        components.Add(Dimuon(cuts, runs, dataDir, analysisDir));

        // 3. Efficiency Monte Carlo statistics.
        var eff = EfficiencyRows(Path.Combine(outDir, "efficiency.csv"));
        foreach (var e in eff)
        {
            double rel = EfficiencyStatistics.Relative(e.Efficiency, e.StatError);
            rows.Add([EfficiencyStatistics.Name, e.MassMeV, rel, rel, 0.0, string.Create(CultureInfo.InvariantCulture,
                $"ε = {e.Efficiency:G4} ± {e.StatError:G2} from {e.Events} signal events (efficiency.csv, run 'all')")]);
        }
        components.Add(EfficiencyStatistics.Component(eff));

        foreach (SystematicComponent c in components)
            rows.Add([c.Name, null, c.Value, c.Observed, c.StatError, c.Definition]);
        double total = SystematicsCombination.Quadrature(components);
        rows.Add(["total", null, total, null, null,
                  $"quadrature sum of the rows without a mass ({string.Join(", ", components.Select(c => c.Name))}); the derived limit's statistics.signalYieldRelativeUncertainty; seed: ≃ 19 %"]);
        CsvTableWriter.Write(Path.Combine(outDir, FileName), provenance.WithNotes("stage: systematics",
            "relative signal-yield systematic: components combined in quadrature; a cross-check contributes √max(0, δ² − σ²) (Barlow, arXiv:hep-ex/0207026)"),
            Columns, rows);
        return [FileName];
    }

    /// <summary>The combined relative systematic (the <c>total</c> row) of a finished stage in <paramref name="outDir"/>.</summary>
    public static double ReadTotal(string outDir)
    {
        string path = Path.Combine(outDir, FileName);
        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("total,", StringComparison.Ordinal))
            ?? throw new EmissInternalException($"{path}: no 'total' row");
        return double.Parse(line.Split(',')[2], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static SystematicComponent Dimuon(SelectionCuts cuts, IReadOnlyList<PseudoDataRun> runs, string dataDir, string analysisDir)
    {
        // Expectation: background-regions.csv of the pseudo-data stage (method 1, every source, every run).
        string regionName = EstimateRegion.Names[EstimateRegion.DimuonBenchmark];
        var mc = File.ReadLines(Path.Combine(dataDir, "background-regions.csv")).Where(l => l.Length > 0 && l[0] != '#').Skip(1)
            .Select(l => l.Split(',')).Where(f => f[1] == regionName)
            .Select(f => (Source: f[2], Expected: Parse(f[3]), Stat: Parse(f[4]))).ToList();
        double expected = mc.Sum(m => m.Expected), stat = Math.Sqrt(mc.Sum(m => m.Stat * m.Stat));
        double dimuon = mc.Where(m => m.Source == "dimuon").Sum(m => m.Expected);

        var byRun = runs.ToDictionary(r => r.Number, r => (Evaluator: new SelectionEvaluator(cuts, r.Card.Ecal.CellsX, r.Card.Ecal.CellsY), Benchmark: DimuonBenchmark.For(r.Card)));
        BlindDataSet set = BlindDataSet.OpenAsync(dataDir, analysisDir).GetAwaiter().GetResult();
        IReadOnlyList<(string Sample, long Events)> counts;
        try
        {
            counts = BenchmarkCount.CountAsync(set, (c, r) =>
            {
                var (ev, bench) = byRun[c.Run[r]];
                return bench.Contains(ev.LastPassed(c, r), c.EcalEnergyGeV[r], c.HcalEnergyGeV[r]);
            }).GetAwaiter().GetResult();
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        DimuonBenchmark b = DimuonBenchmark.For(runs[0].Card);
        string selection = string.Create(CultureInfo.InvariantCulture,
            $"cuts (i)–(iii), E_ECAL < {b.EcalMaxGeV:G3} GeV, {b.HcalMinGeV:G3} ≤ E_HCAL < {b.HcalMaxGeV:G3} GeV = [{DimuonBenchmark.WindowLowMuons:G2}, {DimuonBenchmark.WindowHighMuons:G2}] × one muon's {b.MuonHcalGeV:G3} GeV");
        return DataMonteCarloComparison.Component(counts.Sum(c => c.Events), expected, stat, expected > 0 ? dimuon / expected : 0, selection);
    }

    private static List<(double MassMeV, long Events, double Efficiency, double StatError)> EfficiencyRows(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "all")
            .Select(f => (Parse(f[1]), long.Parse(f[2], CultureInfo.InvariantCulture), Parse(f[3]), Parse(f[4]))).OrderBy(t => t.Item1)];

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

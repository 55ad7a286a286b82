using System.Globalization;
using Emiss.Analysis.Efficiency;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.Cuts;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// The top-level <c>cutflow.csv</c> of <c>emiss reproduce</c>: the blind data's cut flow (sample = run name, source
/// "all", from <c>analysis/cutflow.csv</c>), then each background source's method-1 cut flow (sample
/// <see cref="BackgroundSample"/>, weighted_events = events expected in the run's data, from
/// <c>pseudodata/cutflow-mc.csv</c>), then the signal Monte Carlo at each efficiency mass (sample
/// <see cref="SignalSample"/>, source <c>aprime-&lt;m&gt;MeV</c>, with a final <c>signal_box</c> row). Same columns as
/// <c>emiss analyze</c>'s cut flow.
/// </summary>
internal static class ReproduceCutFlow
{
    /// <summary>Sample name of the background Monte Carlo rows.</summary>
    public const string BackgroundSample = "background-mc";

    /// <summary>Sample name of the signal Monte Carlo rows.</summary>
    public const string SignalSample = "signal-mc";

    /// <summary>Writes <paramref name="path"/> from the three sources.</summary>
    public static void Write(string path, Provenance provenance, string analysisCutFlow, string mcCutFlow, IReadOnlyList<PseudoDataRun> runs,
                             IReadOnlyList<SignalEfficiencyPoint> signal)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (string[] f in Rows(analysisCutFlow))
            rows.Add([int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3], long.Parse(f[4], CultureInfo.InvariantCulture), D(f[5]), D(f[6]), D(f[7])]);
        // cutflow-mc.csv: run,run_number,source,cut,simulated,expected_events — stages in order per (run, source).
        foreach (var g in Rows(mcCutFlow).GroupBy(f => (Run: f[1], Source: f[2])))
            AddFlow(rows, int.Parse(g.Key.Run, CultureInfo.InvariantCulture), BackgroundSample, g.Key.Source,
                    [.. g.Select(f => (f[3], long.Parse(f[4], CultureInfo.InvariantCulture), D(f[5])))]);
        foreach (SignalEfficiencyPoint p in signal)
        {
            int run = runs.First(r => r.Name == p.Run).Number;
            var stages = Enumerable.Range(0, CutNames.StageCount)
                .Select(s => (CutNames.Of((CutStage)s), p.PassedStage[s], (double)p.PassedStage[s]))
                .Append(("signal_box", p.InBoxAfterCuts, (double)p.InBoxAfterCuts)).ToList();
            AddFlow(rows, run, SignalSample, string.Create(CultureInfo.InvariantCulture, $"aprime-{p.MassMeV:G6}MeV"), stages);
        }
        CsvTableWriter.Write(path, provenance.WithNotes(
            "cut flow: data rows (sample = run name, source 'all') from the blind analysis; " +
            $"'{BackgroundSample}' rows: method-1 Monte Carlo per source, weighted_events = events expected in the run's data, events = simulated (biased) events behind them; " +
            $"'{SignalSample}' rows: signal Monte Carlo per mass (A′ energy above the signal threshold), unweighted, ending with the signal-box row"),
            AnalysisOutputs.CutFlowColumns, rows);
    }

    private static void AddFlow(List<IReadOnlyList<object?>> rows, int run, string sample, string source, List<(string Cut, long Events, double Weighted)> stages)
    {
        double first = stages.Count > 0 ? stages[0].Weighted : 0;
        for (int i = 0; i < stages.Count; i++)
        {
            double prev = i == 0 ? stages[0].Weighted : stages[i - 1].Weighted;
            rows.Add([run, sample, source, stages[i].Cut, stages[i].Events, stages[i].Weighted,
                      i == 0 ? 1.0 : prev > 0 ? stages[i].Weighted / prev : 0.0, first > 0 ? stages[i].Weighted / first : 0.0]);
        }
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split(','));

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

using Emiss.Events;
using Emiss.Events.Selection;

namespace Emiss.Analysis.CutFlow;

/// <summary>
/// Accumulates a cut flow: for each (run, source) the number and weight of events whose last passed stage is each
/// <see cref="CutStage"/> (one histogram increment per event; the cumulative counts are suffix sums at the end),
/// and the regions of events that pass every cut. Rows are given by the caller, which decides what may be counted
/// (the blind data set passes no row inside the blinded region). Not thread-safe: one counter per worker, then
/// <see cref="Merge"/>.
/// </summary>
public sealed class CutFlowCounter
{
    private const string AllSources = "all";
    private readonly SelectionEvaluator _evaluator;
    private readonly Dictionary<(string Sample, int Run, int Source), Tally> _tallies = [];

    /// <summary>A counter applying <paramref name="evaluator"/>.</summary>
    public CutFlowCounter(SelectionEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
    }

    /// <summary>Counts every row of <paramref name="columns"/> of sample <paramref name="sample"/>;
    /// <paramref name="sources"/> (true-process codes, simulated samples only) adds per-source tallies.</summary>
    public void Add(string sample, SelectionColumns columns, ReadOnlySpan<int> sources = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(columns);
        bool perSource = !sources.IsEmpty;
        if (perSource && sources.Length < columns.Count) throw new ArgumentException($"{sources.Length} source codes for {columns.Count} rows", nameof(sources));
        SelectionEvaluator eval = _evaluator;
        int[] runs = columns.Run;
        double[] weights = columns.Weight, ecal = columns.EcalEnergyGeV, hcal = columns.HcalEnergyGeV;
        int currentRun = int.MinValue;
        Tally? all = null;
        for (int i = 0; i < columns.Count; i++)
        {
            CutStage stage = eval.LastPassed(columns, i);
            SignalRegion region = stage == CutStage.V2 ? eval.RegionOf(ecal[i], hcal[i]) : SignalRegion.Other;
            double w = weights[i];
            // Runs change rarely within a row group: one dictionary look-up per change.
            if (runs[i] != currentRun || all is null)
            {
                currentRun = runs[i];
                all = TallyFor(sample, currentRun, -1);
            }
            all.Add(stage, region, w);
            if (perSource) TallyFor(sample, currentRun, sources[i]).Add(stage, region, w);
        }
    }

    /// <summary>Counts rows <paramref name="rows"/> (ascending) of <paramref name="columns"/> whose stages the caller has
    /// already evaluated with this counter's evaluator (<paramref name="stages"/>[k] for row <paramref name="rows"/>[k]):
    /// the staged reader, which loads the shower columns only for rows that reach cut (iii). Adds in row order, like
    /// <see cref="Add(string, SelectionColumns, ReadOnlySpan{int})"/> over the same rows, so the weighted sums are
    /// the same to the last bit.</summary>
    internal void Add(string sample, SelectionColumns columns, ReadOnlySpan<int> rows, ReadOnlySpan<CutStage> stages)
    {
        if (stages.Length != rows.Length) throw new ArgumentException($"{stages.Length} stages for {rows.Length} rows", nameof(stages));
        SelectionEvaluator eval = _evaluator;
        int[] runs = columns.Run;
        double[] weights = columns.Weight, ecal = columns.EcalEnergyGeV, hcal = columns.HcalEnergyGeV;
        int currentRun = int.MinValue;
        Tally? all = null;
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            CutStage stage = stages[k];
            SignalRegion region = stage == CutStage.V2 ? eval.RegionOf(ecal[i], hcal[i]) : SignalRegion.Other;
            if (runs[i] != currentRun || all is null)
            {
                currentRun = runs[i];
                all = TallyFor(sample, currentRun, -1);
            }
            all.Add(stage, region, weights[i]);
        }
    }

    /// <summary>Adds the tallies of <paramref name="other"/> (same cuts).</summary>
    public void Merge(CutFlowCounter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, t) in other._tallies)
        {
            if (!_tallies.TryGetValue(key, out Tally? mine)) _tallies[key] = mine = new Tally();
            mine.Merge(t);
        }
    }

    /// <summary>The cut flow. <paramref name="includeSignalBox"/> false drops the signal-box region row.</summary>
    public CutFlowResult Result(bool includeSignalBox)
    {
        var rows = new List<CutFlowRow>();
        var regions = new List<RegionCount>();
        foreach (var ((sample, run, source), t) in _tallies.OrderBy(kv => kv.Key.Sample, StringComparer.Ordinal).ThenBy(kv => kv.Key.Run).ThenBy(kv => kv.Key.Source))
        {
            string src = source < 0 ? AllSources : SourceName(source);
            long n = 0;
            double w = 0;
            var cumN = new long[CutNames.StageCount];
            var cumW = new double[CutNames.StageCount];
            for (int s = CutNames.StageCount - 1; s >= 0; s--)
            {
                n += t.Events[s];
                w += t.Weight[s];
                cumN[s] = n;
                cumW[s] = w;
            }
            for (int s = 0; s < CutNames.StageCount; s++)
            {
                double eff = s == 0 ? 1.0 : Ratio(cumW[s], cumW[s - 1]);
                rows.Add(new CutFlowRow(run, sample, src, CutNames.Of((CutStage)s), cumN[s], cumW[s], eff, Ratio(cumW[s], cumW[0])));
            }
            foreach (SignalRegion r in (SignalRegion[])[SignalRegion.SidebandA, SignalRegion.SidebandC, SignalRegion.SignalBox, SignalRegion.Other])
            {
                if (r == SignalRegion.SignalBox && !includeSignalBox) continue;
                regions.Add(new RegionCount(run, sample, src, CutNames.Of(r), t.RegionEvents[(int)r], t.RegionWeight[(int)r]));
            }
        }
        return new CutFlowResult(rows, regions, includeSignalBox);
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;

    private static string SourceName(int code) =>
        Enum.IsDefined(typeof(TrueProcess), code) ? ((TrueProcess)code).ToString() : "process_" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Tally TallyFor(string sample, int run, int source)
    {
        var key = (sample, run, source);
        if (!_tallies.TryGetValue(key, out Tally? t)) _tallies[key] = t = new Tally();
        return t;
    }

    private sealed class Tally
    {
        public long[] Events { get; } = new long[CutNames.StageCount];
        public double[] Weight { get; } = new double[CutNames.StageCount];
        public long[] RegionEvents { get; } = new long[4];
        public double[] RegionWeight { get; } = new double[4];

        public void Add(CutStage stage, SignalRegion region, double w)
        {
            Events[(int)stage]++;
            Weight[(int)stage] += w;
            if (stage == CutStage.V2)
            {
                RegionEvents[(int)region]++;
                RegionWeight[(int)region] += w;
            }
        }

        public void Merge(Tally o)
        {
            for (int s = 0; s < Events.Length; s++)
            {
                Events[s] += o.Events[s];
                Weight[s] += o.Weight[s];
            }
            for (int r = 0; r < RegionEvents.Length; r++)
            {
                RegionEvents[r] += o.RegionEvents[r];
                RegionWeight[r] += o.RegionWeight[r];
            }
        }
    }
}

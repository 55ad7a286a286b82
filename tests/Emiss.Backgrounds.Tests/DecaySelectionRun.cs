using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Tests;

/// <summary>Decay-in-flight events through the full event simulator and the seed's selection: per (species, channel)
/// the weighted sums of the events in a list of regions, so that a biased run can be compared with an unbiased one
/// channel by channel after cuts (i)–(iv) and the box.</summary>
internal static class DecaySelectionRun
{
    private const int Chunk = 1024;

    /// <summary>A region: a predicate on a row's selection columns and the last cut it passes.</summary>
    public delegate bool Region(SelectionColumns c, CutStage last, int row);

    /// <summary>Σw, Σw² and hits per channel and region, over <see cref="Events"/> generated events.</summary>
    public sealed class Tally(int regions)
    {
        public long Events { get; set; }

        public Dictionary<string, (double W, double W2, long N)[]> ByChannel { get; } = new(StringComparer.Ordinal);

        public void Add(string channel, int region, double w)
        {
            if (!ByChannel.TryGetValue(channel, out var a)) ByChannel[channel] = a = new (double, double, long)[regions];
            a[region] = (a[region].W + w, a[region].W2 + w * w, a[region].N + 1);
        }

        /// <summary>Σw/M and its error √(Σw² − (Σw)²/M)/M over the channels <paramref name="channel"/> accepts.</summary>
        public (double Mean, double Error, long Hits) Fraction(int region, Func<string, bool>? channel = null)
        {
            double s = 0, s2 = 0;
            long n = 0;
            foreach (var (name, a) in ByChannel)
            {
                if (channel is not null && !channel(name)) continue;
                s += a[region].W;
                s2 += a[region].W2;
                n += a[region].N;
            }
            return (s / Events, Math.Sqrt(Math.Max(0, s2 - s * s / Events)) / Events, n);
        }

        public void Merge(Tally other)
        {
            Events += other.Events;
            foreach (var (name, a) in other.ByChannel)
                for (int g = 0; g < a.Length; g++)
                    if (a[g].N > 0)
                    {
                        if (!ByChannel.TryGetValue(name, out var m)) ByChannel[name] = m = new (double, double, long)[a.Length];
                        m[g] = (m[g].W + a[g].W, m[g].W2 + a[g].W2, m[g].N + a[g].N);
                    }
        }
    }

    /// <summary>Simulates events <paramref name="firstKey"/>…+<paramref name="events"/> with processes from
    /// <paramref name="process"/> (one per chunk); chunks run in parallel and merge in order (thread-count independent).</summary>
    public static Tally Run(DetectorModel model, Func<DecayInFlightProcess> process, long firstKey, int events, SelectionCuts cuts, IReadOnlyList<Region> regions)
    {
        int chunks = (events + Chunk - 1) / Chunk;
        var parts = new Tally[chunks];
        int cellsX = model.Card.Ecal.CellsX, cellsY = model.Card.Ecal.CellsY;
        Parallel.For(0, chunks, c =>
        {
            var sim = new EventSimulator(model);
            DecayInFlightProcess p = process();
            var batch = new EventBatch(Chunk, cellsX * cellsY, model.Card.Hcal.Modules);
            int from = c * Chunk, to = Math.Min(events, from + Chunk);
            var channels = new string[to - from];
            for (int k = from; k < to; k++)
            {
                sim.Simulate(firstKey + k, 1, p, 1.0, batch);
                channels[k - from] = p.LastDecay.Channel;
            }
            var evaluator = new SelectionEvaluator(cuts, cellsX, cellsY);
            SelectionColumns cols = SelectionColumns.FromBatch(batch, cellsX, cellsY);
            var t = new Tally(regions.Count) { Events = to - from };
            for (int r = 0; r < cols.Count; r++)
            {
                CutStage last = evaluator.LastPassed(cols, r);
                for (int g = 0; g < regions.Count; g++)
                    if (regions[g](cols, last, r)) t.Add(channels[r], g, cols.Weight[r]);
            }
            parts[c] = t;
        });
        var total = new Tally(regions.Count);
        foreach (Tally t in parts) total.Merge(t);
        return total;
    }
}

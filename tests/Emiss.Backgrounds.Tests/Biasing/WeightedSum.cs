using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Tests.Biasing;

/// <summary>A weighted Monte Carlo estimate Σw with its error √Σw² (per generated event), from full detector events.</summary>
internal readonly record struct WeightedSum(double Mean, double Error, long Hits)
{
    private const int Chunk = 2048;

    /// <summary>Simulates events <paramref name="firstKey"/>…+<paramref name="events"/> of <paramref name="model"/> with a
    /// process from <paramref name="process"/> (one per chunk) and returns, for each region — a predicate on a row's
    /// selection columns and the last cut of <paramref name="cuts"/> it passes — Σ w / M and √(Σ w² − (Σ w)²/M) / M.
    /// Chunks run in parallel and are summed in order, so the result is the same for any thread count.</summary>
    public static WeightedSum[] Estimate(DetectorModel model, Func<IEventPhysics> process, long firstKey, int events, SelectionCuts cuts,
                                         IReadOnlyList<Func<SelectionColumns, CutStage, int, bool>> regions)
    {
        int chunks = (events + Chunk - 1) / Chunk, g = regions.Count;
        var sw = new double[chunks, g];
        var sw2 = new double[chunks, g];
        var hits = new long[chunks, g];
        int cells = model.Card.Ecal.CellsX * model.Card.Ecal.CellsY;
        Parallel.For(0, chunks, c =>
        {
            var sim = new EventSimulator(model);
            IEventPhysics p = process();
            var batch = new EventBatch(Chunk, cells, model.Card.Hcal.Modules);
            int from = c * Chunk, to = Math.Min(events, from + Chunk);
            for (int k = from; k < to; k++) sim.Simulate(firstKey + k, 1, p, 1.0, batch);
            var evaluator = new SelectionEvaluator(cuts, model.Card.Ecal.CellsX, model.Card.Ecal.CellsY);
            SelectionColumns cols = SelectionColumns.FromBatch(batch, model.Card.Ecal.CellsX, model.Card.Ecal.CellsY);
            for (int r = 0; r < cols.Count; r++)
            {
                CutStage last = evaluator.LastPassed(cols, r);
                for (int i = 0; i < g; i++)
                {
                    if (!regions[i](cols, last, r)) continue;
                    double w = cols.Weight[r];
                    sw[c, i] += w;
                    sw2[c, i] += w * w;
                    hits[c, i]++;
                }
            }
        });
        var result = new WeightedSum[g];
        for (int i = 0; i < g; i++)
        {
            double s = 0, s2 = 0;
            long h = 0;
            for (int c = 0; c < chunks; c++)
            {
                s += sw[c, i];
                s2 += sw2[c, i];
                h += hits[c, i];
            }
            result[i] = new WeightedSum(s / events, Math.Sqrt(Math.Max(0, s2 - s * s / events)) / events, h);
        }
        return result;
    }

    /// <summary>(this − other) / √(σ² + σ_other²).</summary>
    public double PullAgainst(WeightedSum other) => (Mean - other.Mean) / Math.Sqrt(Error * Error + other.Error * other.Error);

    /// <inheritdoc />
    public override string ToString() => $"{Mean:E3} ± {Error:E2} ({Hits} events)";
}

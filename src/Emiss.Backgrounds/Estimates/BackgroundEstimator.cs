using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// Method 1 of the seed's background estimate: for each source, M events of the defining process simulated with the
/// source's biased process, each weighted N_EOT × rate / M × (importance weight), summed over the events that pass the
/// selection in each region. With the unbiased process this is the plain Monte Carlo expectation; the biased processes
/// only move events towards the region with exact weights, so both agree within statistics (tested per source).
/// Keys: source i simulates events (2⁴⁶ + (i ≪ 40) + k) of the run's model, disjoint from the pseudo-data keys. A source
/// whose biased process serves the signal box alone (<see cref="IBackgroundSource.BiasesSignalBoxOnly"/>) adds a biased
/// sample with keys (2⁴⁶ + (i ≪ 40) + 2³⁹ + k) for the box; its other regions and cut flow come from the unbiased one.
/// </summary>
public static class BackgroundEstimator
{
    private const int ChunkSize = 2048;

    /// <summary>Estimates every source's contribution to each <see cref="EstimateRegion"/> for <paramref name="run"/> under
    /// <paramref name="cuts"/>: one row per source and region, regions in <see cref="EstimateRegion.Names"/> order. When
    /// <paramref name="cutFlow"/> is given, each source's cut flow (expected events after each stage) is added to it.
    /// With <paramref name="onlySource"/>, only the sources (by index in <paramref name="sources"/>, which fixes their event
    /// keys) it accepts are estimated: a shard of a campaign estimates whole sources, so every sum keeps its chunk order.</summary>
    public static IReadOnlyList<SourceEstimate> Estimate(PseudoDataRun run, ulong seed, IReadOnlyList<IBackgroundSource> sources,
                                                         long eventsPerSource, SelectionCuts cuts, int threads,
                                                         bool biased = true, List<SourceCutFlow>? cutFlow = null,
                                                         Func<int, bool>? onlySource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(cuts);
        var evaluator = new SelectionEvaluator(cuts, run.Card.Ecal.CellsX, run.Card.Ecal.CellsY);
        DimuonBenchmark benchmark = DimuonBenchmark.For(run.Card);
        int regions = EstimateRegion.Names.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerSource);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong runSeed = RunGenerator.RunSeed(seed, run.Number);
        var model = new DetectorModel(run.Card, runSeed);
        var result = new List<SourceEstimate>();
        for (int i = 0; i < sources.Count; i++)
        {
            if (onlySource is not null && !onlySource(i)) continue;
            IBackgroundSource source = sources[i];
            SourceRate rate = source.RatePerEot(model).Validated(source.Name);
            double scale = run.ElectronsOnTarget * rate.PerEot / eventsPerSource;
            ulong baseKey = (1UL << 46) | ((ulong)(i + 1) << 40);
            // A source whose biased process serves the signal box alone takes every other region and the cut flow from an
            // unbiased sample of the same size (its own keys), and the box from the biased one (keys with bit 39 set).
            bool boxOnly = biased && source.BiasesSignalBoxOnly;
            Sums main = Simulate(source, model, run, scale, eventsPerSource, biased && !boxOnly, baseKey, threads, evaluator, benchmark, runSeed, cancellationToken);
            Sums? box = boxOnly
                ? Simulate(source, model, run, scale, eventsPerSource, true, baseKey | BoxSampleKeyBit, threads, evaluator, benchmark, runSeed, cancellationToken)
                : null;
            long chunks = main.Chunks;
            for (int g = 0; g < regions; g++)
            {
                // Sums in chunk order: the result does not depend on the thread count.
                Sums from = g == EstimateRegion.SignalBox && box is not null ? box : main;
                double expected = 0, var = 0;
                long inReg = 0;
                for (long c = 0; c < from.Chunks; c++)
                {
                    expected += from.SumW[c, g];
                    var += from.SumW2[c, g];
                    inReg += from.Hits[c, g];
                }
                // No event in the region: the Poisson 90 % CL upper limit on the count is 2.303 (docs/physics/statistics.md#reference-values).
                double upper = inReg == 0 ? 2.303 * scale : double.NaN;
                result.Add(new SourceEstimate(run.Name, EstimateRegion.Names[g], source.Name, source.TableRow, expected, Math.Sqrt(var),
                                              expected * rate.RelativeSystematic, eventsPerSource, inReg, upper));
            }
            if (cutFlow is null) continue;
            for (int st = 0; st < CutNames.StageCount; st++)
            {
                double w = 0;
                long n = 0;
                for (long c = 0; c < chunks; c++)
                {
                    w += main.StageW[c, st];
                    n += main.StageN[c, st];
                }
                cutFlow.Add(new SourceCutFlow(run.Name, run.Number, source.Name, (CutStage)st, n, w));
            }
        }
        return result;
    }

    /// <summary>Key bit of the biased box sample of a source that <see cref="IBackgroundSource.BiasesSignalBoxOnly"/>.</summary>
    private const ulong BoxSampleKeyBit = 1UL << 39;

    /// <summary>Per-chunk sums of one sample: weights, squared weights and events per region, and weights and events per
    /// cut stage.</summary>
    private sealed record Sums(long Chunks, double[,] SumW, double[,] SumW2, long[,] Hits, double[,] StageW, long[,] StageN);

    private static Sums Simulate(IBackgroundSource source, DetectorModel model, PseudoDataRun run, double scale, long eventsPerSource,
                                 bool biased, ulong baseKey, int threads, SelectionEvaluator evaluator, DimuonBenchmark benchmark,
                                 ulong runSeed, CancellationToken cancellationToken)
    {
        if (eventsPerSource > (long)BoxSampleKeyBit)
            throw new ArgumentOutOfRangeException(nameof(eventsPerSource), eventsPerSource, $"at most {BoxSampleKeyBit} events per source");
        int regions = EstimateRegion.Names.Count;
        int cells = run.Card.Ecal.CellsX * run.Card.Ecal.CellsY;
        long chunks = (eventsPerSource + ChunkSize - 1) / ChunkSize;
        var sumW = new double[chunks, regions];
        var sumW2 = new double[chunks, regions];
        var hits = new long[chunks, regions];
        var stageW = new double[chunks, CutNames.StageCount];
        var stageN = new long[chunks, CutNames.StageCount];
        var sims = new EventSimulator[threads];
        var procs = new IEventPhysics[threads];
        var batches = new EventBatch[threads];
        for (int t = 0; t < threads; t++)
        {
            sims[t] = new EventSimulator(model);
            procs[t] = source.CreateProcess(model, biased);
            batches[t] = new EventBatch(ChunkSize, cells, run.Card.Hcal.Modules);
        }
        for (long wave = 0; wave < chunks; wave += threads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int inWave = (int)Math.Min(threads, chunks - wave);
            EventFailure.Unwrapped(() => Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
            {
                long c = wave + t;
                EventBatch b = batches[t];
                b.Clear();
                long from = c * ChunkSize, to = Math.Min(eventsPerSource, from + ChunkSize);
                for (long k = from; k < to; k++)
                {
                    long ev = (long)(baseKey | (ulong)k);
                    try
                    {
                        sims[t].Simulate(ev, run.Number, procs[t], scale, b);
                    }
                    catch (Exception e) when (EventFailure.NeedsContext(e))
                    {
                        throw EventFailure.InEvent(e, "background estimate of " + source.Name, runSeed, ev);
                    }
                }
                SelectionColumns cols = SelectionColumns.FromBatch(b, run.Card.Ecal.CellsX, run.Card.Ecal.CellsY);
                Span<bool> mark = stackalloc bool[regions];
                for (int r = 0; r < cols.Count; r++)
                {
                    CutStage last = evaluator.LastPassed(cols, r);
                    for (int st = 0; st <= (int)last; st++)
                    {
                        stageW[c, st] += b.Weight[r];
                        stageN[c, st]++;
                    }
                    double ecal = cols.EcalEnergyGeV[r], hcal = cols.HcalEnergyGeV[r];
                    EstimateRegion.Mark(last, evaluator.RegionOf(ecal, hcal), benchmark.Contains(last, ecal, hcal), mark);
                    for (int g = 0; g < regions; g++)
                    {
                        if (!mark[g]) continue;
                        sumW[c, g] += b.Weight[r];
                        sumW2[c, g] += b.Weight[r] * b.Weight[r];
                        hits[c, g]++;
                    }
                }
            }));
        }
        return new Sums(chunks, sumW, sumW2, hits, stageW, stageN);
    }
}

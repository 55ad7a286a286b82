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
/// Keys: source i simulates events (2⁴⁶ + (i ≪ 40) + k) of the run's model, disjoint from the pseudo-data keys.
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
        int cells = run.Card.Ecal.CellsX * run.Card.Ecal.CellsY;
        var result = new List<SourceEstimate>();
        for (int i = 0; i < sources.Count; i++)
        {
            if (onlySource is not null && !onlySource(i)) continue;
            IBackgroundSource source = sources[i];
            SourceRate rate = source.RatePerEot(model).Validated(source.Name);
            double scale = run.ElectronsOnTarget * rate.PerEot / eventsPerSource;
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
            ulong baseKey = (1UL << 46) | ((ulong)(i + 1) << 40);
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
            for (int g = 0; g < regions; g++)
            {
                // Sums in chunk order: the result does not depend on the thread count.
                double expected = 0, var = 0;
                long inReg = 0;
                for (long c = 0; c < chunks; c++)
                {
                    expected += sumW[c, g];
                    var += sumW2[c, g];
                    inReg += hits[c, g];
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
                    w += stageW[c, st];
                    n += stageN[c, st];
                }
                cutFlow.Add(new SourceCutFlow(run.Name, run.Number, source.Name, (CutStage)st, n, w));
            }
        }
        return result;
    }
}

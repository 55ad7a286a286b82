using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// Method 1 of the seed's background estimate: for each source, M events of the defining process simulated with the
/// source's biased process, each weighted N_EOT × rate / M × (importance weight), summed over the events that an
/// analysis region accepts. With the unbiased process this is the plain Monte Carlo expectation; the biased processes
/// only move events towards the region with exact weights, so both agree within statistics (tested per source).
/// Keys: source i simulates events (2⁴⁶ + (i ≪ 40) + k) of the run's model, disjoint from the pseudo-data keys.
/// </summary>
public static class BackgroundEstimator
{
    private const int ChunkSize = 2048;

    /// <summary>Estimates every source's contribution to the region <paramref name="inRegion"/> for <paramref name="run"/>.</summary>
    public static IReadOnlyList<SourceEstimate> Estimate(PseudoDataRun run, ulong seed, IReadOnlyList<IBackgroundSource> sources,
                                                         long eventsPerSource, Func<EventBatch, int, bool> inRegion, int threads,
                                                         bool biased = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(inRegion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerSource);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong runSeed = RunGenerator.RunSeed(seed, run.Number);
        var model = new DetectorModel(run.Card, runSeed);
        int cells = run.Card.Ecal.CellsX * run.Card.Ecal.CellsY;
        var result = new List<SourceEstimate>();
        for (int i = 0; i < sources.Count; i++)
        {
            IBackgroundSource source = sources[i];
            SourceRate rate = source.RatePerEot(model).Validated(source.Name);
            double scale = run.ElectronsOnTarget * rate.PerEot / eventsPerSource;
            long chunks = (eventsPerSource + ChunkSize - 1) / ChunkSize;
            var sumW = new double[chunks];
            var sumW2 = new double[chunks];
            var hits = new long[chunks];
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
                    double w = 0, w2 = 0;
                    long n = 0;
                    for (int r = 0; r < b.Count; r++)
                    {
                        if (!inRegion(b, r)) continue;
                        w += b.Weight[r];
                        w2 += b.Weight[r] * b.Weight[r];
                        n++;
                    }
                    sumW[c] = w;
                    sumW2[c] = w2;
                    hits[c] = n;
                }));
            }
            // Sums in chunk order: the result does not depend on the thread count.
            double expected = 0, var = 0;
            long inReg = 0;
            for (long c = 0; c < chunks; c++)
            {
                expected += sumW[c];
                var += sumW2[c];
                inReg += hits[c];
            }
            // No event in the region: the Poisson 90 % CL upper limit on the count is 2.303 (docs/physics/statistics.md).
            double upper = inReg == 0 ? 2.303 * scale : double.NaN;
            result.Add(new SourceEstimate(run.Name, source.Name, source.TableRow, expected, Math.Sqrt(var),
                                          expected * rate.RelativeSystematic, eventsPerSource, inReg, upper));
        }
        return result;
    }
}

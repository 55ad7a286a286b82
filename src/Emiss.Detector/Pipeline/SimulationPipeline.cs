using Emiss.Core.Diagnostics;
using Emiss.Events;

namespace Emiss.Detector.Pipeline;

/// <summary>
/// Runs <see cref="EventSimulator"/> over an event range in fixed chunks, in parallel, and hands the filled
/// batches to a sink strictly in event order, so the output is bit-identical for any thread count. A failure inside
/// an event is an <see cref="EmissInternalException"/> naming the seed and event.
/// </summary>
public static class SimulationPipeline
{
    /// <summary>Simulates <paramref name="request"/>; <paramref name="sink"/> receives each batch in event order (it must
    /// consume the batch before returning: batches are reused). <paramref name="progress"/> reports events done.</summary>
    public static SimulationSummary Run(DetectorModel model, SimulationRequest request, Action<EventBatch> sink,
                                        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(request.EventCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.ChunkSize);
        int threads = request.MaxThreads > 0 ? request.MaxThreads : Environment.ProcessorCount;
        int cells = model.Card.Ecal.CellsX * model.Card.Ecal.CellsY;
        var sims = new EventSimulator[threads];
        var batches = new EventBatch[threads];
        for (int i = 0; i < threads; i++)
        {
            sims[i] = new EventSimulator(model);
            batches[i] = new EventBatch(request.ChunkSize, cells, model.Card.Hcal.Modules);
        }
        long chunks = (request.EventCount + request.ChunkSize - 1) / request.ChunkSize;
        long done = 0, trig = 0, ele = 0, had = 0, mu = 0, pile = 0;
        for (long wave = 0; wave < chunks; wave += threads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int inWave = (int)Math.Min(threads, chunks - wave);
            EventFailure.Unwrapped(() => Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
            {
                long chunk = wave + i;
                long start = request.FirstEvent + chunk * request.ChunkSize;
                long end = Math.Min(request.FirstEvent + request.EventCount, start + request.ChunkSize);
                EventBatch b = batches[i];
                b.Clear();
                for (long ev = start; ev < end; ev++)
                {
                    try
                    {
                        sims[i].Simulate(ev, request.Run, request.ForcedKind, b);
                    }
                    catch (Exception e) when (EventFailure.NeedsContext(e))
                    {
                        throw EventFailure.InEvent(e, "detector simulation", model.Seed, ev);
                    }
                }
            }));
            for (int i = 0; i < inWave; i++)
            {
                EventBatch b = batches[i];
                for (int r = 0; r < b.Count; r++)
                {
                    if ((b.Trigger[r] & (int)TriggerBits.Physics) != 0) trig++;
                    switch ((TrueProcess)b.TrueProcessCode[r])
                    {
                        case TrueProcess.BeamElectron: ele++; break;
                        case TrueProcess.BeamMuon: mu++; break;
                        default: had++; break;
                    }
                    if (b.PileUpCount[r] > 0) pile++;
                }
                sink(b);
                done += b.Count;
                progress?.Report(done);
            }
        }
        return new SimulationSummary(done, trig, ele, had, mu, pile);
    }
}

using System.Diagnostics;
using Emiss.Core.Diagnostics;
using Emiss.Detector.Calorimetry;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Soak;

/// <summary>
/// Soak benchmark: simulates many events of one set-up over several seeds exactly as <c>emiss simulate</c> does
/// (same <see cref="EventSimulator"/>, same streams; nothing is written), times every event with the thread's CPU
/// clock (<see cref="ThreadCpuClock"/>: on a shared machine wall-time outliers are waits for a core, not physics), and
/// reports the throughput, the slowest events and every event that failed. Even the thread CPU time of an event is
/// inflated by what shares its core (caches, migrations), so the slowest events are found in two passes: the
/// <see cref="CandidatesPerSlowEvent"/>·N slowest in the run are replayed alone, and the N slowest replays are
/// reported (an event that is really costly is costly in both). At the 10⁹–10¹⁰ events of pseudo-data and scale-out a per-event chance of an endless loop or
/// a crash is fatal; the soak looks for both at 10⁷ events and says which event to replay.
/// </summary>
public static class SoakBenchmark
{
    /// <summary>Candidates kept from the run per slowest event reported.</summary>
    public const int CandidatesPerSlowEvent = 10;

    /// <summary>Runs <paramref name="request"/> for <paramref name="card"/>; <paramref name="progress"/> receives the
    /// number of measured events done. <paramref name="showerModel"/> replaces the card's calorimeter model.</summary>
    public static SoakResult Run(SetupCard card, SoakRequest request, IProgress<long>? progress = null,
                                 ICalorimeterShowerModel? showerModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        int threads = request.Threads > 0 ? request.Threads : Environment.ProcessorCount;
        // The shower model does not depend on the seed (the full model calibrates on its own streams): build it once.
        var models = new Dictionary<ulong, DetectorModel> { [request.Seeds[0]] = new DetectorModel(card, request.Seeds[0], showerModel) };
        ICalorimeterShowerModel showers = models[request.Seeds[0]].Showers;
        foreach (ulong s in request.Seeds) if (!models.ContainsKey(s)) models[s] = new DetectorModel(card, s, showers);

        WarmUp(models[request.Seeds[0]], request.WarmupSeconds);

        var slowest = new SlowestEvents(CandidatesPerSlowEvent * request.Slowest);
        var failures = new List<SoakFailure>();
        long failureCount = 0, done = 0;
        double eventCpu = 0;
        object gate = new();
        long t0 = Stopwatch.GetTimestamp();
        foreach (ulong seed in request.Seeds)
        {
            DetectorModel model = models[seed];
            long chunks = (request.EventsPerSeed + SoakRequest.ChunkSize - 1) / SoakRequest.ChunkSize;
            Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                () => new Worker(model, CandidatesPerSlowEvent * request.Slowest),
                (c, _, w) =>
                {
                    long start = request.FirstEvent + c * SoakRequest.ChunkSize;
                    long end = Math.Min(request.FirstEvent + request.EventsPerSeed, start + SoakRequest.ChunkSize);
                    w.Run(seed, start, end);
                    progress?.Report(Interlocked.Add(ref done, end - start));
                    return w;
                },
                w =>
                {
                    lock (gate)
                    {
                        slowest.Merge(w.Slowest);
                        eventCpu += w.CpuSeconds;
                        failureCount += w.FailureCount;
                        failures.AddRange(w.Failures);
                    }
                });
        }
        double wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        SlowEvent[] slow = [.. slowest.Sorted()
            .Select(e => e with { ReplayCpuSeconds = Replay(models[e.Seed], e.EventIndex) })
            .OrderByDescending(e => e.ReplayCpuSeconds).ThenBy(e => e.Seed).ThenBy(e => e.EventIndex)
            .Take(request.Slowest)];
        SoakFailure[] failed = [.. failures.OrderBy(f => f.Seed).ThenBy(f => f.EventIndex).Take(SoakRequest.MaxFailuresRecorded)];
        return new SoakResult(card.Name, card.Ecal.Model, [.. request.Seeds], request.TotalEvents, threads, wall, eventCpu,
            ThreadCpuClock.MeasuresCpu, slow, failed, failureCount);
    }

    /// <summary>Simulates events on indices from 2⁶² (never measured) until <paramref name="seconds"/> have passed, so
    /// that JIT tiering does not make the first measured events look slow.</summary>
    private static void WarmUp(DetectorModel model, double seconds)
    {
        var w = new Worker(model, 0);
        long t0 = Stopwatch.GetTimestamp();
        long index = 1L << 62;
        do
        {
            w.Run(model.Seed, index, index + 1);
            index++;
        }
        while (Stopwatch.GetElapsedTime(t0).TotalSeconds < seconds);
    }

    private static double Replay(DetectorModel model, long eventIndex)
    {
        var w = new Worker(model, 0);
        w.Run(model.Seed, eventIndex, eventIndex + 1);
        return w.CpuSeconds;
    }

    /// <summary>One thread's simulator, scratch batch and tallies.</summary>
    private sealed class Worker(DetectorModel model, int slowest)
    {
        private readonly EventSimulator _sim = new(model);
        private readonly EventBatch _batch = new(SoakRequest.ChunkSize, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);

        public SlowestEvents Slowest { get; } = new(slowest);

        public List<SoakFailure> Failures { get; } = [];

        public long FailureCount { get; private set; }

        public double CpuSeconds { get; private set; }

        public void Run(ulong seed, long start, long end)
        {
            _batch.Clear();
            for (long ev = start; ev < end; ev++)
            {
                long wall0 = Stopwatch.GetTimestamp();
                double cpu0 = ThreadCpuClock.NowSeconds();
                try
                {
                    _sim.Simulate(ev, 1, _batch);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    FailureCount++;
                    if (Failures.Count < SoakRequest.MaxFailuresRecorded)
                        Failures.Add(new SoakFailure(seed, ev, EventFailure.NeedsContext(e) ? EventFailure.InEvent(e, "detector simulation", seed, ev).Message : e.Message));
                    continue;
                }
                double cpu = ThreadCpuClock.NowSeconds() - cpu0;
                CpuSeconds += cpu;
                Slowest.Offer(new SlowEvent(seed, ev, cpu, Stopwatch.GetElapsedTime(wall0).TotalSeconds, double.NaN));
            }
        }
    }
}

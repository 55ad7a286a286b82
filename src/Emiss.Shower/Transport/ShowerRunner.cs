using System.Collections.Immutable;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// Runs many primaries with the standard tally, in parallel and deterministically: event i always uses
/// RngStreams.For(seed, Shower, firstEvent + i); events are grouped in fixed chunks of <see cref="ChunkSize"/>,
/// each chunk is summed in event order and chunks are merged in chunk order, so results are bit-identical for any
/// thread count. A failure inside an event is an <see cref="EmissInternalException"/> naming the seed and event.
/// </summary>
public static class ShowerRunner
{
    /// <summary>Events per chunk (fixed: part of the reproducibility contract).</summary>
    public const int ChunkSize = 8;

    /// <summary>Runs <paramref name="events"/> primaries.</summary>
    /// <param name="physics">Physics and geometry.</param>
    /// <param name="primary">Primary species.</param>
    /// <param name="kineticGeV">Primary kinetic energy, GeV.</param>
    /// <param name="events">Number of events (≥ 1).</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="threads">Worker threads (≥ 1).</param>
    /// <param name="firstEvent">Index of the first event (for shards).</param>
    /// <param name="profile">Measure time per process (adds overhead).</param>
    /// <param name="progress">Receives the number of finished chunks.</param>
    /// <param name="beamXCm">Beam entry point x, cm.</param>
    /// <param name="beamYCm">Beam entry point y, cm.</param>
    /// <param name="library">Fast mode: shower library built for <paramref name="physics"/> (null = analog transport).</param>
    public static ShowerRunResult Run(ShowerPhysics physics, ShowerSpecies primary, double kineticGeV, long events, ulong seed,
        int threads = 1, long firstEvent = 0, bool profile = false, IProgress<long>? progress = null, double beamXCm = 0.0, double beamYCm = 0.0,
        ShowerLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(physics);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (library is not null && !ReferenceEquals(library.Physics, physics))
            throw new ArgumentException("the shower library was built for another ShowerPhysics instance", nameof(library));
        if (!(kineticGeV > 0) || !double.IsFinite(kineticGeV)) throw new ArgumentOutOfRangeException(nameof(kineticGeV), kineticGeV, "primary energy must be > 0 GeV");
        long nChunks = (events + ChunkSize - 1) / ChunkSize;
        var chunks = new RunAccumulator[nChunks];
        int np = physics.Processes.Length;
        var ticks = new long[np];
        long mscTicks = 0;
        object gate = new();
        long done = 0;
        EventFailure.Unwrapped(() => Parallel.For(0L, nChunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Transport: new ShowerTransport(physics, library, profile), Tally: new EventTally(physics.Geometry, kineticGeV, np)),
            (c, _, w) =>
            {
                var acc = new RunAccumulator(w.Tally);
                long end = Math.Min(events, (c + 1) * ChunkSize);
                var obs = new TallyObserver(w.Tally);
                for (long e = c * ChunkSize; e < end; e++)
                {
                    try
                    {
                        w.Tally.Reset();
                        EventRng rng = RngStreams.For(seed, StreamKind.Shower, (ulong)(firstEvent + e));
                        EventLedger ledger = w.Transport.RunEvent(primary, kineticGeV, ref rng, ref obs, beamXCm, beamYCm);
                        acc.Add(w.Tally, ledger);
                    }
                    catch (Exception ex) when (EventFailure.NeedsContext(ex))
                    {
                        throw EventFailure.InEvent(ex, "shower transport", seed, firstEvent + e);
                    }
                }
                chunks[c] = acc;
                progress?.Report(Interlocked.Increment(ref done));
                return w;
            },
            w =>
            {
                lock (gate)
                {
                    for (int i = 0; i < np; i++) ticks[i] += w.Transport.ProcessTicks[i];
                    mscTicks += w.Transport.ScatteringTicks;
                }
            }));
        RunAccumulator total = chunks[0];
        for (long c = 1; c < nChunks; c++) total.Merge(chunks[c]);
        return new ShowerRunResult(physics.Geometry, primary, kineticGeV, total,
            [.. physics.Processes.Select(p => p.Name)], [.. ticks], mscTicks);
    }
}

using System.Collections.Immutable;
using Emiss.Core.Diagnostics;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// Runs many primaries with the standard tally, in parallel and deterministically: event i always uses
/// RngStreams.For(seed, Shower, firstEvent + i); events are grouped in fixed chunks of <see cref="ChunkSize"/>,
/// each chunk is summed in event order and chunk sums are added along a fixed tree (<see cref="BlockTree"/>), so
/// results are bit-identical for any thread count and any split into shards. A failure inside an event is an <see cref="EmissInternalException"/> naming the seed and event.
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
    /// <param name="firstEvent">Index of the first event (its RNG stream index).</param>
    /// <param name="profile">Measure time per process (adds overhead).</param>
    /// <param name="progress">Receives the number of finished chunks.</param>
    /// <param name="beamXCm">Beam entry point x, cm.</param>
    /// <param name="beamYCm">Beam entry point y, cm.</param>
    /// <param name="library">Fast mode: shower library built for <paramref name="physics"/> (null = analog transport).</param>
    public static ShowerRunResult Run(ShowerPhysics physics, ShowerSpecies primary, double kineticGeV, long events, ulong seed,
        int threads = 1, long firstEvent = 0, bool profile = false, IProgress<long>? progress = null, double beamXCm = 0.0, double beamYCm = 0.0,
        ShowerLibrary? library = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        long chunks = Chunks(events);
        ShowerBlockSums part = RunBlocks(physics, primary, kineticGeV, events, seed, 0, chunks, threads, firstEvent, profile, progress, beamXCm, beamYCm, library);
        return Result(physics, primary, kineticGeV, part.Nodes, events, part.ProcessTicks, part.ScatteringTicks, part.StepCauseCounts);
    }

    /// <summary>Chunks (blocks of <see cref="ChunkSize"/> events, the last one possibly short) of a run of <paramref name="events"/> events.</summary>
    public static long Chunks(long events) => (events + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// Runs chunks [<paramref name="firstChunk"/>, <paramref name="firstChunk"/> + <paramref name="chunkCount"/>) of a
    /// run of <paramref name="runEvents"/> events (a shard's part) and returns their <see cref="BlockTree"/> node sums;
    /// <see cref="Result"/> of all parts' nodes is the single run's result, bit for bit. Parameters as in <see cref="Run"/>.
    /// </summary>
    public static ShowerBlockSums RunBlocks(ShowerPhysics physics, ShowerSpecies primary, double kineticGeV, long runEvents, ulong seed,
        long firstChunk, long chunkCount, int threads = 1, long firstEvent = 0, bool profile = false, IProgress<long>? progress = null,
        double beamXCm = 0.0, double beamYCm = 0.0, ShowerLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(physics);
        ArgumentOutOfRangeException.ThrowIfLessThan(runEvents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstChunk);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkCount, 1);
        if (firstChunk + chunkCount > Chunks(runEvents)) throw new ArgumentOutOfRangeException(nameof(chunkCount), "chunks beyond the run's events");
        if (library is not null && !library.Serves(physics))
            throw new ArgumentException("the shower library was built for another geometry or other physics options", nameof(library));
        if (!(kineticGeV > 0) || !double.IsFinite(kineticGeV)) throw new ArgumentOutOfRangeException(nameof(kineticGeV), kineticGeV, "primary energy must be > 0 GeV");
        var chunks = new RunAccumulator[chunkCount];
        int np = physics.Processes.Length;
        var ticks = new long[np];
        long mscTicks = 0;
        var stepCauses = new long[profile ? StepCauseCounts.Length : 0];
        object gate = new();
        long done = 0;
        EventFailure.Unwrapped(() => Parallel.For(0L, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Transport: new ShowerTransport(physics, library, profile), Tally: new EventTally(physics.Geometry, kineticGeV, np)),
            (k, _, w) =>
            {
                long c = firstChunk + k;
                var acc = new RunAccumulator(w.Tally);
                long end = Math.Min(runEvents, (c + 1) * ChunkSize);
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
                chunks[k] = acc;
                progress?.Report(Interlocked.Increment(ref done));
                return w;
            },
            w =>
            {
                lock (gate)
                {
                    for (int i = 0; i < np; i++) ticks[i] += w.Transport.ProcessTicks[i];
                    mscTicks += w.Transport.ScatteringTicks;
                    for (int i = 0; i < stepCauses.Length; i++) stepCauses[i] += w.Transport.StepCauseCounts[i];
                }
            }));
        return new ShowerBlockSums(BlockTree.ReduceRange(firstChunk, chunks, Combine), [.. ticks], mscTicks, [.. stepCauses]);
    }

    /// <summary>
    /// The result of a run of <paramref name="runEvents"/> events from the node sums of all its parts
    /// (<see cref="RunBlocks"/>, in any order): the remaining additions of the fixed tree.
    /// </summary>
    public static ShowerRunResult Result(ShowerPhysics physics, ShowerSpecies primary, double kineticGeV, IEnumerable<BlockNode<RunAccumulator>> nodes,
        long runEvents, ImmutableArray<long> processTicks = default, long scatteringTicks = 0, ImmutableArray<long> stepCauseCounts = default)
    {
        ArgumentNullException.ThrowIfNull(physics);
        RunAccumulator total = BlockTree.Root(nodes, Chunks(runEvents), Combine);
        if (total.Events != runEvents) throw new InvalidDataException($"the block sums hold {total.Events} events, not the run's {runEvents}");
        return new ShowerRunResult(physics.Geometry, primary, kineticGeV, total, [.. physics.Processes.Select(p => p.Name)],
            processTicks.IsDefault ? [.. new long[physics.Processes.Length]] : processTicks, scatteringTicks,
            stepCauseCounts.IsDefault ? [] : stepCauseCounts);
    }

    private static RunAccumulator Combine(RunAccumulator a, RunAccumulator b)
    {
        a.Merge(b);
        return a;
    }
}

/// <summary>The <see cref="BlockTree"/> node sums of a part of a shower run and the part's profiling ticks.</summary>
/// <param name="Nodes">Node sums of the part's chunk range, left to right.</param>
/// <param name="ProcessTicks">Stopwatch ticks per process interactor (profiling runs only).</param>
/// <param name="ScatteringTicks">Stopwatch ticks in multiple scattering (profiling runs only).</param>
/// <param name="StepCauseCounts">Charged steps by cause and energy band (profiling runs only; layout <see cref="Transport.StepCauseCounts"/>).</param>
public sealed record ShowerBlockSums(IReadOnlyList<BlockNode<RunAccumulator>> Nodes, ImmutableArray<long> ProcessTicks, long ScatteringTicks,
    ImmutableArray<long> StepCauseCounts = default);

using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Transport;
using Emiss.Signal.Biasing;
using Emiss.Signal.Processes;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Run;

/// <summary>
/// Runs the signal Monte Carlo: 100 GeV-class electrons into a slab geometry with the A′ processes added to the
/// shower's process list. Each worker owns its physics, transport and <see cref="EmissionState"/> (detector mode: all
/// workers share one read-only shower library, <see cref="SignalOptions.DetectorFastShower"/>); events are
/// grouped in fixed chunks of <see cref="ChunkSize"/>, each event draws from RngStreams.For(seed, Signal, index),
/// each chunk sums in event order and chunk sums are added along a fixed tree (<see cref="BlockTree"/>), so results are
/// bit-identical for any thread count.
/// </summary>
public static class SignalRunner
{
    /// <summary>Events per chunk (fixed: part of the reproducibility contract).</summary>
    public const int ChunkSize = 512;

    /// <summary>Runs <paramref name="events"/> electrons.</summary>
    /// <param name="tables">A′ tables for the geometry's materials (model, mass, beam, E_cut).</param>
    /// <param name="geometry">Slab geometry (material order must match <paramref name="tables"/>).</param>
    /// <param name="options">Run options.</param>
    /// <param name="events">Number of electrons (≥ 1).</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="threads">Worker threads (≥ 1).</param>
    /// <param name="firstEvent">Index of the first event (shards).</param>
    /// <param name="progress">Receives the number of finished chunks.</param>
    public static SignalRunResult Run(SignalTables tables, SlabStack geometry, SignalOptions options, long events, ulong seed,
        int threads = 1, long firstEvent = 0, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (tables.Count != geometry.Materials.Length) throw new ArgumentException("tables must cover the geometry's materials in order");
        if (options.Beam is Emiss.Core.Units.Energy be && !(be.InGeV <= 1.05 * tables.BeamGeV && be.InGeV > tables.CutGeV))
            throw new ArgumentException($"beam {be.InGeV} GeV outside the tables' range (E_cut {tables.CutGeV} GeV … 1.05 × {tables.BeamGeV} GeV)");
        (double bias, double biasAnn) = BiasOf(tables, geometry, options, seed, threads);
        return RunWithBias(tables, geometry, options, bias, biasAnn, events, seed, threads, firstEvent, progress);
    }

    /// <summary>Chunks (blocks of <see cref="ChunkSize"/> events, the last one possibly short) of a run of <paramref name="events"/> events.</summary>
    public static long Chunks(long events) => (events + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// Runs chunks [<paramref name="firstChunk"/>, <paramref name="firstChunk"/> + <paramref name="chunkCount"/>) of a
    /// run of <paramref name="runEvents"/> electrons (a shard's part; an empty range runs nothing) and returns their
    /// <see cref="BlockTree"/> node sums and the run's bias factors (the automatic ones from the same pilot run as
    /// <see cref="Run"/>); <see cref="Result"/> of all parts is the single run's result, bit for bit.
    /// </summary>
    public static SignalBlockSums RunBlocks(SignalTables tables, SlabStack geometry, SignalOptions options, long runEvents, ulong seed,
        long firstChunk, long chunkCount, int threads = 1, long firstEvent = 0)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(runEvents, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstChunk);
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        if (firstChunk + chunkCount > Chunks(runEvents)) throw new ArgumentOutOfRangeException(nameof(chunkCount), "chunks beyond the run's events");
        if (chunkCount == 0) return new SignalBlockSums(double.NaN, double.NaN, []);
        (double bias, double biasAnn) = BiasOf(tables, geometry, options, seed, threads);
        return new SignalBlockSums(bias, biasAnn,
            RunChunks(tables, geometry, options, bias, biasAnn, runEvents, seed, threads, firstEvent, firstChunk, chunkCount, null));
    }

    /// <summary>
    /// The result of a run of <paramref name="runEvents"/> electrons from index <paramref name="firstEvent"/> from the
    /// node sums of all its parts (<see cref="RunBlocks"/>, any order): the remaining additions of the fixed tree.
    /// </summary>
    public static SignalRunResult Result(SignalTables tables, SlabStack geometry, SignalOptions options, IEnumerable<SignalBlockSums> parts,
        long runEvents, long firstEvent = 0)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parts);
        SignalBlockSums[] ran = [.. parts.Where(p => p.Nodes.Count > 0)];
        if (ran.Length == 0) throw new InvalidDataException("no part of the run holds any chunk");
        double bias = ran[0].BiasFactor, biasAnn = ran[0].AnnihilationBiasFactor;
        if (ran.Any(p => p.BiasFactor != bias || p.AnnihilationBiasFactor != biasAnn))
            throw new InvalidDataException("the parts of the run were made with different bias factors");
        SignalAccumulator total = BlockTree.Root(ran.SelectMany(p => p.Nodes), Chunks(runEvents), SignalAccumulator.Combine);
        if (total.Events != runEvents) throw new InvalidDataException($"the block sums hold {total.Events} events, not the run's {runEvents}");
        return Build(tables, geometry, options, bias, biasAnn, total, firstEvent);
    }

    /// <summary>The bias factors of a run: the options' own, else automatic from the pilot run.</summary>
    private static (double Brem, double Annihilation) BiasOf(SignalTables tables, SlabStack geometry, SignalOptions options, ulong seed, int threads)
    {
        (double bias, double biasAnn) = options.BiasFactor is double b
            ? (b, options.AnnihilationBiasFactor ?? b)
            : AutomaticBias(tables, geometry, options, seed, threads);
        if (options.BiasFactor is null && options.AnnihilationBiasFactor is double ba) biasAnn = ba;
        return (bias, biasAnn);
    }

    /// <summary>
    /// Bias factors B_k = p_k / (ε² n̄_k) per process, n̄_k = the track-length estimator of a yield-mode pilot run
    /// (<see cref="SignalOptions.PilotEvents"/> analog events of the same seed), so the biased probability per event
    /// is ≈ p_brem = <see cref="SignalOptions.TargetEmissionProbability"/> and p_ann =
    /// <see cref="SignalOptions.TargetAnnihilationProbability"/>. Clamped to ≥ 1; annihilation falls back to B_brem
    /// when the pilot sees no resonant rate.
    /// </summary>
    public static (double Brem, double Annihilation) AutomaticBias(SignalTables tables, SlabStack geometry, SignalOptions options, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        SignalOptions pilot = options with { Mode = SignalMode.Yield, KeepEvents = false };
        SignalRunResult r = RunWithBias(tables, geometry, pilot, 1.0, 1.0, options.PilotEvents, seed, threads, 0, null);
        double eps2 = options.Epsilon * options.Epsilon;
        double nb = r.EstimatorBrem.Value, na = r.EstimatorAnnihilation.Value;
        if (!(nb > 0)) throw new InvalidOperationException($"pilot run found no signal-window A′-strahlung rate (m = {tables.MassGeV} GeV); cannot choose a bias factor");
        double bb = Math.Max(1.0, options.TargetEmissionProbability / (eps2 * nb));
        double ba = na > 0 ? Math.Max(1.0, options.TargetAnnihilationProbability / (eps2 * na)) : bb;
        return (bb, ba);
    }

    /// <summary>
    /// The physics options of a mode. Yield mode: e± and γ below E_cut − 2 m_e are not tracked, and multiple
    /// scattering is off (it does not change T(E) above 1 GeV, docs/physics/aprime-emission.md#run-modes; in invisible mode no angle is used).
    /// </summary>
    public static PhysicsOptions PhysicsFor(SignalMode mode, double cutGeV)
    {
        if (mode == SignalMode.Detector) return PhysicsOptions.Standard;
        double stop = 0.999 * (cutGeV - 2 * PhysicalConstants.ElectronMassGeV);
        return PhysicsOptions.Standard with { TrackingCutGeV = stop, ElectronCutGeV = stop, MultipleScattering = false };
    }

    private static SignalRunResult RunWithBias(SignalTables tables, SlabStack geometry, SignalOptions options, double bias, double biasAnn,
        long events, ulong seed, int threads, long firstEvent, IProgress<long>? progress)
    {
        long nChunks = Chunks(events);
        IReadOnlyList<BlockNode<SignalAccumulator>> nodes = RunChunks(tables, geometry, options, bias, biasAnn, events, seed, threads, firstEvent, 0, nChunks, progress);
        return Build(tables, geometry, options, bias, biasAnn, BlockTree.Root(nodes, nChunks, SignalAccumulator.Combine), firstEvent);
    }

    /// <summary>Runs chunks [firstChunk, firstChunk + chunkCount) of a run of <paramref name="events"/> electrons; returns their node sums.</summary>
    private static IReadOnlyList<BlockNode<SignalAccumulator>> RunChunks(SignalTables tables, SlabStack geometry, SignalOptions options, double bias, double biasAnn,
        long events, ulong seed, int threads, long firstEvent, long firstChunk, long chunkCount, IProgress<long>? progress)
    {
        double beamGeV = options.Beam?.InGeV ?? tables.BeamGeV;
        double primaryKinetic = beamGeV - PhysicalConstants.ElectronMassGeV;
        var annihilation = options.ResonantAnnihilation
            ? new ResonantAnnihilationCrossSection(tables.MassGeV, options.ChiMassRatio * tables.MassGeV, options.AlphaDark, options.Epsilon)
            : null;
        var rates = new SignalRates(tables, annihilation, geometry.Materials, options.Epsilon, bias, EnergyGrid.Standard, biasAnn);
        PhysicsOptions basePhysics = PhysicsFor(options.Mode, tables.CutGeV);
        int bins = options.HistogramBins;
        int nSections = geometry.SectionNames.Length, nCells = geometry.Cells.Count;
        bool detector = options.Mode == SignalMode.Detector;
        double eps2 = rates.EpsilonSquared;
        ShowerLibrary? library = detector ? DetectorLibrary(tables, geometry, options, basePhysics, threads) : null;

        var chunks = new SignalAccumulator[chunkCount];
        long next = -1, done = 0;
        int workers = (int)Math.Min(threads, chunkCount);
        EventFailure.Unwrapped(() => Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var state = new EmissionState(nSections, nCells, bins) { RecordDeposits = detector };
            var extra = new List<Func<Shower.Materials.ShowerMaterialSet, IProcess>> { _ => new DarkBremProcess(rates, state, options.SampleAngles) };
            if (annihilation is not null) extra.Add(_ => new ResonantAnnihilationProcess(rates, state));
            var physics = new ShowerPhysics(geometry, basePhysics with { ExtraProcesses = [.. extra] });
            var transport = new ShowerTransport(physics, library);
            var obs = new SignalObserver(rates, state, geometry, beamGeV);
            long k;
            while ((k = Interlocked.Increment(ref next)) < chunkCount)
            {
                long c = firstChunk + k;
                var acc = new SignalAccumulator(beamGeV, bins);
                Array.Clear(state.TrackLengthCm);
                Array.Clear(state.PositronTrackLengthCm);
                long end = Math.Min(events, (c + 1) * ChunkSize);
                for (long e = c * ChunkSize; e < end; e++)
                {
                    long index = firstEvent + e;
                    try
                    {
                        state.Reset();
                        EventRng rng = RngStreams.For(seed, StreamKind.Signal, (ulong)index);
                        EventLedger ledger = transport.RunEvent(ShowerSpecies.Electron, primaryKinetic, ref rng, ref obs);
                        acc.Add(state, eps2);
                        acc.ChargedSteps += ledger.ChargedSteps;
                        acc.NeutralSteps += ledger.NeutralSteps;
                        if (options.KeepEvents && state.Emission.Kind != EmissionKind.None)
                            acc.Kept.Add(new SignalEvent(index, state.Emission, state.Emission.Weight / eps2,
                                detector ? [.. state.SectionActiveGeV] : [], detector ? [.. state.SectionTotalGeV] : [],
                                detector ? [.. state.CellActiveGeV] : [], ledger.LeakedGeV));
                    }
                    catch (Exception ex) when (EventFailure.NeedsContext(ex))
                    {
                        throw EventFailure.InEvent(ex, "signal transport", seed, index);
                    }
                }
                state.TrackLengthCm.CopyTo(acc.TrackLengthCm, 0);
                state.PositronTrackLengthCm.CopyTo(acc.PositronTrackLengthCm, 0);
                chunks[k] = acc;
                progress?.Report(Interlocked.Increment(ref done));
            }
        }));
        return BlockTree.ReduceRange(firstChunk, chunks, SignalAccumulator.Combine);
    }

    /// <summary>
    /// Detector mode's shower library (null = analog): one per process for the geometry and the standard physics,
    /// shared read-only by every worker, whose own physics differ only by their A′ processes. Those act only on e± able
    /// to emit an A′ inside the window (E ≥ E_cut), so replacing particles below E_switch changes no signal rate.
    /// </summary>
    private static ShowerLibrary? DetectorLibrary(SignalTables tables, SlabStack geometry, SignalOptions options, PhysicsOptions basePhysics, int threads)
    {
        if (options.DetectorFastShower is not FastShowerOptions fast) return null;
        if (!(tables.CutGeV >= fast.SwitchGeV))
            throw new ArgumentException($"detector-mode fast showers: E_cut {tables.CutGeV} GeV is below the library's E_switch {fast.SwitchGeV} GeV, so A′ emission below E_switch would be lost; lower E_switch or run analog");
        return ShowerLibraryCache.For(geometry, basePhysics, fast, threads, options.LibraryDiskCache ? ShowerLibraryCache.Disk : null);
    }

    /// <summary>The result of a run from its total sums <paramref name="t"/>.</summary>
    private static SignalRunResult Build(SignalTables tables, SlabStack geometry, SignalOptions options, double bias, double biasAnn, SignalAccumulator t, long firstEvent)
    {
        double beamGeV = options.Beam?.InGeV ?? tables.BeamGeV;
        int nCells = geometry.Cells.Count;
        long n = t.Events;
        return new SignalRunResult
        {
            ModelName = tables.ModelName,
            ModelDescription = tables.ModelDescription,
            MassGeV = tables.MassGeV,
            BeamGeV = beamGeV,
            CutGeV = tables.CutGeV,
            Mode = options.Mode,
            Epsilon = options.Epsilon,
            BiasFactor = bias,
            AnnihilationBiasFactor = biasAnn,
            ResonantAnnihilation = options.ResonantAnnihilation,
            Events = n,
            FirstEvent = firstEvent,
            Emissions = t.Emissions,
            ChargedStepsPerEvent = (double)t.ChargedSteps / n,
            NeutralStepsPerEvent = (double)t.NeutralSteps / n,
            EstimatorBrem = YieldEstimate.FromSums(t.SumBrem, t.SumBrem2, n),
            EstimatorAnnihilation = YieldEstimate.FromSums(t.SumAnn, t.SumAnn2, n),
            Estimator = YieldEstimate.FromSums(t.SumBrem + t.SumAnn, t.SumTot2, n),
            EmissionsBrem = YieldEstimate.FromSums(t.SumWBrem, t.SumWBrem2, n),
            EmissionsAnnihilation = YieldEstimate.FromSums(t.SumWAnn, t.SumWAnn2, n),
            EmissionsTotal = YieldEstimate.FromSums(t.SumWBrem + t.SumWAnn, t.SumWBrem2 + t.SumWAnn2, n),
            MeanEventWeight = YieldEstimate.FromSums(t.SumEventWeight, t.SumEventWeight2, n),
            MissingEnergy = t.MissingEnergy,
            TrackLengthCmPerEot = [.. t.TrackLengthCm.Select(x => x / n)],
            PositronTrackLengthCmPerEot = [.. t.PositronTrackLengthCm.Select(x => x / n)],
            Kept = t.Kept,
            SectionNames = [.. geometry.SectionNames],
            CellsPerSection = nCells,
            GeometryName = geometry.Name,
            ShowerLibraryDigest = options.Mode == SignalMode.Detector && options.DetectorFastShower is FastShowerOptions fast
                ? ShowerLibraryKey.Of(geometry, PhysicsFor(options.Mode, tables.CutGeV), fast).Digest()
                : null,
        };
    }
}

using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Transport;
using Emiss.Signal.Run;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// Monte Carlo yields of many (mediator, mass) points from one set of showers (docs/physics/signal-yield.md#multi-mass-scan):
/// yield-mode showers without any A′ process, every e± step folded with the emission rates of all points by
/// <see cref="YieldScanObserver"/>. Each event draws from RngStreams.For(seed, Signal, index) — the streams of the
/// single-mass <see cref="SignalRunner"/> — events are summed in fixed blocks of <see cref="SignalRunner.ChunkSize"/> in
/// event order and blocks are merged in block order, so the result is bit-identical for any thread count. The cost is
/// one shower pass plus a few multiply-adds per point and step, instead of one pass per point.
/// </summary>
public static class MonteCarloYieldScan
{
    /// <summary>Builds the rates of <paramref name="points"/> for <paramref name="geometry"/> and runs <paramref name="events"/> showers.</summary>
    public static YieldScanResult Run(IReadOnlyList<YieldScanPoint> points, SlabStack geometry, Energy beam, long events, ulong seed,
        double missingEnergyFraction = 0.5, int threads = 1, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        YieldScanRates rates = YieldScanRates.Build(points, geometry.Materials, beam, missingEnergyFraction);
        return Run(rates, points, geometry, beam, events, seed, threads, progress);
    }

    /// <summary>Runs <paramref name="events"/> showers of total energy <paramref name="beam"/> with prepared <paramref name="rates"/>
    /// (built for <paramref name="points"/> and the geometry's materials); <paramref name="progress"/> receives finished blocks.</summary>
    public static YieldScanResult Run(YieldScanRates rates, IReadOnlyList<YieldScanPoint> points, SlabStack geometry, Energy beam, long events, ulong seed,
        int threads = 1, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (points.Count != rates.Points) throw new ArgumentException("rates were built for a different point list");
        if (!(beam.InGeV > rates.CutGeV && beam.InGeV <= rates.MaxGeV))
            throw new ArgumentException($"beam {beam.InGeV} GeV outside the rates' range (E_cut {rates.CutGeV} GeV … {rates.MaxGeV} GeV)");
        int np = rates.Points;
        double primaryKinetic = beam.InGeV - PhysicalConstants.ElectronMassGeV;
        PhysicsOptions physicsOptions = SignalRunner.PhysicsFor(SignalMode.Yield, rates.CutGeV);

        long nBlocks = (events + SignalRunner.ChunkSize - 1) / SignalRunner.ChunkSize;
        var total = new YieldScanSums(np);
        var finished = new YieldScanSums?[nBlocks];
        var spare = new Stack<YieldScanSums>();
        var gate = new object();
        long next = -1, merged = 0, done = 0;
        int workers = (int)Math.Min(threads, nBlocks);
        EventFailure.Unwrapped(() => Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var transport = new ShowerTransport(new ShowerPhysics(geometry, physicsOptions));
            var brem = new double[np];
            var ann = new double[np];
            var observer = new YieldScanObserver(rates, brem, ann);
            long b;
            while ((b = Interlocked.Increment(ref next)) < nBlocks)
            {
                YieldScanSums block;
                lock (gate) block = spare.Count > 0 ? spare.Pop() : new YieldScanSums(np);
                long end = Math.Min(events, (b + 1) * SignalRunner.ChunkSize);
                for (long e = b * SignalRunner.ChunkSize; e < end; e++)
                {
                    try
                    {
                        Array.Clear(brem);
                        Array.Clear(ann);
                        EventRng rng = RngStreams.For(seed, StreamKind.Signal, (ulong)e);
                        EventLedger ledger = transport.RunEvent(ShowerSpecies.Electron, primaryKinetic, ref rng, ref observer);
                        block.ChargedSteps += ledger.ChargedSteps;
                        block.Add(brem, ann);
                    }
                    catch (Exception ex) when (EventFailure.NeedsContext(ex))
                    {
                        throw EventFailure.InEvent(ex, "yield-scan transport", seed, e);
                    }
                }
                // Merge finished blocks in block order (the order fixes the floating-point sums), recycling their buffers.
                lock (gate)
                {
                    finished[b] = block;
                    while (merged < nBlocks && finished[merged] is { } ready)
                    {
                        total.Merge(ready);
                        finished[merged++] = null;
                        ready.Clear();
                        spare.Push(ready);
                    }
                }
                progress?.Report(Interlocked.Increment(ref done));
            }
        }));
        return new YieldScanResult(points, total, beam.InGeV, rates.CutGeV, geometry.Name, seed);
    }
}

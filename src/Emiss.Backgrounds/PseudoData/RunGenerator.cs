using Emiss.Backgrounds.Sources;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// Generates one run of pseudo-data equivalent to N_EOT electrons on target without simulating every beam particle:
/// each source draws Poisson(N_EOT × rate) events of its defining process and simulates exactly those (weight 1, so
/// the data are unweighted); bulk beam particles that cannot fire the physics trigger are not simulated. Every
/// event gets a spill (uniform over the run) and survives the DAQ dead time of its spill with the spill's live
/// fraction; physics triggers passing the loose SRD skim and prescaled reference events are recorded.
/// <para>Event keys: source i (1-based) simulates events ((i) ≪ 40) + k, k = 0 … N−1; an injected signal uses slot 60
/// (its x = E_A′/E0 from the event's <see cref="StreamKind.Signal"/> stream), reference events slot 63, the
/// trigger-rate calibration slot 62. Each event depends only on (run seed, key), so the output is bit-identical for any
/// thread count (docs/physics/pseudo-data.md#determinism).</para>
/// <para>The recorded events are written in time order — by spill, then by a uniform time within the spill drawn from
/// the event's stream — and numbered 0, 1, … in that order, as a DAQ numbers them: neither the row order nor the event
/// number reveals which source (or the injected signal) made an event.</para>
/// </summary>
public static class RunGenerator
{
    private const int ReferenceSlot = 63, CalibrationSlot = 62, SpillSlot = 61, SignalSlot = 60;
    private const int ChunkSize = 4096;

    /// <summary>Most events simulated for one source in one run. A source whose Poisson count exceeds it (interactions in
    /// the beam-line material occur in ≈ 10 % of all beam electrons, almost none of which can fire the trigger) is
    /// sampled with this many events, each weighted count/cap, so that sums stay exact in expectation; the file
    /// metadata lists such sources.</summary>
    public const long MaxEventsPerSource = 400_000;

    /// <summary>Number of beam-mixture events simulated to measure the physics-trigger probability per beam particle.</summary>
    public const int CalibrationEvents = 20000;

    /// <summary>The run's detector-model seed.</summary>
    public static ulong RunSeed(ulong seed, int runNumber) =>
        RngStreams.DerivedSeed(seed, StreamKind.PseudoData, 0xFFFF_0000_0000_0000UL | (uint)runNumber);

    /// <summary>Generates <paramref name="run"/> with the given sources.</summary>
    public static RunOutput Generate(PseudoDataRun run, ulong seed, IReadOnlyList<IBackgroundSource> sources, int threads,
                                     IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Generate(run, seed, sources, null, threads, progress, cancellationToken);

    /// <summary>Generates <paramref name="run"/> with the given sources and, when <paramref name="injection"/> is given, an A′ signal:
    /// the plan, every chunk of it, then the recorded events in time order.</summary>
    public static RunOutput Generate(PseudoDataRun run, ulong seed, IReadOnlyList<IBackgroundSource> sources, SignalInjection? injection, int threads,
                                     IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        RunPlan plan = Plan(run, seed, sources, injection, threads, cancellationToken);
        return Assemble(run, seed, [GenerateChunks(plan, 0, plan.ChunkCount, threads, progress, cancellationToken)]);
    }

    /// <summary>
    /// What a run will generate, before any event is simulated: the Poisson count of every source (and of the injected
    /// signal and the reference events), the spills with their live fractions (from the trigger-rate calibration sample)
    /// and the chunks of <see cref="ChunkSize"/> events the generation is cut into. It depends only on the seed and the run,
    /// so every shard of a sharded campaign plans the same run.
    /// </summary>
    public static RunPlan Plan(PseudoDataRun run, ulong seed, IReadOnlyList<IBackgroundSource> sources, SignalInjection? injection, int threads,
                               CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count >= SignalSlot) throw new ArgumentException($"at most {SignalSlot - 1} sources", nameof(sources));
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong runSeed = RunSeed(seed, run.Number);
        var model = new DetectorModel(run.Card, runSeed);
        SetupCard card = run.Card;
        var comp = card.Beam.Composition;
        double electronFraction = 1 - comp.PionFraction - comp.KaonFraction - comp.MuonFraction;
        double beamParticles = run.ElectronsOnTarget / electronFraction;
        int spills = (int)Math.Max(1, Math.Round(beamParticles / card.Beam.ParticlesPerSpill));

        // Plan: events per source and reference events.
        var slots = new List<(int Slot, long Count, IBackgroundSource? Source, SourceRate Rate)>();
        int signalIndex = -1;
        Func<double, double, AprimeEmission>? drawEmission = injection?.EmissionDrawFor(card);
        for (int i = 0; i < sources.Count; i++)
        {
            SourceRate rate = sources[i].RatePerEot(model).Validated(sources[i].Name);
            // The Poisson count comes from the source's catalogue slot, like its event keys, so a source draws the same
            // count whether it is generated alone, in a subset (`study seeds --sources`) or in the full campaign.
            int slot = SourceCatalog.SlotOf(sources[i]) ?? i + 1;
            EventRng rc = RngStreams.For(runSeed, StreamKind.PseudoData, ((ulong)slot << 40) | 0xFF_FFFF_FFFFUL);
            long count = PoissonCounts.Draw(run.ElectronsOnTarget * rate.PerEot, ref rc);
            slots.Add((slot, count, sources[i], rate));
        }
        if (injection is not null)
        {
            SourceRate rate = new SourceRate(injection.RatePerEot, 0, injection.Describe()).Validated(SignalInjection.SourceName);
            EventRng rs = RngStreams.For(runSeed, StreamKind.PseudoData, ((ulong)SignalSlot << 40) | 0xFF_FFFF_FFFFUL);
            signalIndex = slots.Count;
            slots.Add((SignalSlot, PoissonCounts.Draw(run.ElectronsOnTarget * rate.PerEot, ref rs), null, rate));
        }
        EventRng rr = RngStreams.For(runSeed, StreamKind.PseudoData, ((ulong)ReferenceSlot << 40) | 0xFF_FFFF_FFFFUL);
        long references = PoissonCounts.Draw(beamParticles / card.Daq.ReferencePrescale, ref rr);
        slots.Add((ReferenceSlot, references, null, default));

        // Dead time: the physics-trigger rate comes from a calibration sample of the beam mixture.
        double triggerFraction = CalibrateTriggerFraction(model, run.Number, threads, cancellationToken);
        SpillRecord[] spillRecords = Spills(runSeed, spills, beamParticles, triggerFraction, card);
        double[] live = [.. spillRecords.Select(s => s.LiveFraction)];

        // Weighted sampling of sources above the cap: each simulated event stands for count/cap events.
        var weights = new double[slots.Count];
        var simulated = new long[slots.Count];
        for (int s = 0; s < slots.Count; s++)
        {
            simulated[s] = Math.Min(slots[s].Count, slots[s].Source is null ? long.MaxValue : MaxEventsPerSource); // the signal is never capped
            weights[s] = simulated[s] < slots[s].Count ? slots[s].Count / (double)simulated[s] : 1.0;
        }
        var chunks = new List<(int SlotIndex, long From, long To)>();
        for (int s = 0; s < slots.Count; s++)
            for (long k = 0; k < simulated[s]; k += ChunkSize)
                chunks.Add((s, k, Math.Min(simulated[s], k + ChunkSize)));
        return new RunPlan(run, runSeed, model, slots, signalIndex, drawEmission, spillRecords, weights, simulated, chunks, beamParticles, references, triggerFraction);
    }

    /// <summary>
    /// Simulates chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) of <paramref name="plan"/>: the recorded
    /// events of those chunks in chunk order (event column = the event key, spill column set) and the sources' trigger,
    /// skim and recorded counts over them. The chunks of a run split into consecutive ranges give, through
    /// <see cref="Assemble"/>, the run that <see cref="Generate(PseudoDataRun, ulong, IReadOnlyList{IBackgroundSource}, SignalInjection?, int, IProgress{long}?, CancellationToken)"/> makes.
    /// </summary>
    public static RunPart GenerateChunks(RunPlan plan, int fromChunk, int toChunk, int threads, IProgress<long>? progress = null,
                                         CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(fromChunk);
        ArgumentOutOfRangeException.ThrowIfLessThan(toChunk, fromChunk);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toChunk, plan.ChunkCount);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        PseudoDataRun run = plan.Run;
        SetupCard card = run.Card;
        ulong runSeed = plan.RunSeed;
        DetectorModel model = plan.Model;
        var slots = plan.Slots;
        int signalIndex = plan.SignalIndex;
        Func<double, double, AprimeEmission>? drawEmission = plan.DrawEmission;
        int spills = plan.Spills.Count;
        double[] live = [.. plan.Spills.Select(s => s.LiveFraction)];
        double[] weights = plan.Weights;
        List<(int SlotIndex, long From, long To)> chunks = plan.Chunks.GetRange(fromChunk, toChunk - fromChunk);

        var sims = new EventSimulator[threads];
        var scratch = new EventBatch[threads];
        var processes = new Dictionary<int, IEventPhysics>[threads];
        int cells = card.Ecal.CellsX * card.Ecal.CellsY;
        for (int t = 0; t < threads; t++)
        {
            sims[t] = new EventSimulator(model);
            scratch[t] = new EventBatch(ChunkSize, cells, card.Hcal.Modules);
            processes[t] = [];
        }
        var kept = new EventBatch?[chunks.Count];
        var counts = new long[slots.Count, 3]; // physics-triggered, skimmed, recorded
        long done = 0;
        for (int wave = 0; wave < chunks.Count; wave += threads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int inWave = Math.Min(threads, chunks.Count - wave);
            var waveCounts = new long[inWave, 3];
            EventFailure.Unwrapped(() => Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
            {
                (int si, long from, long to) = chunks[wave + t];
                (int slot, _, IBackgroundSource? source, _) = slots[si];
                bool signal = si == signalIndex, reference = source is null && !signal;
                EventBatch b = scratch[t];
                b.Clear();
                IEventPhysics? process = null;
                if (source is not null && !processes[t].TryGetValue(slot, out process))
                    processes[t][slot] = process = source.CreateProcess(model, biased: false);
                for (long k = from; k < to; k++)
                {
                    long ev = (long)(((ulong)slot << 40) | (ulong)k);
                    try
                    {
                        if (process is not null) sims[t].Simulate(ev, run.Number, process, weights[si], b);
                        else if (signal)
                        {
                            EventRng rx = RngStreams.For(runSeed, StreamKind.Signal, (ulong)ev);
                            sims[t].SimulateSignal(ev, run.Number, drawEmission!(rx.NextDouble(), rx.NextDouble()), 1.0, b);
                        }
                        else sims[t].Simulate(ev, run.Number, b);
                    }
                    catch (Exception e) when (EventFailure.NeedsContext(e))
                    {
                        throw EventFailure.InEvent(e, signal ? "injected signal" : reference ? "reference event" : "source " + source!.Name, runSeed, ev);
                    }
                }
                var keep = new EventBatch(Math.Max(1, b.Count), cells, card.Hcal.Modules);
                for (int r = 0; r < b.Count; r++)
                {
                    (int spill, double liveDraw, _) = Placement(runSeed, spills, b.Event[r]);
                    bool isLive = liveDraw < live[spill];
                    b.Spill[r] = spill;
                    var bits = (TriggerBits)b.Trigger[r];
                    bool physics = (bits & TriggerBits.Physics) != 0;
                    bool skim = physics && PassesSkim(b, r, card.Daq);
                    if (reference) b.Trigger[r] = (int)(bits | TriggerBits.Reference);
                    if (physics) waveCounts[t, 0]++;
                    if (skim) waveCounts[t, 1]++;
                    if (isLive && (skim || reference))
                    {
                        keep.AppendRow(b, r);
                        waveCounts[t, 2]++;
                    }
                }
                kept[wave + t] = keep;
            }));
            for (int t = 0; t < inWave; t++)
            {
                int si = chunks[wave + t].SlotIndex;
                for (int c = 0; c < 3; c++) counts[si, c] += waveCounts[t, c];
                done += chunks[wave + t].To - chunks[wave + t].From;
            }
            progress?.Report(done);
        }

        var tallies = new List<SourceTally>();
        for (int s = 0; s < slots.Count; s++)
        {
            (string Name, int Code)? id = slots[s].Source is { } src ? (src.Name, (int)src.Process)
                : s == signalIndex ? (SignalInjection.SourceName, (int)TrueProcess.DarkPhotonSignal) : null;
            if (id is not { } tallied) continue;
            tallies.Add(new SourceTally(tallied.Name, tallied.Code, slots[s].Rate.PerEot, run.ElectronsOnTarget * slots[s].Rate.PerEot,
                                        slots[s].Count, counts[s, 0], counts[s, 1], counts[s, 2]) { Simulated = plan.Simulated[s], Weight = weights[s] });
        }
        List<EventBatch> rows = [.. kept.Where(k => k!.Count > 0).Select(k => k!)];
        var summary = new RunSummary(run.Name, run.ElectronsOnTarget, plan.BeamParticles, rows.Sum(b => (long)b.Count), plan.References,
                                     plan.TriggerFraction, tallies);
        return new RunPart(summary, plan.Spills, rows);
    }

    /// <summary>
    /// The run made of <paramref name="parts"/> (consecutive chunk ranges of one plan, in chunk order): the sources'
    /// counts summed (integers, so in any order), the recorded events in time order and numbered.
    /// </summary>
    public static RunOutput Assemble(PseudoDataRun run, ulong seed, IReadOnlyList<RunPart> parts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        RunSummary first = parts[0].Summary;
        var tallies = new List<SourceTally>(first.Tallies.Count);
        for (int s = 0; s < first.Tallies.Count; s++)
        {
            SourceTally t = first.Tallies[s];
            tallies.Add(t with
            {
                PhysicsTriggered = parts.Sum(p => p.Summary.Tallies[s].PhysicsTriggered),
                Skimmed = parts.Sum(p => p.Summary.Tallies[s].Skimmed),
                Recorded = parts.Sum(p => p.Summary.Tallies[s].Recorded),
            });
        }
        int cells = run.Card.Ecal.CellsX * run.Card.Ecal.CellsY;
        List<EventBatch> rows = [.. parts.SelectMany(p => p.Rows)];
        return new RunOutput(run, RunSeed(seed, run.Number), TimeOrdered(rows, RunSeed(seed, run.Number), parts[0].Spills.Count, cells, run.Card.Hcal.Modules),
                             parts[0].Spills, tallies, first.BeamParticles, first.ReferenceGenerated, first.CalibrationTriggerFraction);
    }

    /// <summary>Where event <paramref name="key"/> of a run falls: its spill (uniform over the run), the deviate that
    /// decides whether the DAQ was live for it, and its time (spill number + uniform time within the spill, in spill
    /// lengths), all from the event's own stream so that a merge can recompute the time from the key.</summary>
    private static (int Spill, double LiveDraw, double Time) Placement(ulong runSeed, int spills, long key)
    {
        EventRng rd = RngStreams.For(runSeed, StreamKind.PseudoData, (ulong)key);
        int spill = Math.Min(spills - 1, (int)(rd.NextDouble() * spills));
        double liveDraw = rd.NextDouble();
        return (spill, liveDraw, spill + rd.NextDouble());
    }

    /// <summary>The recorded events (event column = key) in time order (spill, then time within it; ties, which need equal
    /// 53-bit deviates, in generation order), numbered 0, 1, … in that order, in batches of <see cref="ChunkSize"/>.</summary>
    private static List<EventBatch> TimeOrdered(List<EventBatch> kept, ulong runSeed, int spills, int cells, int hcalModules)
    {
        var order = new List<(double Time, int Chunk, int Row)>();
        for (int c = 0; c < kept.Count; c++)
            for (int r = 0; r < kept[c].Count; r++) order.Add((Placement(runSeed, spills, kept[c].Event[r]).Time, c, r));
        order.Sort();
        var batches = new List<EventBatch>();
        for (int i = 0; i < order.Count; i += ChunkSize)
        {
            var b = new EventBatch(Math.Min(ChunkSize, order.Count - i), cells, hcalModules);
            for (int j = i; j < Math.Min(order.Count, i + ChunkSize); j++)
            {
                b.AppendRow(kept[order[j].Chunk], order[j].Row);
                b.Event[b.Count - 1] = j;
            }
            batches.Add(b);
        }
        return batches;
    }

    /// <summary>The loose SRD skim: SRD energy above the card's threshold and in time.</summary>
    public static bool PassesSkim(EventBatch b, int row, DaqOptions daq)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(daq);
        return b.SrdEnergyMeV[row] > daq.SkimSrdMinMeV && Math.Abs(b.SrdTimeNs[row]) < daq.SkimSrdWindowNs;
    }

    private static double CalibrateTriggerFraction(DetectorModel model, int run, int threads, CancellationToken ct)
    {
        int per = (CalibrationEvents + threads - 1) / threads;
        var fired = new long[threads];
        int cells = model.Card.Ecal.CellsX * model.Card.Ecal.CellsY;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, t =>
        {
            var sim = new EventSimulator(model);
            var b = new EventBatch(1, cells, model.Card.Hcal.Modules);
            for (long k = (long)t * per; k < Math.Min(CalibrationEvents, (long)(t + 1) * per); k++)
            {
                b.Clear();
                sim.Simulate((long)(((ulong)CalibrationSlot << 40) | (ulong)k), run, b);
                if ((((TriggerBits)b.Trigger[0]) & TriggerBits.Physics) != 0) fired[t]++;
            }
        });
        return fired.Sum() / (double)CalibrationEvents;
    }

    private static SpillRecord[] Spills(ulong runSeed, int spills, double beamParticles, double triggerFraction, SetupCard card)
    {
        var records = new SpillRecord[spills];
        double perSpill = beamParticles / spills;
        double tauS = card.Daq.DeadTimeUs * 1e-6;
        for (int s = 0; s < spills; s++)
        {
            EventRng r = RngStreams.For(runSeed, StreamKind.PseudoData, ((ulong)SpillSlot << 40) | (uint)s);
            long triggers = PoissonCounts.Draw(perSpill * triggerFraction, ref r);
            // Non-paralysable dead time: recorded rate m = n/(1 + nτ), so the live fraction is 1/(1 + nτ)
            // (Knoll, Radiation Detection and Measurement, ch. 4).
            double rate = triggers / card.Beam.SpillLengthS;
            records[s] = new SpillRecord(s, (long)Math.Round(perSpill), triggers, 1 / (1 + rate * tauS));
        }
        return records;
    }
}

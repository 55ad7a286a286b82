using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Emiss.Analysis.Seeding;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Signal efficiency vs m_A′ from signal Monte Carlo pushed through the digitised detector with the analysis cuts
/// (docs/physics/signal-efficiency.md): for each mass, the emissions of the signal Monte Carlo in the card's ECAL
/// (<see cref="SignalEmissionSample"/>: emitter energy, depth and E_A′ &gt; x_min·E0) are attached to beam electrons
/// (beam-line transport, SR, SRD, pile-up at the run's intensity, trigger); the ECAL sees the energy radiated before
/// the emission and the recoil's shower from the emission depth (<see cref="EventSimulator.SimulateSignal(long, int, AprimeEmission, double, EventBatch)"/>).
/// The signal window is absolute, E_A′ &gt; x_min·E0, as in the yield: an electron that arrives with less than E0 (upstream
/// bremsstrahlung) and whose A′ falls below it is not a signal event and is not counted (rejection sampling, so such
/// electrons enter with their reduced chance of a signal A′).
/// The efficiency is the fraction that passes every cut and lands in the signal box, so it contains the seed's factors —
/// acceptance, analysis cuts, V2, HCAL, pile-up — as they arise in the simulation.
/// Keys: mass i simulates events (2⁴⁷ + (i ≪ 36) + k) of a detector model seeded with (seed, run number); its emission
/// sample (2 × events electrons, about one emission each two) is seeded with (seed, i), is the same for every run and is
/// simulated once per production model instance.
/// </summary>
public static class SignalEfficiencyScan
{
    private const int ChunkSize = 2048;

    /// <summary>Runs the scan: <paramref name="eventsPerMass"/> beam electrons per mass, of which those with an A′ inside
    /// the window are the signal events of the point. With <paramref name="onlyMass"/>, only the masses (by index in
    /// <paramref name="massesMeV"/>, which fixes their event keys and emission seed) it accepts are simulated: a shard of a
    /// scan computes whole mass points, each exactly as the full scan does.</summary>
    public static IReadOnlyList<SignalEfficiencyPoint> Run(string runName, int runNumber, SetupCard card, SelectionCuts cuts, IDarkProductionModel production,
                                                           IReadOnlyList<double> massesMeV, double xMin, long eventsPerMass, ulong seed, int threads,
                                                           Func<int, bool>? onlyMass = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(cuts);
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(massesMeV);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerMass);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong runSeed = RngStreams.DerivedSeed(seed, StreamKind.Signal, SignalStreamKeys.Key(SignalStreamKeys.EfficiencyRunModel, runNumber));
        var model = new DetectorModel(card, runSeed);
        var evaluator = new SelectionEvaluator(cuts, card.Ecal.CellsX, card.Ecal.CellsY);
        int cells = card.Ecal.CellsX * card.Ecal.CellsY;
        var points = new List<SignalEfficiencyPoint>();
        double minimumAprimeGeV = xMin * card.Beam.EnergyGeV;
        for (int mi = 0; mi < massesMeV.Count; mi++)
        {
            if (onlyMass is not null && !onlyMass(mi)) continue;
            ulong emissionSeed = RngStreams.DerivedSeed(seed, StreamKind.Signal, SignalStreamKeys.Key(SignalStreamKeys.Emissions, mi));
            SignalEmissionSample emissions = Emissions(card, production, massesMeV[mi], xMin, EmissionElectrons(eventsPerMass), emissionSeed, threads);
            long chunks = (eventsPerMass + ChunkSize - 1) / ChunkSize;
            var stage = new long[chunks, CutNames.StageCount];
            var box = new long[chunks];
            var boxEcal = new long[chunks];
            var clean = new long[chunks];
            var counters = new long[chunks];
            var accepted = new long[chunks];
            var boxClean = new long[chunks];
            var sims = new EventSimulator[threads];
            var batches = new EventBatch[threads];
            for (int t = 0; t < threads; t++)
            {
                sims[t] = new EventSimulator(model);
                batches[t] = new EventBatch(ChunkSize, cells, card.Hcal.Modules);
            }
            ulong baseKey = (1UL << 47) | ((ulong)mi << 36);
            for (long wave = 0; wave < chunks; wave += threads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int inWave = (int)Math.Min(threads, chunks - wave);
                EventFailure.Unwrapped(() => Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
                {
                    long c = wave + t;
                    EventBatch b = batches[t];
                    b.Clear();
                    long from = c * ChunkSize, to = Math.Min(eventsPerMass, from + ChunkSize);
                    for (long k = from; k < to; k++)
                    {
                        long ev = (long)(baseKey | (ulong)k);
                        EventRng rx = RngStreams.For(runSeed, StreamKind.Signal, (ulong)ev);
                        try
                        {
                            if (sims[t].SimulateSignal(ev, runNumber, emissions.Draw(rx.NextDouble(), rx.NextDouble()), minimumAprimeGeV, 1.0, b)) accepted[c]++;
                        }
                        catch (Exception e) when (EventFailure.NeedsContext(e))
                        {
                            throw EventFailure.InEvent(e, "signal efficiency", runSeed, ev);
                        }
                    }
                    SelectionColumns cols = SelectionColumns.FromBatch(b, card.Ecal.CellsX, card.Ecal.CellsY);
                    for (int r = 0; r < cols.Count; r++)
                    {
                        bool noPileUp = b.PileUpCount[r] == 0;
                        if (noPileUp) clean[c]++;
                        if ((b.Trigger[r] & (int)TriggerBits.BeamCounters) != 0) counters[c]++;
                        CutStage last = evaluator.LastPassed(cols, r);
                        for (int s = 0; s <= (int)last; s++) stage[c, s]++;
                        if (last != CutStage.V2) continue;
                        if (cols.EcalEnergyGeV[r] < cuts.Regions.EcalMaxGeV) boxEcal[c]++;
                        if (evaluator.RegionOf(cols.EcalEnergyGeV[r], cols.HcalEnergyGeV[r]) != SignalRegion.SignalBox) continue;
                        box[c]++;
                        if (noPileUp) boxClean[c]++;
                    }
                }));
            }
            var passed = new long[CutNames.StageCount];
            long inBox = 0, inBoxEcal = 0, noPileUp = 0, inBoxNoPileUp = 0, fired = 0, events = 0;
            for (long c = 0; c < chunks; c++)
            {
                for (int s = 0; s < CutNames.StageCount; s++) passed[s] += stage[c, s];
                inBox += box[c];
                inBoxEcal += boxEcal[c];
                noPileUp += clean[c];
                inBoxNoPileUp += boxClean[c];
                fired += counters[c];
                events += accepted[c];
            }
            if (events == 0) throw new InvalidOperationException($"no signal event inside the window at m = {massesMeV[mi]} MeV");
            points.Add(new SignalEfficiencyPoint(runName, massesMeV[mi], events, passed, inBox, inBoxEcal)
            {
                BeamCountersFired = fired,
                EventsWithoutPileUp = noPileUp,
                InBoxWithoutPileUp = inBoxNoPileUp,
            });
        }
        return points;
    }

    // Emission samples depend on neither the run nor the thread count: the runs of one analysis (which pass the same
    // production model instance) share them. Weakly keyed on the model, so they go when it does.
    private static readonly ConditionalWeakTable<IDarkProductionModel, ConcurrentDictionary<string, Lazy<SignalEmissionSample>>> Samples = new();

    /// <summary>The emission sample of <paramref name="electrons"/> beam electrons in <paramref name="card"/>'s ECAL at
    /// <paramref name="massMeV"/> (<see cref="SignalEmissionSample.Simulate"/>), simulated once per production model
    /// instance and key and shared with the scan (the pseudo-data signal injection draws from it).</summary>
    public static SignalEmissionSample EmissionSample(SetupCard card, IDarkProductionModel production, double massMeV, double xMin, long electrons, ulong seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(production);
        return Emissions(card, production, massMeV, xMin, electrons, seed, threads);
    }

    private static SignalEmissionSample Emissions(SetupCard card, IDarkProductionModel production, double massMeV, double xMin, long electrons, ulong seed, int threads)
    {
        EcalOptions e = card.Ecal;
        string key = string.Create(CultureInfo.InvariantCulture,
            $"{massMeV:R}|{xMin:R}|{electrons}|{seed}|{card.Beam.EnergyGeV:R}|{e.AbsorberMaterial}|{e.ActiveMaterial}|{e.Layers}|{e.PreshowerLayers}|{e.LeadThicknessCm:R}|{e.ScintillatorThicknessCm:R}|{e.CellsX}|{e.CellsY}|{e.CellSizeCm:R}");
        ConcurrentDictionary<string, Lazy<SignalEmissionSample>> byKey = Samples.GetOrCreateValue(production);
        return byKey.GetOrAdd(key, _ => new Lazy<SignalEmissionSample>(() => SignalEmissionSample.Simulate(card, production, massMeV, xMin, electrons, seed, threads))).Value;
    }

    /// <summary>Electrons of the emission sample for <paramref name="eventsPerMass"/> efficiency events: the pilot-run bias
    /// gives about one emission per two electrons, so about as many emissions as events (at least 2048).</summary>
    public static long EmissionElectrons(long eventsPerMass) => Math.Max(2048, 2 * eventsPerMass);
}

using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Signal efficiency vs m_A′ from signal Monte Carlo pushed through the digitised detector with the analysis cuts:
/// for each mass, beam electrons (beam-line transport, SR, SRD, pile-up at the run's intensity, trigger) that emit an
/// A′ with x = E_A′/E0 drawn from <see cref="AprimeEnergySampler"/> at the ECAL face; the recoil electron showers in the
/// fast calorimeter model. The efficiency is the fraction that passes every cut and lands in the signal box, so it
/// contains the seed's factors — acceptance, analysis cuts, V2, HCAL, pile-up — as they arise in the simulation.
/// Event keys: mass i simulates (2⁴⁷ + (i ≪ 36) + k) of a detector model seeded with (seed, run number).
/// </summary>
public static class SignalEfficiencyScan
{
    private const int ChunkSize = 2048;

    /// <summary>Runs the scan.</summary>
    public static IReadOnlyList<SignalEfficiencyPoint> Run(string runName, int runNumber, SetupCard card, SelectionCuts cuts, IDarkProductionModel production,
                                                           IReadOnlyList<double> massesMeV, double xMin, long eventsPerMass, ulong seed, int threads,
                                                           CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(cuts);
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(massesMeV);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerMass);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong runSeed = RngStreams.For(seed, StreamKind.Signal, 0xFFFF_0000_0000_0000UL | (uint)runNumber).NextUInt64();
        var model = new DetectorModel(card, runSeed);
        var evaluator = new SelectionEvaluator(cuts, card.Ecal.CellsX, card.Ecal.CellsY);
        int cells = card.Ecal.CellsX * card.Ecal.CellsY;
        var points = new List<SignalEfficiencyPoint>();
        for (int mi = 0; mi < massesMeV.Count; mi++)
        {
            var sampler = new AprimeEnergySampler(production, massesMeV[mi], card.Beam.EnergyGeV, xMin);
            long chunks = (eventsPerMass + ChunkSize - 1) / ChunkSize;
            var stage = new long[chunks, CutNames.StageCount];
            var box = new long[chunks];
            var boxEcal = new long[chunks];
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
                            sims[t].SimulateSignal(ev, runNumber, sampler.Sample(rx.NextDouble()), 1.0, b);
                        }
                        catch (Exception e) when (EventFailure.NeedsContext(e))
                        {
                            throw EventFailure.InEvent(e, "signal efficiency", runSeed, ev);
                        }
                    }
                    SelectionColumns cols = SelectionColumns.FromBatch(b, card.Ecal.CellsX, card.Ecal.CellsY);
                    for (int r = 0; r < cols.Count; r++)
                    {
                        CutStage last = evaluator.LastPassed(cols, r);
                        for (int s = 0; s <= (int)last; s++) stage[c, s]++;
                        if (last != CutStage.V2) continue;
                        if (cols.EcalEnergyGeV[r] < cuts.Regions.EcalMaxGeV) boxEcal[c]++;
                        if (evaluator.RegionOf(cols.EcalEnergyGeV[r], cols.HcalEnergyGeV[r]) == SignalRegion.SignalBox) box[c]++;
                    }
                }));
            }
            var passed = new long[CutNames.StageCount];
            long inBox = 0, inBoxEcal = 0;
            for (long c = 0; c < chunks; c++)
            {
                for (int s = 0; s < CutNames.StageCount; s++) passed[s] += stage[c, s];
                inBox += box[c];
                inBoxEcal += boxEcal[c];
            }
            points.Add(new SignalEfficiencyPoint(runName, massesMeV[mi], eventsPerMass, passed, inBox, inBoxEcal));
        }
        return points;
    }
}

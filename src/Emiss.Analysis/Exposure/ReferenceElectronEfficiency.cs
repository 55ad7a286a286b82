using Emiss.Analysis.Seeding;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;

namespace Emiss.Analysis.Exposure;

/// <summary>
/// The probability that a beam electron of a reference trigger is identified as one (E_ECAL above the threshold of
/// <see cref="ReferenceEotCounter"/>), from beam electrons simulated through the run's detector model: electrons that
/// radiate in the beam-line material before the ECAL (a few per cent; the seed bounds such losses by ≲ 3 %) or are bent
/// out of the acceptance fall below it, and the count is divided by this efficiency so that N_EOT counts every electron
/// on target, as the signal efficiency (which simulates the same losses) requires. Event keys 0 … N−1 of a detector
/// model seeded from (seed, <see cref="StreamKind.Signal"/>, <see cref="SignalStreamKeys.ReferenceElectrons"/> | run number), a block no other simulation uses (until
/// 2026-12-06 0xFFFE ≪ 48 | run number, which the efficiency scan also derives its emission seed of mass index m from, so run r's
/// reference electrons and mass index r's emissions began from one seed; docs/physics/rng-streams.md).
/// </summary>
public static class ReferenceElectronEfficiency
{
    /// <summary>Simulated electrons per run, default: the efficiency's binomial error is then ≈ 0.15 %.</summary>
    public const long DefaultEvents = 20000;

    /// <summary>Efficiency and its binomial error.</summary>
    public static (double Efficiency, double StatError) Simulate(SetupCard card, int runNumber, double electronMinGeV, ulong seed, long events, int threads,
                                                                 CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        ulong modelSeed = RngStreams.DerivedSeed(seed, StreamKind.Signal, SignalStreamKeys.Key(SignalStreamKeys.ReferenceElectrons, runNumber));
        var model = new DetectorModel(card, modelSeed);
        int cells = card.Ecal.CellsX * card.Ecal.CellsY;
        long per = (events + threads - 1) / threads;
        var passed = new long[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
        {
            var sim = new EventSimulator(model);
            var b = new EventBatch(1, cells, card.Hcal.Modules);
            for (long k = t * per; k < Math.Min(events, (t + 1) * per); k++)
            {
                b.Clear();
                sim.Simulate(k, runNumber, DetectorSpecies.Electron, b);
                if (b.EcalEnergyGeV[0] > electronMinGeV) passed[t]++;
            }
        });
        double eff = passed.Sum() / (double)events;
        return (eff, Math.Sqrt(eff * (1 - eff) / events));
    }
}

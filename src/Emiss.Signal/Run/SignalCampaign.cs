using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Run;

/// <summary>
/// The signal Monte Carlo over a mass grid (<c>emiss signal</c>). Per mass, three passes on disjoint event ranges of
/// the same seed, so they are statistically independent and each is reproducible on its own:
/// <list type="number">
/// <item>analog yield mode, events [0, N): the track-length yield (bias factor 1, docs/physics/aprime-emission.md#biasing-and-weights);</item>
/// <item>biased yield mode, events [N, 2N): E_miss spectrum, weighted-emission cross-check and kept signal events;</item>
/// <item>detector mode in the NA64 ECAL + veto + HCAL stack, events [2N, 2N + N_det), when N_det &gt; 0.</item>
/// </list>
/// The analytic primary-electron yield is computed alongside for comparison.
/// </summary>
public static class SignalCampaign
{
    /// <summary>First event index of the biased pass, given N events per yield pass.</summary>
    public static long BiasedFirstEvent(long events) => events;

    /// <summary>First event index of the detector pass, given N events per yield pass.</summary>
    public static long DetectorFirstEvent(long events) => 2 * events;

    /// <summary>
    /// Runs the masses in order, one at a time when enumerated (kept events of a mass can be written out and dropped
    /// before the next mass runs).
    /// </summary>
    /// <param name="settings">The campaign; validated before the first mass runs.</param>
    /// <param name="progress">Receives each finished stage, synchronously from the enumerating thread's calls.</param>
    public static IEnumerable<SignalCampaignMass> Run(SignalCampaignSettings settings, IProgress<SignalCampaignProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return RunValidated(settings, progress);
    }

    private static IEnumerable<SignalCampaignMass> RunValidated(SignalCampaignSettings s, IProgress<SignalCampaignProgress>? progress)
    {
        var analytic = new TrackLengthSignalYield(s.Production, s.AnalyticTarget, s.Beam, s.MissingEnergyFraction);
        long n = s.Events;
        foreach (double mMeV in s.MassesMeV)
        {
            Mass m = Mass.FromMeV(mMeV);
            SignalTables tables = SignalTables.Build(s.Production, s.YieldGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
            progress?.Report(new(mMeV, SignalCampaignStage.TablesBuilt));
            SignalRunResult analog = SignalRunner.Run(tables, s.YieldGeometry, s.Options with { BiasFactor = 1.0 }, n, s.Seed, s.Threads);
            progress?.Report(new(mMeV, SignalCampaignStage.AnalogPassDone));
            SignalRunResult biased = SignalRunner.Run(tables, s.YieldGeometry, s.Options with { KeepEvents = true }, n, s.Seed, s.Threads,
                firstEvent: BiasedFirstEvent(n));
            progress?.Report(new(mMeV, SignalCampaignStage.BiasedPassDone));
            double a = analytic.PerElectronOnTargetAtEps1(m);
            SignalRunResult? detector = null;
            if (s.DetectorEvents > 0)
            {
                SignalTables detTables = SignalTables.Build(s.Production, s.DetectorGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
                detector = SignalRunner.Run(detTables, s.DetectorGeometry, s.Options with { Mode = SignalMode.Detector, KeepEvents = true },
                    s.DetectorEvents, s.Seed, s.Threads, firstEvent: DetectorFirstEvent(n));
                progress?.Report(new(mMeV, SignalCampaignStage.DetectorPassDone));
            }
            yield return new SignalCampaignMass(mMeV, analog, biased, detector, a);
        }
    }
}

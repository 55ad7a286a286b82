using Emiss.Core.Sharding;
using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Run;

/// <summary>
/// A <see cref="SignalCampaign"/> cut into shards. Shard i/N runs, for every mass, its share ⌊B·i/N⌋ … ⌊B·(i+1)/N⌋ of
/// the B chunks of each pass (<see cref="ShardSpec.Blocks"/>; the analog and biased passes have the same chunks, the
/// smaller detector pass may leave a shard nothing) and returns the parts' node sums; <see cref="Merge"/> of all shards'
/// parts gives the single campaign's results bit for bit (<see cref="SignalRunner.Result"/>). Every shard builds the
/// mass's tables and, for an automatic bias, runs the same pilot as the single campaign.
/// </summary>
public static class SignalCampaignShards
{
    /// <summary>Runs shard <paramref name="shard"/> of the campaign, one mass at a time.</summary>
    public static IEnumerable<SignalShardMass> Run(SignalCampaignSettings settings, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return RunValidated(settings, shard);
    }

    private static IEnumerable<SignalShardMass> RunValidated(SignalCampaignSettings s, ShardSpec shard)
    {
        long n = s.Events;
        (long first, long count) = shard.Blocks(SignalRunner.Chunks(n));
        (long detFirst, long detCount) = shard.Blocks(SignalRunner.Chunks(Math.Max(1, s.DetectorEvents)));
        foreach (double mMeV in s.MassesMeV)
        {
            Mass m = Mass.FromMeV(mMeV);
            SignalTables tables = SignalTables.Build(s.Production, s.YieldGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
            SignalBlockSums analog = SignalRunner.RunBlocks(tables, s.YieldGeometry, s.Options with { BiasFactor = 1.0 }, n, s.Seed, first, count, s.Threads);
            SignalBlockSums biased = SignalRunner.RunBlocks(tables, s.YieldGeometry, s.Options with { KeepEvents = true }, n, s.Seed, first, count, s.Threads,
                SignalCampaign.BiasedFirstEvent(n));
            SignalBlockSums? detector = null;
            if (s.DetectorEvents > 0)
            {
                SignalTables detTables = SignalTables.Build(s.Production, s.DetectorGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
                detector = SignalRunner.RunBlocks(detTables, s.DetectorGeometry, DetectorOptions(s), s.DetectorEvents, s.Seed, detFirst, detCount, s.Threads,
                    SignalCampaign.DetectorFirstEvent(n));
            }
            yield return new SignalShardMass(mMeV, analog, biased, detector);
        }
    }

    /// <summary>
    /// The campaign's per-mass results from the parts of all shards: <paramref name="parts"/>(mass MeV, pass) reads
    /// the parts of that pass from every shard (with the tables and options it is given, for the histogram shape).
    /// </summary>
    public static IEnumerable<SignalCampaignMass> Merge(SignalCampaignSettings settings,
        Func<double, SignalPass, SignalTables, SignalOptions, IReadOnlyList<SignalBlockSums>> parts)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parts);
        settings.Validate();
        return MergeValidated(settings, parts);
    }

    private static IEnumerable<SignalCampaignMass> MergeValidated(SignalCampaignSettings s,
        Func<double, SignalPass, SignalTables, SignalOptions, IReadOnlyList<SignalBlockSums>> parts)
    {
        var analytic = new TrackLengthSignalYield(s.Production, s.AnalyticTarget, s.Beam, s.MissingEnergyFraction);
        long n = s.Events;
        foreach (double mMeV in s.MassesMeV)
        {
            Mass m = Mass.FromMeV(mMeV);
            SignalTables tables = SignalTables.Build(s.Production, s.YieldGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
            SignalOptions analogOptions = s.Options with { BiasFactor = 1.0 }, biasedOptions = s.Options with { KeepEvents = true };
            SignalRunResult analog = SignalRunner.Result(tables, s.YieldGeometry, analogOptions, parts(mMeV, SignalPass.Analog, tables, analogOptions), n);
            SignalRunResult biased = SignalRunner.Result(tables, s.YieldGeometry, biasedOptions, parts(mMeV, SignalPass.Biased, tables, biasedOptions), n,
                SignalCampaign.BiasedFirstEvent(n));
            SignalRunResult? detector = null;
            if (s.DetectorEvents > 0)
            {
                SignalTables detTables = SignalTables.Build(s.Production, s.DetectorGeometry.Materials, m, s.Beam, s.MissingEnergyFraction);
                SignalOptions detOptions = DetectorOptions(s);
                detector = SignalRunner.Result(detTables, s.DetectorGeometry, detOptions, parts(mMeV, SignalPass.Detector, detTables, detOptions),
                    s.DetectorEvents, SignalCampaign.DetectorFirstEvent(n));
            }
            yield return new SignalCampaignMass(mMeV, analog, biased, detector, analytic.PerElectronOnTargetAtEps1(m));
        }
    }

    private static SignalOptions DetectorOptions(SignalCampaignSettings s) => s.Options with { Mode = SignalMode.Detector, KeepEvents = true };
}

/// <summary>The three passes of a signal campaign's mass.</summary>
public enum SignalPass
{
    /// <summary>Analog yield mode, events [0, N).</summary>
    Analog,

    /// <summary>Biased yield mode, events [N, 2N).</summary>
    Biased,

    /// <summary>Detector mode, events [2N, 2N + N_det).</summary>
    Detector,
}

/// <summary>One shard's parts of one mass of a signal campaign.</summary>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="Analog">Part of the analog yield-mode pass.</param>
/// <param name="Biased">Part of the biased yield-mode pass.</param>
/// <param name="Detector">Part of the detector pass (possibly empty), or null when the campaign has none.</param>
public sealed record SignalShardMass(double MassMeV, SignalBlockSums Analog, SignalBlockSums Biased, SignalBlockSums? Detector);

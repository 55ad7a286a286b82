using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Reporting.Tables;
using Emiss.Signal.Export;
using Emiss.Signal.MonteCarloYield;
using Emiss.Signal.Run;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss signal --shard i/N</c> and its merge. The shards are cut at whole chunks of <see cref="SignalRunner.ChunkSize"/>
/// electrons of the yield passes; per mass a shard stores the exact node sums of its chunks of each pass
/// (<see cref="SignalBlockSums"/>: sums, histograms and kept events), with the run's command-line words. The merge
/// rebuilds the campaign from those words, joins the parts (<see cref="SignalCampaignShards.Merge"/>) and writes the
/// files a single run writes: yield.csv, spectra, HepMC3 and Parquet samples with the kept events in event order, byte
/// for byte apart from the recorded command line.
/// </summary>
internal static class SignalShards
{
    /// <summary>File of one mass's part of one pass, e.g. m10MeV-analog.sums.</summary>
    private static string PartName(double massMeV, SignalPass pass) =>
        $"{SignalCommand.MassTag(massMeV)}-{pass.ToString().ToLowerInvariant()}.sums";

    /// <summary>Runs shard <paramref name="spec"/> of <paramref name="run"/> into OUT/shard-IIII-of-NNNN/.</summary>
    public static int RunShard(ParseResult pr, SignalRun run, ShardSpec spec)
    {
        long n = run.Settings.Events;
        (long first, long count) = spec.Range("--shard", 0, n, SignalRunner.ChunkSize);
        var template = new ShardManifest
        {
            Kind = ShardKinds.Signal, Provenance = run.Provenance, RunCommand = ShardOption.RunCommand(pr), Shard = spec,
            RunFirstEvent = 0, RunEvents = n, BlockSize = SignalRunner.ChunkSize, FirstEvent = first, EventCount = count, Files = [],
        };
        string[] owned = ["*.sums", ShardOption.RequestFile];
        return ShardOption.Run(run.OutDir, template, owned, dir =>
        {
            var files = new List<string>();
            foreach (SignalShardMass m in SignalCampaignShards.Run(run.Settings, spec))
            {
                foreach ((SignalPass pass, SignalBlockSums? part) in (IEnumerable<(SignalPass, SignalBlockSums?)>)
                         [(SignalPass.Analog, m.Analog), (SignalPass.Biased, m.Biased), (SignalPass.Detector, m.Detector)])
                {
                    if (part is null) continue;
                    string name = PartName(m.MassMeV, pass);
                    part.Write(Path.Combine(dir, name));
                    files.Add(name);
                }
            }
            files.Add(ShardOption.WriteRequest(dir, pr));
            return files;
        });
    }

    /// <summary>
    /// <c>emiss merge</c> of signal shards (already checked by <see cref="ShardSet.Load"/>): the single run's files in
    /// <paramref name="outDir"/>, recording the run's command line.
    /// </summary>
    public static int Merge(IReadOnlyList<ShardManifest> shards, IReadOnlyList<string> shardDirs, string outDir)
    {
        var clock = Stopwatch.StartNew();
        ShardManifest first = shards[0];
        SignalRun run = ShardOption.ResolveRun(shards, shardDirs, outDir, SignalCommand.Build, r => r.Provenance.ResolvedRunCard);
        Provenance merged = first.Provenance with { Command = first.RunCommand };
        IReadOnlyList<SignalBlockSums> Parts(double massMeV, SignalPass pass, Signal.Tables.SignalTables tables, SignalOptions options) =>
            [.. shards.Select((s, i) =>
            {
                string path = Path.Combine(shardDirs[i], PartName(massMeV, pass));
                try
                {
                    return SignalBlockSums.Read(path, tables, options);
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    throw new UserInputException(s.Shard.DirectoryName, e.Message, "rerun this shard with the run's command line", e);
                }
            })];
        using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, SignalCommand.OwnedNames);
        var points = new List<SignalYieldPoint>();
        foreach (SignalCampaignMass r in SignalCampaignShards.Merge(run.Settings, Parts))
            SignalCommand.WriteMass(staged.Path, r, run, merged, points);
        AtomicFile.WriteText(Path.Combine(staged.Path, "yield.csv"), YieldTableCsv.Format(points, merged));
        staged.Publish();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merged {shards.Count} signal shards ({points.Count} masses × {run.Settings.Events} events per yield pass) → {outDir} in {clock.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Numerics;
using Emiss.Core.Sharding;
using Emiss.Shower.Fast;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss shower --shard i/N</c> and its merge. A shard runs whole chunks of <see cref="ShowerRunner.ChunkSize"/>
/// events (<see cref="ShardSpec.Range"/>) and stores the <see cref="BlockTree"/> node sums of its chunk range exactly
/// (<see cref="BlockSumsFile"/>), with the run's command-line words; the merge rebuilds the run from those words, adds
/// the shards' node sums along the same tree and writes the files a single run writes, byte for byte apart from the
/// recorded command line (timing.json stays in each shard directory: it describes one machine's run).
/// </summary>
internal static class ShowerShards
{
    /// <summary>The shard's node sums.</summary>
    public const string BlockSumsName = "block-sums.bin";

    /// <summary>Runs shard <paramref name="spec"/> of <paramref name="run"/> into OUT/shard-IIII-of-NNNN/.</summary>
    public static int RunShard(ParseResult pr, ShowerRun run, ShardSpec spec)
    {
        ShowerInputs inputs = run.Inputs;
        (long first, long count) = spec.Range("--shard", 0, inputs.Events, ShowerRunner.ChunkSize);
        long firstChunk = first / ShowerRunner.ChunkSize, chunkCount = ShowerRunner.Chunks(count);
        string command = "emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value));
        // The library's notes belong to the provenance, so the template needs it; a complete shard is still skipped before
        // any transport runs.
        ShowerLibrary? library = ShowerCommand.BuildLibrary(run);
        var template = new ShardManifest
        {
            Kind = ShardKinds.Shower, Provenance = ShowerCommand.ProvenanceOf(command, run, library), RunCommand = ShardOption.RunCommand(pr), Shard = spec,
            RunFirstEvent = 0, RunEvents = inputs.Events, BlockSize = ShowerRunner.ChunkSize, FirstEvent = first, EventCount = count, Files = [],
        };
        return ShardOption.Run(run.OutDir, template, [BlockSumsName, ShardOption.RequestFile, "timing.json"], dir =>
        {
            long t0 = Stopwatch.GetTimestamp();
            ShowerBlockSums part = ShowerRunner.RunBlocks(run.Physics, run.Type, inputs.EnergyGeV, inputs.Events, inputs.Seed, firstChunk, chunkCount,
                run.Threads, beamXCm: inputs.BeamXCm, beamYCm: inputs.BeamYCm, library: library);
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            BlockSumsFile.Write(Path.Combine(dir, BlockSumsName), RunAccumulator.PayloadTag, part.Nodes, (w, a) => a.WriteTo(w));
            ShardOption.WriteRequest(dir, pr);
            ShowerOutputs.WriteTiming(dir, count, ms, run.Threads, library);
            return [BlockSumsName, ShardOption.RequestFile, "timing.json"];
        });
    }

    /// <summary>
    /// <c>emiss merge</c> of shower shards (already checked by <see cref="ShardSet.Load"/>): the single run's tables,
    /// figures and summary.json in <paramref name="outDir"/>, recording the run's command line.
    /// </summary>
    public static int Merge(IReadOnlyList<ShardManifest> shards, IReadOnlyList<string> shardDirs, string outDir)
    {
        var clock = Stopwatch.StartNew();
        ShardManifest first = shards[0];
        ShowerRun run = ShardOption.ResolveRun(shards, shardDirs, outDir, ShowerCommand.Build, r => r.Inputs.ToYaml());
        var shape = new EventTally(run.Physics.Geometry, run.Inputs.EnergyGeV, run.Physics.Processes.Length);
        var nodes = new List<BlockNode<RunAccumulator>>();
        for (int i = 0; i < shards.Count; i++)
        {
            string path = Path.Combine(shardDirs[i], BlockSumsName);
            try
            {
                nodes.AddRange(BlockSumsFile.Read(path, RunAccumulator.PayloadTag, r => RunAccumulator.ReadFrom(r, shape)));
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException(shards[i].Shard.DirectoryName, e.Message, "rerun this shard with the run's command line", e);
            }
        }
        ShowerRunResult result = ShowerRunner.Result(run.Physics, run.Type, run.Inputs.EnergyGeV, nodes, run.Inputs.Events);
        Provenance merged = first.Provenance with { Command = first.RunCommand };
        using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, ShowerOutputs.FileNames);
        ShowerOutputs.Write(staged.Path, result, run.Physics, merged, run.Inputs);
        staged.Publish();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merged {shards.Count} shower shards ({result.Events} events, E_active {result.MeanActiveGeV:G5} GeV) → {outDir} in {clock.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Cli.Batch;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Storage.Events;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss merge DIR [--out OUT]</c>: combines the shards of a run made with <c>--shard i/N</c> (or <c>emiss submit</c>)
/// into the output a single run would have written, after checking that every shard 0 … N−1 is present, complete
/// (files match the SHA-256 in their manifests) and from the same run (card, seed, version, commit, command).
/// Event stores are concatenated one row group at a time (bounded memory).
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Directory holding the shard directories (the --out of the sharded run)" };
        var output = new Option<string?>("--out") { Description = $"Merged output (default: DIR/{ShardKinds.EventsFile} for simulate, the directory DIR/{ShardKinds.MergedDirectory} for pseudodata, shower and signal)" };
        var cmd = new Command("merge", "Merge the shards of a sharded run (checks presence, checksums and provenance first).") { dir, output };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            string root = pr.GetValue(dir)!;
            IReadOnlyList<ShardManifest> shards = ShardSet.Load("DIR", root, spec => RerunHint(root, spec));
            ShardManifest first = shards[0];
            switch (first.Kind)
            {
                case ShardKinds.Simulate:
                    string outPath = UserInput.OutputFile("--out", pr.GetValue(output) ?? Path.Combine(root, ShardKinds.EventsFile));
                    long rows = EventStoreConcatenation.WriteAsync([.. shards.Select(s => Path.Combine(root, s.Shard.DirectoryName, ShardKinds.EventsFile))], outPath,
                        MergedProvenance(first)).GetAwaiter().GetResult();
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"merged {shards.Count} shards ({rows} events) → {outPath} in {clock.Elapsed.TotalSeconds:F2} s, peak RSS {PeakMemory.ResidentMiB():F0} MiB"));
                    return 0;
                case ShardKinds.PseudoData:
                    return PseudoDataCommand.Merge(shards, ShardDirectories(root, shards), MergedDirectory(pr, output, root), MergedProvenance(first));
                case ShardKinds.Shower:
                    return ShowerShards.Merge(shards, ShardDirectories(root, shards), MergedDirectory(pr, output, root));
                case ShardKinds.Signal:
                    return SignalShards.Merge(shards, ShardDirectories(root, shards), MergedDirectory(pr, output, root));
                case ShardKinds.Reproduce:
                    // The finishing reproduce merges its own shards inside its stage ledger (resume, checksums).
                    throw new UserInputException("DIR", $"holds shards of `emiss reproduce`, which the reproduce command itself merges",
                        $"run {first.RunCommand} --out {root} (the shards' options without --shard; your --inject-signal value where it shows 'sealed')");
                default:
                    throw new UserInputException("DIR", $"the shards in '{root}' were made by '{first.Kind}', which this Emiss cannot merge", "merge them with the Emiss version that made them");
            }
        }));
        return cmd;
    }

    /// <summary>The shards' directories in shard order.</summary>
    private static string[] ShardDirectories(string root, IReadOnlyList<ShardManifest> shards) =>
        [.. shards.Select(s => Path.Combine(root, s.Shard.DirectoryName))];

    /// <summary>The output directory of a multi-file merge: <c>--out</c>, else <c>DIR/merged</c>, checked before any work.</summary>
    private static string MergedDirectory(ParseResult pr, Option<string?> output, string root) =>
        UserInput.CheckOutputDirectory("--out", pr.GetValue(output) ?? Path.Combine(root, ShardKinds.MergedDirectory));

    /// <summary>The merged output's provenance: the run's command without shard, threads and output path, and the shards' version.</summary>
    private static Provenance MergedProvenance(ShardManifest first) =>
        new Provenance(first.RunCommand, first.Provenance.Seed, first.Provenance.ResolvedRunCard)
        {
            Version = first.Provenance.Version, GitCommit = first.Provenance.GitCommit, RngScheme = first.Provenance.RngScheme,
            Notes = first.Provenance.Notes,
        }.WithNotes(string.Create(CultureInfo.InvariantCulture, $"merged from {first.Shard.Count} shards of events {first.RunFirstEvent}+{first.RunEvents}"));

    private static string RerunHint(string root, ShardSpec spec) =>
        $"rerun it ({spec.DirectoryName} is redone, complete shards are skipped): the run's command with --shard {spec} --out {root}, or `emiss submit` again";
}

using Emiss.Analysis.Efficiency;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.Commands;
using Emiss.Core.Diagnostics;
using Emiss.Core.Sharding;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// <c>reproduce --shard i/N --out DIR</c> and the reproduce that finishes it. A shard runs the heavy stages' share of
/// shard i: the pseudo-data campaign's chunks and (run, source) estimate units as <c>pseudodata --shard</c> deals them,
/// and the efficiency scan's (run, mass) points dealt out the same way (⌊U·i/N⌋ … ⌊U·(i+1)/N⌋), each point simulated
/// whole from its own streams. It writes <c>DIR/shard-IIII-of-NNNN/</c> with a manifest whose notes carry the
/// fingerprint of every input that decides the stages' bits. The same reproduce command without <c>--shard</c> then finds
/// the complete shard set, checks it against its own inputs, merges it in the pseudodata and efficiency stages and runs
/// the rest: the results are those of an unsharded reproduce.
/// </summary>
internal static class ReproduceShards
{
    private const string InputsNote = "reproduce inputs: ";

    /// <summary>Runs shard <paramref name="spec"/> into <paramref name="outDir"/>; <paramref name="efficiency"/> computes
    /// the efficiency points accepted by a filter on the point index. Returns the exit code.</summary>
    public static int Run(PseudoDataRequest request, string inputs, ShardSpec spec, string outDir, IReadOnlyList<string> runWords,
                          Func<Func<int, bool>, IReadOnlyList<SignalEfficiencyPoint>> efficiency)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(efficiency);
        int points = request.Runs.Count * ReproduceCommand.EfficiencyMassesMeV.Length;
        // The efficiency points are dealt out like the estimate's (run, source) units: whole units, in order.
        (int from, int to) = ShardCampaign.EstimateUnits(points, spec.Index, spec.Count);
        PseudoDataRequest noted = request with { Provenance = request.Provenance.WithNotes(InputsNote + inputs) };
        return PseudoDataCommand.WriteShard(noted, spec, outDir, ShardKinds.Reproduce, runWords,
            dir => [SignalEfficiencyParts.Write(efficiency(u => u >= from && u < to), dir)], [SignalEfficiencyParts.FileName]);
    }

    /// <summary>
    /// The shard directories of <paramref name="outDir"/> in shard order when it holds shard directories (all of them
    /// complete, checksummed, from one run, and made with the inputs <paramref name="inputs"/> of this command); null when
    /// it holds none. Anything else is a <see cref="UserInputException"/> naming the shard.
    /// </summary>
    public static IReadOnlyList<string>? Load(string outDir, string inputs)
    {
        if (!Directory.Exists(outDir) || !Directory.EnumerateDirectories(outDir, "shard-*-of-*").Any()) return null;
        IReadOnlyList<ShardManifest> shards = ShardSet.Load("--out", outDir,
            spec => $"run this reproduce command with --shard {spec} (complete shards are skipped), or `emiss submit` it again");
        ShardManifest first = shards[0];
        if (first.Kind != ShardKinds.Reproduce)
            throw new UserInputException(first.Shard.DirectoryName, $"was made by '{first.Kind}', not by reproduce --shard",
                                         "give reproduce an --out of its own; merge these shards with `emiss merge`");
        if (!first.Provenance.Notes.Contains(InputsNote + inputs, StringComparer.Ordinal))
            throw new UserInputException(first.Shard.DirectoryName,
                "is foreign to this command: its shards were made with other inputs (card, cuts, seed, sizes, injected signal or Emiss build)",
                $"run the shards' own command ({first.RunCommand}, with your --inject-signal value if it shows 'sealed'), or remove the shard directories to compute the heavy stages here");
        return [.. shards.Select(s => Path.Combine(outDir, s.Shard.DirectoryName))];
    }
}

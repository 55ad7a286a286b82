using System.CommandLine;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;

namespace Emiss.Cli.Commands;

/// <summary>
/// The <c>--shard i/N</c> option of the Monte Carlo commands and what it does to a run: the command simulates only shard
/// i's block-aligned event range (<see cref="ShardSpec.Range"/>) and writes it into <c>OUT/shard-IIII-of-NNNN/</c>
/// (staged, published with one rename) with <c>manifest.json</c> written last; a rerun finds a complete shard of the
/// same run there and skips it. <c>emiss merge OUT</c> combines the shards.
/// </summary>
internal static class ShardOption
{
    /// <summary>Options whose values may differ between the shards of one run (left out of <see cref="ShardManifest.RunCommand"/>).</summary>
    private static readonly string[] PerShardOptions = ["--shard", "--threads", "-t", "--out"];

    public static Option<string?> Create() => new("--shard")
    {
        Description = "Run only shard i of N (0 ≤ i < N) of the events, into OUT/shard-IIII-of-NNNN/ with a manifest; a complete shard is skipped; `emiss merge OUT` combines them",
    };

    /// <summary>The parsed shard, or null without <c>--shard</c>.</summary>
    public static ShardSpec? Get(ParseResult pr, Option<string?> option)
    {
        string? text = pr.GetValue(option);
        return text is null ? null : ShardSpec.Parse("--shard", text);
    }

    /// <summary>The command line as every shard of the run records it: without the shard, thread count and output path.</summary>
    public static string RunCommand(ParseResult pr) => "emiss " + string.Join(' ', RunTokens(pr));

    /// <summary>The command-line words every shard of the run shares: without the shard, thread count and output path.</summary>
    public static IReadOnlyList<string> RunTokens(ParseResult pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        var kept = new List<string>();
        IReadOnlyList<System.CommandLine.Parsing.Token> tokens = pr.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i].Value;
            string name = t.Split('=', 2)[0];
            if (PerShardOptions.Contains(name, StringComparer.Ordinal))
            {
                if (!t.Contains('=', StringComparison.Ordinal)) i++; // skip the value token too
                continue;
            }
            kept.Add(t);
        }
        return kept;
    }

    /// <summary>
    /// Runs one shard: skips it when <c>OUT/shard-…</c> already holds a complete, checksummed shard of the same run;
    /// otherwise stages the directory, lets <paramref name="write"/> fill it (returning the names of the files it wrote),
    /// writes the manifest last and publishes. Returns the exit code (0).
    /// </summary>
    public static int Run(string outRoot, ShardManifest template, IReadOnlyList<string> ownedNames, Func<string, IReadOnlyList<string>> write)
    {
        string shardDir = Path.Combine(outRoot, template.Shard.DirectoryName);
        if (ShardSet.CompleteMatch(shardDir, template) is not null)
        {
            Console.Out.WriteLine($"shard {template.Shard}: complete in {shardDir} (checksums match); skipped");
            return 0;
        }
        using StagedDirectory staged = StagedDirectory.Begin("--out", shardDir, [.. ownedNames, ShardManifest.FileName]);
        IReadOnlyList<string> files = write(staged.Path);
        ShardManifest.WriteInto(staged.Path, template, files);
        staged.Publish();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shard {template.Shard}: events {template.FirstEvent}…{template.FirstEvent + template.EventCount - 1} → {shardDir}"));
        return 0;
    }

    /// <summary>File in a shard with the run's command-line words (without shard, threads and output), from which
    /// <c>emiss merge</c> rebuilds the run (shower, signal).</summary>
    public const string RequestFile = "request.json";

    /// <summary>Writes <see cref="RequestFile"/> into <paramref name="shardDir"/> and returns its name.</summary>
    public static string WriteRequest(string shardDir, ParseResult pr)
    {
        AtomicFile.WriteText(Path.Combine(shardDir, RequestFile), System.Text.Json.JsonSerializer.Serialize(RunTokens(pr)));
        return RequestFile;
    }

    /// <summary>
    /// The run the shards belong to, for <c>emiss merge</c>: the first shard's recorded words parsed by the command that
    /// <paramref name="build"/> returns and resolved, with a clear error when they no longer resolve to the run card
    /// every shard recorded (<paramref name="card"/> gives a resolved run's card).
    /// </summary>
    public static TRun ResolveRun<TRun>(IReadOnlyList<ShardManifest> shards, IReadOnlyList<string> shardDirs, string outDir,
                                        Func<(Command Command, Func<ParseResult, TRun> Resolve)> build, Func<TRun, string> card)
    {
        (Command cmd, Func<ParseResult, TRun> resolve) = build();
        TRun run = resolve(ParseRequest(shardDirs[0], cmd, outDir));
        if (card(run) != shards[0].Provenance.ResolvedRunCard)
            throw new UserInputException("DIR", "the shards' command no longer resolves to the inputs they recorded", "rerun the shards with this Emiss");
        return run;
    }

    /// <summary>
    /// Parses the run's words recorded in <paramref name="shardDir"/> with <paramref name="command"/>, with
    /// <c>--out <paramref name="outDir"/></c> in place of the shards' own output (the merge's output).
    /// </summary>
    public static ParseResult ParseRequest(string shardDir, Command command, string outDir)
    {
        string path = Path.Combine(shardDir, RequestFile);
        string[] words = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
        ParseResult pr = new RootCommand { command }.Parse([.. words, "--out", outDir]);
        if (pr.Errors.Count > 0) throw new InvalidDataException($"{path}: {pr.Errors[0].Message}");
        return pr;
    }
}

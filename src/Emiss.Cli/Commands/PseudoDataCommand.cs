using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Emiss.Core.Sharding;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Cli.Cuts;
using Emiss.Events.Selection;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss pseudodata --config na64-2016 --seed S --out DIR</c>: a pseudo-data set equivalent to the run card's
/// electrons on target, per run, from the background sources at their physical rates, with the method-1 background
/// estimate beside the seed's Table I.
/// </summary>
internal static class PseudoDataCommand
{
    /// <summary>Events per source and run of the biased background estimate, default.</summary>
    public const long DefaultEstimateEvents = 20_000;

    /// <summary>File in a pseudodata shard with the run's command-line words (without shard, threads and output), from
    /// which <c>emiss merge</c> rebuilds the request.</summary>
    private const string RequestFile = "request.json";

    /// <summary>File in a pseudodata shard with the value of <c>--inject-signal</c> (sealed: no other shard file names it).</summary>
    private const string SealedInjectionFile = "sealed-injection.txt";

    /// <summary>Manifest note of a pseudo-data shard: the campaign's fingerprint (<see cref="PseudoDataCampaign.Fingerprint"/>).</summary>
    private const string CampaignNote = "campaign fingerprint: ";

    public static Command Create() => Build().Command;

    /// <summary>The command and how it turns a parse result into the request (shared by the command and the merge).</summary>
    private static (Command Command, Func<ParseResult, PseudoDataRequest> Request) Build()
    {
        var config = new Option<string>("--config") { Description = "Embedded card name (na64-2016) or a .yaml/.json run card; each run names its set-up", DefaultValueFactory = _ => "na64-2016" };
        var seed = NumericOption.Seed("Master seed (default: the card's seed)", 0);
        var output = new Option<string>("--out") { Description = "Output directory (with --shard: the directory of the run's shards)", DefaultValueFactory = _ => "out/pseudodata" };
        var scale = NumericOption.Real("--eot-scale", "Fraction of each run's electrons on target to generate (tests, quick looks)", 1.0, Interval.LeftOpen(0, 1));
        var sources = new Option<string?>("--sources") { Description = $"Comma-separated sources (default: all): {string.Join(", ", SourceCatalog.All.Select(s => s.Name))}" };
        var estimate = NumericOption.Count("--estimate-events", "Biased events per source and run for backgrounds.csv", DefaultEstimateEvents, 100, 100_000_000);
        var threads = NumericOption.Threads();
        var cuts = new Option<string>("--cuts") { Description = $"Cut card of the selection behind backgrounds.csv: built-in name ({CutsCardLoader.Default}) or a .yaml/.json file", DefaultValueFactory = _ => CutsCardLoader.Default };
        var inject = InjectSignalOption.Create();
        var shard = ShardOption.Create();
        var cmd = new Command("pseudodata", "Pseudo-data equivalent to the card's EOT (per-run Parquet), spill/dead-time records, sealed truth, backgrounds.csv and table1.csv.")
            { config, seed, output, scale, sources, estimate, threads, cuts, inject, shard };
        PseudoDataRequest RequestOf(ParseResult pr)
        {
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            ulong s = pr.GetResult(seed) is { Implicit: false } ? pr.GetValue(seed) : card.Seed;
            IReadOnlyList<IBackgroundSource> chosen = ChooseSources(pr.GetValue(sources));
            double eotScale = pr.GetValue(scale);
            SelectionCuts selection = CutsCardLoader.LoadForPseudoData(pr.GetValue(cuts)!);
            SignalInjection? injection = InjectSignalOption.Resolve(pr.GetValue(inject), card);
            List<PseudoDataRun> runs = RunsOf(card, eotScale);
            var provenance = new Provenance(InjectSignalOption.SealedCommand(pr), s, CardLoader.ToYaml(card))
                .WithNotes($"event schema: {Storage.Events.EventSchema.Identifier}",
                           string.Create(CultureInfo.InvariantCulture, $"eot scale: {eotScale:R}"),
                           "sources: " + string.Join(",", chosen.Select(c => c.Name)));
            return new PseudoDataRequest(runs, s, chosen, pr.GetValue(estimate), selection,
                                         NumericOption.ResolveThreads(pr.GetValue(threads)), provenance) { Injection = injection };
        }
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            ShardSpec? sh = ShardOption.Get(pr, shard);
            PseudoDataRequest request = RequestOf(pr);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            if (sh is { } spec) return RunShard(pr, request, spec, outDir);
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, PseudoDataCampaign.OwnedNames);
            CampaignSummary summary = null!;
            string workDir = outDir + ".pseudodata-work";
            AnsiConsole.Status().Start("pseudo-data", ctx =>
            {
                summary = PseudoDataCampaign.Run(request, workDir, staged.Path, msg => ctx.Status(Markup.Escape(msg)));
            });
            staged.Publish();
            Directory.Delete(workDir, recursive: true);
            Print(summary, outDir, clock.Elapsed);
            return 0;
        }));
        return (cmd, RequestOf);
    }

    /// <summary>The resolved run card of <paramref name="config"/> as the outputs record it (YAML).</summary>
    internal static string ResolvedCard(string config) => CardLoader.ToYaml(CardLoader.Load<LimitCard>(config, c => c.Validate()));

    /// <summary>
    /// One shard of a campaign: every shard plans every run (counts, spills, chunks), takes its block of the runs'
    /// chunks (one chunk = one block) and its whole (run, source) units of the background estimate, and writes them
    /// into OUT/shard-IIII-of-NNNN/ with the run's command-line words for the merge. An injected signal's value is kept
    /// out of the manifest and the words: it goes into the shard's sealed file, and the manifest records the campaign's
    /// fingerprint, so that shards of different injections are foreign to each other.
    /// </summary>
    private static int RunShard(ParseResult pr, PseudoDataRequest request, ShardSpec spec, string outDir) =>
        WriteShard(request, spec, outDir, ShardKinds.PseudoData, ShardOption.RunTokens(pr), _ => []);

    /// <summary>
    /// Writes pseudo-data shard <paramref name="spec"/> of <paramref name="request"/> into OUT/shard-IIII-of-NNNN/ as
    /// <paramref name="kind"/> (pseudodata, or reproduce, whose shards also carry their part of the efficiency scan:
    /// <paramref name="extra"/> writes further files into the staged shard directory and returns their names).
    /// <paramref name="runWords"/> are the command-line words every shard of the run shares.
    /// </summary>
    internal static int WriteShard(PseudoDataRequest request, ShardSpec spec, string outDir, string kind, IReadOnlyList<string> runWords,
                                   Func<string, IReadOnlyList<string>> extra, IReadOnlyList<string>? extraOwnedNames = null)
    {
        IReadOnlyList<RunPlan> plans = PseudoDataCampaign.Plan(request);
        long chunks = ShardCampaign.TotalChunks(plans);
        if (chunks < spec.Count)
            throw new UserInputException("--shard", string.Create(CultureInfo.InvariantCulture,
                $"the campaign's runs make {chunks} chunk(s) of generated events, fewer than the {spec.Count} shards (a shard would be empty)"),
                $"use at most {chunks} shards or a larger --eot-scale");
        (long first, long count) = spec.Range("--shard", 0, chunks, 1);
        (IReadOnlyList<string> sealedWords, string? injection) = InjectSignalOption.Seal(runWords);
        var template = new ShardManifest
        {
            Kind = kind, Provenance = request.Provenance.WithNotes(CampaignNote + PseudoDataCampaign.Fingerprint(request)),
            RunCommand = "emiss " + string.Join(' ', sealedWords), Shard = spec,
            RunFirstEvent = 0, RunEvents = chunks, BlockSize = 1, FirstEvent = first, EventCount = count, Files = [],
        };
        return ShardOption.Run(outDir, template, [.. ShardCampaign.OwnedNames, RequestFile, SealedInjectionFile, .. extraOwnedNames ?? []], dir =>
        {
            AtomicFile.WriteText(Path.Combine(dir, RequestFile), JsonSerializer.Serialize(sealedWords));
            List<string> files = [.. PseudoDataCampaign.RunShard(request, plans, spec.Index, spec.Count, first, count, dir), RequestFile];
            if (injection is not null)
            {
                AtomicFile.WriteText(Path.Combine(dir, SealedInjectionFile), injection);
                files.Add(SealedInjectionFile);
            }
            return [.. files, .. extra(dir)];
        });
    }

    /// <summary>
    /// <c>emiss merge</c> of pseudodata shards: rebuilds the request from the run's command-line words (its card must
    /// still resolve to the one the shards recorded) and writes the single run's files into <paramref name="outDir"/>.
    /// </summary>
    internal static int Merge(IReadOnlyList<ShardManifest> shards, IReadOnlyList<string> shardDirs, string outDir, Provenance merged)
    {
        string[] words = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(shardDirs[0], RequestFile)))
            ?? throw new InvalidDataException($"{shardDirs[0]}/{RequestFile} is empty");
        string sealedPath = Path.Combine(shardDirs[0], SealedInjectionFile);
        (Command cmd, Func<ParseResult, PseudoDataRequest> requestOf) = Build();
        ParseResult pr = new RootCommand { cmd }.Parse([.. InjectSignalOption.Unseal(words, File.Exists(sealedPath) ? File.ReadAllText(sealedPath) : null)]);
        if (pr.Errors.Count > 0) throw new InvalidDataException($"{shardDirs[0]}/{RequestFile}: {pr.Errors[0].Message}");
        PseudoDataRequest request = requestOf(pr);
        if (request.Provenance.ResolvedRunCard != shards[0].Provenance.ResolvedRunCard || request.Seed != shards[0].Provenance.Seed)
            throw new UserInputException("DIR", "the run card the shards' command names no longer resolves to the card they recorded",
                                         "restore the card file the shards were made with, or rerun the shards");
        if (!shards[0].Provenance.Notes.Contains(CampaignNote + PseudoDataCampaign.Fingerprint(request), StringComparer.Ordinal))
            throw new UserInputException("DIR", "the shards' command no longer makes the campaign the shards recorded (a set-up card, the sources or the Emiss build changed)",
                                         "restore the files the shards were made with, or rerun the shards");
        using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, PseudoDataCampaign.OwnedNames);
        CampaignSummary summary = PseudoDataCampaign.Merge(request with { Provenance = merged }, shardDirs, staged.Path);
        staged.Publish();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merged {shards.Count} pseudodata shards ({summary.Runs.Sum(r => r.RecordedEvents)} recorded events in {summary.Runs.Count} runs) → {outDir}"));
        return 0;
    }

    /// <summary>The sources of a comma-separated <c>--sources</c> list (null: the whole catalogue).</summary>
    internal static IReadOnlyList<IBackgroundSource> ChooseSources(string? list)
    {
        if (list is null) return SourceCatalog.All;
        var chosen = new List<IBackgroundSource>();
        foreach (string name in list.Split(',', StringSplitOptions.TrimEntries))
        {
            IBackgroundSource src = SourceCatalog.Find(name)
                ?? throw new UserInputException("--sources", $"unknown source '{name}'", $"use one or more of {string.Join(", ", SourceCatalog.All.Select(x => x.Name))}");
            if (!chosen.Contains(src)) chosen.Add(src);
        }
        return chosen;
    }

    private static void Print(CampaignSummary summary, string outDir, TimeSpan elapsed)
    {
        var t = new Table().AddColumns("run", "EOT", "recorded events", "references (generated)");
        foreach (RunSummary r in summary.Runs)
            t.AddRow(r.Run, r.ElectronsOnTarget.ToString("G3", CultureInfo.InvariantCulture), r.RecordedEvents.ToString(CultureInfo.InvariantCulture),
                     r.ReferenceGenerated.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(t);
        double total = summary.Estimates.Where(e => e.Region == EstimateRegion.Names[EstimateRegion.SignalBox]).Sum(e => e.ExpectedEvents);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"method-1 background in the signal box: {total:G3} events (seed: {SeedTableI.Total}); {outDir} in {elapsed.TotalSeconds:F1} s")));
    }

    /// <summary>The card's runs as pseudo-data runs (run number = position in the card, from 1) with their set-ups and
    /// <paramref name="eotScale"/> of their EOT; a run without a set-up is a user error naming the field.</summary>
    internal static List<PseudoDataRun> RunsOf(LimitCard card, double eotScale)
    {
        var runs = new List<PseudoDataRun>(card.Runs.Count);
        for (int i = 0; i < card.Runs.Count; i++)
        {
            LimitCard.RunSection r = card.Runs[i];
            if (r.Setup is null) throw new UserInputException($"runs[{i}].setup", $"run '{r.Name}' names no detector set-up", "add e.g. 'setup: na64-2016-pbsc' to the run");
            runs.Add(new PseudoDataRun(r.Name, i + 1, SimulateCommand.LoadSetup(r.Setup), r.ElectronsOnTarget * eotScale));
        }
        return runs;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Detector.Beam;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Storage.Events;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss simulate</c>: NA64 beam events through the full detector model (beam line, SR/SRD, calorimeters,
/// pile-up, digitization, trigger) into a Parquet event store (<see cref="EventSchema"/>), with the resolved set-up
/// card, seed and provenance in the file metadata. Example:
/// <c>emiss simulate --setup na64-2016-pbsc --events 100000 --seed 1 --out events.parquet</c>.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Most events of one invocation (10¹²: far beyond one file's useful size; shards cover more).</summary>
    private const long MaxEvents = 1_000_000_000_000;

    /// <summary>Largest first-event index (10¹⁵), so that first + events stays exact and far from overflow.</summary>
    private const long MaxFirstEvent = 1_000_000_000_000_000;

    /// <summary>Largest row group: 65536 events (tens of MB in flight per chunk and thread).</summary>
    private const int MaxChunk = 65_536;

    public static Command Create()
    {
        var setup = SetupOption.Create();
        var events = NumericOption.Count("--events", "Number of beam events", 10_000, 1, MaxEvents, "-n");
        var seed = NumericOption.Seed("Master seed", 1);
        var run = NumericOption.SmallCount("--run", "Run number stored in every row", 1, 0, int.MaxValue);
        var first = NumericOption.Count("--first-event", "Index of the first event (shards use disjoint ranges)", 0, 0, MaxFirstEvent);
        var threads = NumericOption.Threads();
        var chunk = NumericOption.SmallCount("--chunk", "Events per row group (memory grows with it: about 1 kB per event in flight)", 4096, 1, MaxChunk);
        var output = new Option<string>("--out") { Description = "Output Parquet file (default: events.parquet in the current directory)", DefaultValueFactory = _ => "events.parquet" };
        var particle = new Option<string>("--particle") { Description = "Primary species: beam (mixture from the card) | electron | pion | kaon | muon", DefaultValueFactory = _ => "beam" };
        var printSetup = new Option<bool>("--print-setup") { Description = "Print the resolved set-up card (JSON) and exit" };
        var shard = ShardOption.Create();
        var cmd = new Command("simulate", "Simulate NA64 beam events through the detector model into a Parquet event store.")
            { setup, events, seed, run, first, threads, chunk, output, particle, printSetup, shard };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            SetupCard card = LoadSetup(pr.GetValue(setup)!);
            string cardJson = SetupCardJson.Serialize(card);
            if (pr.GetValue(printSetup))
            {
                Console.Out.WriteLine(cardJson);
                return 0;
            }
            // Ranges are checked by the option parsers (events ≤ 1e12 and first event ≤ 1e15 keep every index far below 2⁶³).
            long n = pr.GetValue(events);
            int chunkSize = pr.GetValue(chunk);
            ulong s = pr.GetValue(seed);
            int nThreads = NumericOption.ResolveThreads(pr.GetValue(threads));
            ShardSpec? sh = ShardOption.Get(pr, shard);
            // With --shard, --out names the directory of the run's shards (each in OUT/shard-IIII-of-NNNN/events.parquet).
            string outPath = sh is null ? UserInput.OutputFile("--out", pr.GetValue(output)!) : UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            DetectorSpecies? forced = pr.GetValue(particle) switch
            {
                "beam" => null,
                "electron" => DetectorSpecies.Electron,
                "pion" => DetectorSpecies.PionMinus,
                "kaon" => DetectorSpecies.KaonMinus,
                "muon" => DetectorSpecies.MuonMinus,
                var other => throw new UserInputException("--particle", $"'{other}' is not a primary species", "use beam, electron, pion, kaon or muon"),
            };
            long firstEvent = pr.GetValue(first);
            // A shard covers whole row groups (--chunk events), so its row groups are those of the single run.
            (long First, long Count) range = sh is { } spec ? spec.Range("--shard", firstEvent, n, chunkSize) : (firstEvent, n);
            var request = new SimulationRequest(range.First, range.Count, pr.GetValue(run), chunkSize, nThreads, forced);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, cardJson)
                .WithNotes($"setup: {card.Name}", $"ecal model: {card.Ecal.Model}", $"primary: {pr.GetValue(particle)}", $"event schema: {EventSchema.Identifier}");
            var model = UserInput.Resolve("--setup", () => new DetectorModel(card, s));
            if (sh is not { } shardSpec) return Run(model, request, outPath, provenance, cardJson, nThreads);
            var template = new ShardManifest
            {
                Kind = ShardKinds.Simulate, Provenance = provenance, RunCommand = ShardOption.RunCommand(pr), Shard = shardSpec,
                RunFirstEvent = firstEvent, RunEvents = n, BlockSize = chunkSize, FirstEvent = range.First, EventCount = range.Count, Files = [],
            };
            return ShardOption.Run(outPath, template, [ShardKinds.EventsFile], dir =>
            {
                Run(model, request, Path.Combine(dir, ShardKinds.EventsFile), provenance, cardJson, nThreads);
                return [ShardKinds.EventsFile];
            });
        }));
        return cmd;
    }

    /// <summary>Resolves a set-up card: an embedded YAML card by name (Setups/*.yaml), or a YAML/JSON file
    /// converted to JSON and bound strictly (<see cref="SetupCardJson"/>). Card problems become <see cref="RunCardException"/>s.</summary>
    public static SetupCard LoadSetup(string nameOrPath)
    {
        var (node, source, lines) = CardLoader.ReadJson(nameOrPath, CardSource.Setup);
        string json = node?.ToJsonString() ?? "{}";
        try
        {
            return SetupCardJson.Parse(json);
        }
        catch (SetupCardException e)
        {
            throw lines.Locate(new RunCardException(string.Join("\n", e.Problems.Select(p => $"{source}: {p}")), e));
        }
    }

    private static int Run(DetectorModel model, SimulationRequest request, string outPath, Provenance provenance, string cardJson, int nThreads)
    {
        var clock = Stopwatch.StartNew();
        SimulationSummary summary = null!;
        EventStoreWriter writer = EventStoreWriter.CreateAsync(outPath, model.Card.Ecal.CellsX, model.Card.Ecal.CellsY, model.Card.Hcal.Modules, provenance, cardJson)
            .GetAwaiter().GetResult();
        try
        {
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("simulating", maxValue: request.EventCount);
                    var progress = new SyncProgress(done =>
                    {
                        task.Value = done;
                        double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"simulating [grey]{rate:F0} ev/s[/]");
                    });
                    summary = SimulationPipeline.Run(model, request, b => writer.WriteAsync(b).GetAwaiter().GetResult(), progress);
                });
            writer.CompleteAsync().GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        double secs = clock.Elapsed.TotalSeconds;
        var table = new Table().AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
        string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        table.AddRow("set-up", Markup.Escape(model.Card.Name));
        table.AddRow("events", summary.Events.ToString(CultureInfo.InvariantCulture));
        table.AddRow("e⁻ / hadrons / μ", $"{summary.Electrons} / {summary.Hadrons} / {summary.Muons}");
        table.AddRow("physics triggers (E_ECAL ≲ " + F(model.Card.Trigger.EcalMaxGeV, "F0") + " GeV)", $"{summary.PhysicsTriggers} ({F(100.0 * summary.PhysicsTriggers / Math.Max(summary.Events, 1), "F3")} %)");
        table.AddRow("events with pile-up", $"{summary.WithPileUp} ({F(100.0 * summary.WithPileUp / Math.Max(summary.Events, 1), "F2")} %; Poisson mean {F(model.PileUpMean, "F4")} in {F(model.MaxGateNs, "F0")} ns)");
        table.AddRow("wall time", $"{F(secs, "F2")} s on {nThreads} thread(s)");
        table.AddRow("events/s (per thread)", $"{F(summary.Events / secs, "F0")} ({F(summary.Events / secs / nThreads, "F0")})");
        table.AddRow("output", Markup.Escape(Path.GetFullPath(outPath)));
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>Reports on the calling thread (the pipeline reports from its ordered sink loop).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

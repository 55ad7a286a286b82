using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Exposure;
using Emiss.Analysis.Limits;
using Emiss.Analysis.Sidebands;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Cli.Commands;
using Emiss.Cli.Cuts;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;
using Spectre.Console;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// <c>emiss reproduce [--config na64-2016] [--out results/na64-2016]</c>: the seed's result derived end to end —
/// pseudo-data at the card's EOT, the blind analysis (cut flow, sidebands), method-1 and method-2 backgrounds, the
/// signal efficiency from signal MC through the detector and cuts, unblinding (recorded in the ledger), and the
/// limit with these derived inputs. Each stage is recorded with the checksums of its files, so a rerun skips what is
/// finished and intact and redoes a killed stage and everything after it.
/// </summary>
internal static class ReproduceCommand
{
    /// <summary>Masses (MeV) at which the signal efficiency is simulated; the limit interpolates in ln m between them.</summary>
    public static readonly double[] EfficiencyMassesMeV = [1, 3, 10, 30, 100, 300, 1000];

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Embedded card name (na64-2016) or a .yaml/.json run card; each run names its set-up", DefaultValueFactory = _ => "na64-2016" };
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "results/na64-2016" };
        var seed = NumericOption.Seed("Master seed (default: the card's seed)", 0);
        var scale = NumericOption.Real("--eot-scale", "Fraction of each run's electrons on target to generate (tests, quick looks)", 1.0, Interval.LeftOpen(0, 1));
        var estimate = NumericOption.Count("--estimate-events", "Biased events per background source and run (method 1)", PseudoDataCommand.DefaultEstimateEvents, 100, 100_000_000);
        var signalEvents = NumericOption.Count("--signal-events", "Signal events per mass and run for the efficiency", 4000, 100, 100_000_000);
        var cuts = new Option<string>("--cuts") { Description = $"Cut card: built-in name ({CutsCardLoader.Default}) or a .yaml/.json file", DefaultValueFactory = _ => CutsCardLoader.Default };
        var threads = NumericOption.Threads();
        var inject = InjectSignalOption.Create();
        var shard = ShardOption.Create();
        shard.Description = "Run only shard i of N (0 ≤ i < N) of the heavy stages (pseudo-data chunks, efficiency mass points) into OUT/shard-IIII-of-NNNN/; " +
                            "then the same command without --shard merges the complete shard set and runs the other stages";
        var alphaD = DarkMatterOutputs.AlphaOption();
        var cmd = new Command("reproduce", "Derive the seed's result from simulated events: pseudo-data, blind analysis, backgrounds, efficiency, unblinding, EOT count, limit.")
            { config, output, seed, scale, estimate, signalEvents, cuts, threads, inject, alphaD, shard };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            ShardSpec? spec = ShardOption.Get(pr, shard);
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            SelectionCuts selection = CutsCardLoader.LoadForPseudoData(pr.GetValue(cuts)!);
            if (SidebandSpec.BeamEnergyProblem(selection.Regions, card.Beam.EnergyGeV) is { } beamProblem)
                throw new UserInputException("beam.energyGeV", beamProblem, "use a beam energy above the cut card's regions.sidebandCEcalMaxGeV");
            ulong s = pr.GetResult(seed) is { Implicit: false } ? pr.GetValue(seed) : card.Seed;
            double eotScale = pr.GetValue(scale);
            SignalInjection? injection = InjectSignalOption.Resolve(pr.GetValue(inject), card);
            List<PseudoDataRun> runs = PseudoDataCommand.RunsOf(card, eotScale);
            string outDir = Path.GetFullPath(UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!));
            Directory.CreateDirectory(outDir);
            var settings = new Settings(card, selection, runs, s, pr.GetValue(estimate), pr.GetValue(signalEvents), NumericOption.ResolveThreads(pr.GetValue(threads)),
                new Provenance(InjectSignalOption.SealedCommand(pr), s, CardLoader.ToYaml(card)), outDir) { Injection = injection, AlphaDark = pr.GetValue(alphaD) };
            if (spec is { } one)
                return ReproduceShards.Run(PseudoDataRequestOf(settings), InputsFingerprint(settings), one, outDir, ShardOption.RunTokens(pr),
                                           only => EfficiencyPoints(settings, only));
            Run(settings with { Shards = ReproduceShards.Load(outDir, InputsFingerprint(settings)) });
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reproduce: {outDir} in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }));
        return cmd;
    }

    private sealed record Settings(LimitCard Card, SelectionCuts Cuts, IReadOnlyList<PseudoDataRun> Runs, ulong Seed, long EstimateEvents, long SignalEvents,
                                   int Threads, Provenance Provenance, string Out)
    {
        public SignalInjection? Injection { get; init; }

        /// <summary>The complete shard set of the heavy stages in <see cref="Out"/> (shard order), or null: compute them here.</summary>
        public IReadOnlyList<string>? Shards { get; init; }

        /// <summary>α_D of the dark-matter plane (dark-matter.csv, the report).</summary>
        public double AlphaDark { get; init; } = 0.5;

        /// <summary>ETL spectra of this invocation, shared by the efficiency stage and the limit stage's other mediators:
        /// the four mediators' spectra at one (element, energy, mass) come from one integration pass
        /// (<see cref="EtlSpectrumCache"/>; each bit for bit the spectrum a separate pass gives).</summary>
        public EtlSpectrumCache Etl { get; } = new(LimitCard.Mediators.Select(ModelNames.Mediator));

        public string Data => Path.Combine(Out, "pseudodata");
        public string Analysis => Path.Combine(Out, "analysis");
    }

    private static void Run(Settings st)
    {
        var ledger = new StageLedger(st.Out, InputsFingerprint(st));
        var timing = new ReproduceTiming(st.Threads);
        Stage(ledger, timing, "pseudodata", () => PseudoData(st));
        Stage(ledger, timing, "analysis", () => Analysis(st));
        Stage(ledger, timing, "efficiency", () => Efficiency(st));
        Stage(ledger, timing, "unblinding", () => Unblinding(st));
        Stage(ledger, timing, "systematics", () => ReproduceSystematics.Run(st.Card, st.Cuts, st.Runs, st.Data, st.Analysis, st.Out, st.Seed, st.Threads, st.Provenance));
        Stage(ledger, timing, "exposure", () => Exposure(st)); // eot.csv: EOT counted from reference events, beside the true EOT
        // limit.csv/png/svg, run.yaml, limit-<mediator>.csv, dark-matter.csv, workspace.json, hepdata/, report.html; α_D is its own input.
        Stage(ledger, timing, "limit", () => Limit(st), "alpha_D " + st.AlphaDark.ToString("R", CultureInfo.InvariantCulture));
        // Wall times are not results: timing.csv sits outside every stage's checksummed files (a rerun rewrites it).
        timing.Write(Path.Combine(st.Out, ReproduceTiming.FileName), st.Provenance);
    }

    /// <summary>SHA-256 of everything that decides the stages' results: a rerun with another card, cut set, seed, size,
    /// injection or Emiss build starts over (<see cref="StageLedger"/>).</summary>
    private static string InputsFingerprint(Settings st)
    {
        string text = string.Join("\n",
            "version " + st.Provenance.Version, "commit " + st.Provenance.GitCommit, "seed " + st.Seed.ToString(CultureInfo.InvariantCulture),
            "eot " + string.Join(",", st.Runs.Select(r => r.ElectronsOnTarget.ToString("R", CultureInfo.InvariantCulture))),
            "estimate " + st.EstimateEvents.ToString(CultureInfo.InvariantCulture), "signal " + st.SignalEvents.ToString(CultureInfo.InvariantCulture),
            "inject " + (st.Injection is { } i ? string.Create(CultureInfo.InvariantCulture, $"{i.MassMeV:R},{i.Epsilon:R}") : "none"),
            "cuts " + CutsFingerprint.Sha256(st.Cuts), "card\n" + st.Provenance.ResolvedRunCard);
        return Sha256Hex.OfText(text);
    }

    private static void Stage(StageLedger ledger, ReproduceTiming timing, string name, Func<string[]> run, string? stageInputs = null)
    {
        if (ledger.IsDone(name, stageInputs))
        {
            Console.Out.WriteLine($"{name}: finished earlier (checksums match), skipped");
            timing.Skipped(name);
            return;
        }
        ledger.Running(name);
        var clock = Stopwatch.StartNew();
        string[] files = [];
        AnsiConsole.Status().Start(name, _ => files = run());
        ledger.Done(name, files, stageInputs);
        timing.Done(name, clock.Elapsed);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: done in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static string[] PseudoData(Settings st)
    {
        // New data make a new analysis: the old one (and its unblinding) belonged to other events.
        if (Directory.Exists(st.Analysis)) Directory.Delete(st.Analysis, recursive: true);
        PseudoDataRequest request = PseudoDataRequestOf(st);
        using (StagedDirectory staged = StagedDirectory.Begin("--out", st.Data, PseudoDataCampaign.OwnedNames))
        {
            string work = Path.Combine(st.Out, ".pseudodata-work");
            if (st.Shards is { } shards) PseudoDataCampaign.Merge(request, shards, staged.Path);
            else PseudoDataCampaign.Run(request, work, staged.Path);
            staged.Publish();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);   // kept until the data are published: a killed run resumes from it
        }
        File.Copy(Path.Combine(st.Data, "backgrounds.csv"), Path.Combine(st.Out, "backgrounds.csv"), overwrite: true);
        return [.. Directory.GetFiles(st.Data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(st.Out, f)), "backgrounds.csv"];
    }

    /// <summary>The pseudo-data campaign of the pseudodata stage (every source of the catalogue).</summary>
    private static PseudoDataRequest PseudoDataRequestOf(Settings st) =>
        new(st.Runs, st.Seed, SourceCatalog.All, st.EstimateEvents, st.Cuts, st.Threads, st.Provenance.WithNotes("stage: pseudodata")) { Injection = st.Injection };

    private static string[] Analysis(Settings st)
    {
        Provenance prov = st.Provenance.WithNotes("stage: analysis (blind)");
        var evaluator = new SelectionEvaluator(st.Cuts, st.Runs[0].Card.Ecal.CellsX, st.Runs[0].Card.Ecal.CellsY);
        var sideA = new List<double>();
        var sideC = new List<double>();
        var weightA = new List<double>();
        var weightC = new List<double>();
        BlindDataSet set = BlindDataSet.OpenAsync(st.Data, st.Analysis).GetAwaiter().GetResult();
        try
        {
            CutFlowResult flow = set.CutFlowAsync(st.Cuts).GetAwaiter().GetResult();
            AnalysisOutputs.Write(st.Analysis, st.Data, set, st.Cuts, flow, AnalysisOutputs.Provenance(prov.Command, st.Cuts, set));
            set.ForEachOutsideRegionAsync((_, c) =>
            {
                for (int r = 0; r < c.Count; r++)
                {
                    if (evaluator.LastPassed(c, r) != CutStage.V2) continue;
                    switch (evaluator.RegionOf(c.EcalEnergyGeV[r], c.HcalEnergyGeV[r]))
                    {
                        case SignalRegion.SidebandA: sideA.Add(c.HcalEnergyGeV[r]); weightA.Add(c.Weight[r]); break;
                        case SignalRegion.SidebandC: sideC.Add(c.EcalEnergyGeV[r]); weightC.Add(c.Weight[r]); break;
                    }
                }
            }).GetAwaiter().GetResult();
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        SignalRegions g = st.Cuts.Regions;
        double beam = st.Card.Beam.EnergyGeV;
        SidebandEstimate a = SidebandExtrapolation.Estimate(SidebandSpec.ForA(g, beam), sideA, weightA);
        SidebandEstimate c = SidebandExtrapolation.Estimate(SidebandSpec.ForC(g, st.Runs[0].Card.Trigger.EcalMinGeV, beam), sideC, weightC);
        ReproduceOutputs.WriteSidebands(Path.Combine(st.Out, "sidebands.csv"), prov, [a, c]);
        return ["analysis/cutflow.csv", "analysis/regions.csv", "analysis/" + AnalysisRecord.FileName, "sidebands.csv"];
    }

    private static string[] Efficiency(Settings st)
    {
        IReadOnlyList<SignalEfficiencyPoint> points = st.Shards is { } shards
            ? [.. shards.SelectMany(SignalEfficiencyParts.Read)]
            : EfficiencyPoints(st, null);
        var exposure = st.Runs.Select(r => (r.Name, r.ElectronsOnTarget)).ToList();
        ReproduceOutputs.WriteEfficiency(Path.Combine(st.Out, "efficiency.csv"), st.Provenance.WithNotes("stage: efficiency"), points, exposure, ReproduceOutputs.Combined(points, exposure));
        // The combined cut flow (data, background MC per source, signal MC per mass) needs the signal points, so it is
        // written here rather than by the analysis stage.
        ReproduceCutFlow.Write(Path.Combine(st.Out, "cutflow.csv"), st.Provenance.WithNotes("stage: efficiency (combined cut flow)"),
                               Path.Combine(st.Analysis, "cutflow.csv"), Path.Combine(st.Data, "cutflow-mc.csv"), st.Runs, points);
        return ["efficiency.csv", "cutflow.csv"];
    }

    /// <summary>
    /// The efficiency points of every run and mass, runs outer, masses inner: point u = run index × masses + mass index.
    /// With <paramref name="onlyPoint"/>, only the points it accepts (a shard's share; each point is simulated as in the
    /// whole scan, from its run's and its mass index's streams).
    /// </summary>
    private static List<SignalEfficiencyPoint> EfficiencyPoints(Settings st, Func<int, bool>? onlyPoint)
    {
        IDarkProductionModel production = DarkProductionModels.Create(ModelNames.Mediator(st.Card.Signal.Mediator), ModelNames.Approximation(st.Card.Signal.Production), st.Etl);
        var points = new List<SignalEfficiencyPoint>();
        for (int r = 0; r < st.Runs.Count; r++)
        {
            PseudoDataRun run = st.Runs[r];
            int runBase = r * EfficiencyMassesMeV.Length;
            if (onlyPoint is not null && !Enumerable.Range(runBase, EfficiencyMassesMeV.Length).Any(onlyPoint)) continue;
            points.AddRange(SignalEfficiencyScan.Run(run.Name, run.Number, run.Card, st.Cuts, production, EfficiencyMassesMeV,
                st.Card.Signal.MissingEnergyMinFraction, st.SignalEvents, st.Seed, st.Threads, onlyPoint is null ? null : mi => onlyPoint(runBase + mi)));
        }
        return points;
    }

    private static string[] Unblinding(Settings st)
    {
        BlindDataSet set = BlindDataSet.OpenAsync(st.Data, st.Analysis).GetAwaiter().GetResult();
        try
        {
            if (set.IsBlind)
                set.Unblind(st.Cuts, "emiss reproduce: automated unblinding of pseudo-data after the method-1 and method-2 background estimates",
                            Environment.UserName, DateTimeOffset.UtcNow);
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        Provenance prov = st.Provenance.WithNotes("stage: unblinding");
        set = BlindDataSet.OpenAsync(st.Data, st.Analysis).GetAwaiter().GetResult();
        CutFlowResult flow;
        try
        {
            flow = set.CutFlowAsync(st.Cuts).GetAwaiter().GetResult();
            // The box's events, with their true process (pseudo-data): what the unblinded count is made of.
            AnalysisOutputs.WriteBoxEvents(st.Out, set, st.Cuts, prov);
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var rows = flow.Regions.Where(r => r.Source == "all" && r.Region == CutNames.Of(SignalRegion.SignalBox))
            .Select(r => (IReadOnlyList<object?>)[r.Run, r.Sample, r.Events]).ToList();
        Reporting.Tables.CsvTableWriter.Write(Path.Combine(st.Out, "observed.csv"), prov, ["run", "sample", "events_in_box"], rows);
        File.Copy(Path.Combine(st.Analysis, UnblindingLedger.FileName), Path.Combine(st.Out, UnblindingLedger.FileName), overwrite: true);
        return ["observed.csv", AnalysisOutputs.BoxEventsFile, UnblindingLedger.FileName, "analysis/" + UnblindingLedger.FileName];
    }

    /// <summary>EOT per run counted from the recorded reference events with the dead-time correction (the analysis
    /// layer's <see cref="ReferenceEotCounter"/>), beside the sealed true EOT, readable now that the analysis is unblinded.</summary>
    private static string[] Exposure(Settings st)
    {
        IReadOnlyList<CountedExposure> counts;
        IReadOnlyDictionary<string, double> truth;
        BlindDataSet set = BlindDataSet.OpenAsync(st.Data, st.Analysis).GetAwaiter().GetResult();
        try
        {
            double electronMinGeV = st.Runs[0].Card.Trigger.EcalMaxGeV;
            var calibration = st.Runs.ToDictionary(r => r.Name, r =>
            {
                var (eff, err) = ReferenceElectronEfficiency.Simulate(r.Card, r.Number, electronMinGeV, st.Seed, ReferenceElectronEfficiency.DefaultEvents, st.Threads);
                return new ReferenceCalibration(r.Card.Daq.ReferencePrescale, eff, err);
            });
            counts = ReferenceEotCounter.CountAsync(set, st.Data, run => calibration[run], electronMinGeV).GetAwaiter().GetResult();
            truth = SealedExposure.TrueEot(set, st.Data);
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        if (counts.FirstOrDefault(c => c.ReferenceEvents == 0) is { } none)
            throw new UserInputException("--eot-scale", $"run {none.Run} recorded no reference event, so its EOT cannot be counted", "raise --eot-scale (about 10⁵ EOT per reference event)");
        Provenance prov = st.Provenance.WithNotes("stage: exposure",
            "counted_eot = reference events with E_ECAL above the trigger ceiling x prescale / (live_fraction x electron_id_efficiency); live_fraction: beam-weighted mean over spills; electron_id_efficiency: beam electrons simulated through the detector; stat_err: Poisson of the count and the simulation's binomial error",
            "live_eot = counted_eot x live_fraction: the limit's run normalisation (the signal efficiency contains no dead-time factor); true_eot from the sealed truth; pull = (counted_eot - true_eot) / stat_err");
        var rows = counts.Select(c => (IReadOnlyList<object?>)[c.Run, c.ReferenceEvents, c.Calibration.Prescale, c.LiveFraction, c.Calibration.ElectronEfficiency, c.CountedEot, c.StatError, c.LiveEot,
                                                               truth[c.Run], (c.CountedEot - truth[c.Run]) / c.StatError]).ToList();
        Reporting.Tables.CsvTableWriter.Write(Path.Combine(st.Out, "eot.csv"), prov,
            ["run", "reference_events", "prescale", "live_fraction", "electron_id_efficiency", "counted_eot", "stat_err", "live_eot", "true_eot", "pull"], rows);
        return ["eot.csv"];
    }

    /// <summary>Production approximation of the seed's era, for the comparison beside the derived limit.</summary>
    internal const string EraProduction = "iww";

    /// <summary>Start of the <c>limit.csv</c> note that records the g−2 statement with <see cref="EraProduction"/>.</summary>
    internal const string EraNotePrefix = "g-2 (iww yield of the seed's era, same inputs; comparison only): ";

    private static string[] Limit(Settings st)
    {
        (double[] masses, double[] eff) = ReadCombinedEfficiency(Path.Combine(st.Out, "efficiency.csv"));
        double background = ReadBackgroundTotal(Path.Combine(st.Out, "backgrounds.csv"));
        int observed = ReadObserved(Path.Combine(st.Out, "observed.csv"));
        Dictionary<string, double> liveEot = CsvRows(Path.Combine(st.Out, "eot.csv")).ToDictionary(f => f[0], f => Parse(f[7]));
        double yieldSystematic = ReproduceSystematics.ReadTotal(st.Out);
        if (!(yieldSystematic <= 1))
            throw new UserInputException("--eot-scale", string.Create(CultureInfo.InvariantCulture,
                $"the derived signal-yield systematic is {yieldSystematic:P0} ({ReproduceSystematics.FileName}), beyond the 100 % a limit accepts: a cross-check of the small samples disagrees far beyond its statistics"),
                "raise --eot-scale and --estimate-events, or look at the component in systematics.csv");
        LimitCard derived = st.Card with
        {
            Runs = [.. st.Runs.Select(r => new LimitCard.RunSection(r.Name, liveEot[r.Name], st.Card.Runs.First(c => c.Name == r.Name).Setup))],
            Efficiency = new LimitCard.EfficiencySection(masses, eff),
            Statistics = st.Card.Statistics with { ObservedEvents = observed, ExpectedBackground = background, SignalYieldRelativeUncertainty = yieldSystematic },
            InputSource = string.Create(CultureInfo.InvariantCulture,
                $"derived by emiss reproduce from pseudo-data (seed {st.Seed}): efficiency from signal MC through the detector and cuts (efficiency.csv), EOT per run counted from the reference triggers, live part (eot.csv live_eot = counted x DAQ live fraction), background from method 1 (backgrounds.csv), observed events in the unblinded box (observed.csv), signal-yield systematic from systematics.csv"),
        };
        IReadOnlyList<string> problems = derived.Validate();
        if (problems.Count > 0) throw new EmissInternalException("derived limit inputs are invalid: " + string.Join("; ", problems));
        LimitResult result = LimitComputation.Run(LimitCardRequest.From(derived), st.Etl);
        // The seed's era computed the A′ yield in the improved Weizsäcker–Williams approximation (docs/physics/statistics.md#chronology):
        // the same derived inputs with that yield show how much of the gap to its "m_A′ ≲ 100 MeV" the approximation makes.
        LimitResult? era = derived.Signal.Production == EraProduction ? null
            : LimitComputation.Run(LimitCardRequest.From(derived with { Signal = derived.Signal with { Production = EraProduction } }));
        string yaml = CardLoader.ToYaml(derived);
        string[] notes = ["stage: limit (derived inputs)",
            $"production: {result.ProductionDescription}", $"yield: {result.Scan.YieldModel}", $"efficiency: {result.Scan.EfficiencySource}",
            $"eps90: {result.Scan.SignalLimit.Convention}", LimitOutputs.YieldNote(result.Labels), result.Labels.Inputs,
            "g-2: " + GMinus2Exclusion.Describe(result)];
        if (era is not null) notes = [.. notes, EraNotePrefix + GMinus2Exclusion.Describe(era)];
        Provenance prov = new Provenance(st.Provenance.Command, st.Seed, yaml).WithNotes(notes);
        Console.Out.WriteLine("limit: " + GMinus2Exclusion.Describe(result));
        if (era is not null) Console.Out.WriteLine("limit (same inputs, improved Weizsäcker–Williams yield of the seed's era): " + GMinus2Exclusion.Describe(era));
        LimitOutputs.Write(st.Out, derived, result, prov);
        // Every mediator beside the card's (limit-<mediator>.csv), each with its own signal efficiency from signal MC.
        var (others, mediatorFiles) = ReproduceLimits.Run(st.Out, derived, result, prov, st.Runs, st.Cuts, st.SignalEvents, st.Seed, st.Threads, st.Etl);
        foreach (ReproduceLimits.MediatorRun o in others) Console.Out.WriteLine($"limit ({o.Mediator}): " + GMinus2Exclusion.Describe(o.Result));
        // The dark-matter plane reads the vector limit (the card's, or the derived vector one beside it).
        LimitResult vector = derived.Signal.Mediator == "vector" ? result : others.Single(o => o.Mediator == "vector").Result;
        var darkMatter = DarkMatterOutputs.Points(vector, st.AlphaDark);
        DarkMatterOutputs.WriteCsv(st.Out, darkMatter, st.AlphaDark, prov);
        string[] report = ReproduceReport.Write(st.Out, st.Data, st.Analysis, derived, result, era, others, DarkMatterOutputs.ForReport(darkMatter, st.AlphaDark), st.Cuts, prov);
        // The report redraws limit.png/svg as the seed's exclusion plot (with the BaBar overlay): each name once in the ledger.
        return [.. LimitOutputs.FileNames.Concat(mediatorFiles).Append(DarkMatterOutputs.CsvFile).Concat(report).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string[]> CsvRows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split(','));

    private static (double[] Masses, double[] Efficiency) ReadCombinedEfficiency(string path)
    {
        var rows = CsvRows(path).Where(f => f[0] == "all").Select(f => (M: Parse(f[1]), E: Parse(f[3]))).OrderBy(t => t.M).ToList();
        // A mass where no signal event passed would stop the limit (efficiency must be > 0): the smallest resolvable
        // efficiency is below one event in the sample, which the card's (0, 1] range needs; such a mass is reported as
        // unconstrained rather than invented.
        if (rows.Any(r => !(r.E > 0)))
            throw new EmissInternalException($"{path}: no signal event passed the selection at m = {string.Join(", ", rows.Where(r => !(r.E > 0)).Select(r => r.M))} MeV; raise --signal-events or check the cuts");
        return ([.. rows.Select(r => r.M)], [.. rows.Select(r => r.E)]);
    }

    private static double ReadBackgroundTotal(string path) => Parse(CsvRows(path).Single(f => f[0] == "all" && f[1] == "total")[2]);

    private static int ReadObserved(string path) => CsvRows(path).Sum(f => int.Parse(f[^1], CultureInfo.InvariantCulture));

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

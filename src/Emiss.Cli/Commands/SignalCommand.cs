using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Core.Numerics;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Tables;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Signal.Export;
using Emiss.Signal.Run;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss signal</c>: the A′ signal Monte Carlo over a mass grid. Per mass: an analog yield-mode run (track-length
/// estimator, the yield), a biased yield-mode run (E_miss spectrum, weighted-emission cross-check, HepMC3 sample)
/// and optionally a detector-mode run in the NA64 ECAL+veto+HCAL stack (Parquet signal sample). Writes yield.csv
/// (mA_MeV,n_per_eot_eps1,stat_err,…), emiss_m{m}MeV.png/svg, signal_m{m}MeV.hepmc3 and signal_m{m}MeV.parquet.
/// With <c>--shard i/N</c> it runs one shard's chunks of every pass (<see cref="SignalShards"/>); <c>emiss merge</c>
/// writes the single run's files.
/// </summary>
internal static class SignalCommand
{
    /// <summary>Every file the command writes into --out (a directory holding only these may be replaced).</summary>
    private static readonly string[] FileNames =
        ["yield.csv", "emiss_m*MeV.csv", "emiss_m*MeV.png", "emiss_m*MeV.svg", "emiss_m*MeV.pdf", "signal_m*MeV.hepmc3", "signal_m*MeV.parquet"];

    public static Command Create() => Build().Command;

    /// <summary>The command and how it resolves a parse result into a campaign (shared by the command and <c>emiss merge</c>).</summary>
    internal static (Command Command, Func<ParseResult, SignalRun> Resolve) Build()
    {
        var model = new Option<string>("--model") { Description = "Mediator: vector | scalar | pseudoscalar | axial", DefaultValueFactory = _ => "vector" };
        var method = new Option<string>("--method") { Description = "Production approximation: ww | iww | etl", DefaultValueFactory = _ => "etl" };
        var mass = new Option<string>("--mass-MeV") { Description = "A′ masses in MeV: list (1,10,100) or range (1:1000:log20); each in (0, E_cut = fraction × E0)", Required = true };
        var events = NumericOption.Count("--events", "Electrons per mass for each yield-mode run (≥ 1000 for a meaningful statistical error)", 100_000, 1000, 1_000_000_000);
        var detEvents = NumericOption.Count("--detector-events", "Electrons per mass in the full NA64 detector run (0 = none)", 0, 0, 1_000_000_000);
        var hepmcEvents = NumericOption.SmallCount("--hepmc-events", "At most this many signal events per mass in the HepMC3 file (0 = header only)", 10_000, 0, 10_000_000);
        var beam = NumericOption.Real("--beam-GeV", "Beam energy E0, GeV", 100.0, Interval.LeftOpen(1, 1e4));
        var fraction = NumericOption.Real("--emiss-fraction", "E_cut / E0: count A′ with E_A′ > fraction × E0", 0.5, Interval.Open(0, 1));
        var eps = NumericOption.Real("--eps", "Run coupling ε, small so that emission is rare per event (results are reported at ε = 1)", 1e-4, Interval.LeftOpen(0, 1e-2));
        var bias = NumericOption.OptionalReal("--bias", "Bias factor B (default: automatic, ≈ 0.5 biased emissions per event)", Interval.Closed(1, 1e15));
        var annihilation = new Option<bool>("--annihilation") { Description = "Add resonant e⁺e⁻ → A′ on atomic electrons" };
        var angles = new Option<bool>("--angles") { Description = "Sample the A′ emission angle (default: collinear, invisible-mode convention)" };
        var alphaD = NumericOption.Real("--alpha-d", "α_D for the resonance width (m_χ = m_A′/3)", 0.5, Interval.LeftOpen(0, 1));
        var seed = NumericOption.Seed("Master seed", 20160817UL);
        var threads = NumericOption.Threads();
        var output = new Option<string>("--out") { Description = "Output directory (with --shard: the directory of the run's shards)", Required = true };
        var noCache = LibraryCacheOption.Create("Detector run (--detector-events)");
        var shard = ShardOption.Create();
        var cmd = new Command("signal", "A′ emission inside simulated showers: MC yield vs mass, E_miss spectra, signal samples.")
            { model, method, mass, events, detEvents, hepmcEvents, beam, fraction, eps, bias, annihilation, angles, alphaD, seed, threads, output, noCache, shard };
        SignalRun Resolve(ParseResult pr)
        {
            Mediator med = ModelNames.Mediator(pr.GetValue(model)!);
            ProductionApproximation approx = ModelNames.Approximation(pr.GetValue(method)!);
            double[] masses = UserInput.Resolve("--mass-MeV", () => ValueGrid.Parse(pr.GetValue(mass)!, "--mass-MeV"));
            // Ranges of single options (including those of SignalOptions.Validate) are checked by the option parsers;
            // the mass check below involves E_cut = fraction × E0 and so names both options it depends on.
            long n = pr.GetValue(events), nDet = pr.GetValue(detEvents);
            int nHepMC = pr.GetValue(hepmcEvents), nThreads = NumericOption.ResolveThreads(pr.GetValue(threads));
            double e0 = pr.GetValue(beam), f = pr.GetValue(fraction);
            double epsilon = pr.GetValue(eps), alphaDark = pr.GetValue(alphaD);
            double? biasFactor = pr.GetValue(bias);
            UserInput.Require(masses.All(m => m > 0), "--mass-MeV", "masses must be positive", "e.g. --mass-MeV 1,10,100");
            UserInput.Require(masses.All(m => m * 1e-3 < f * e0), "--mass-MeV",
                string.Create(CultureInfo.InvariantCulture, $"masses must lie below E_cut = --emiss-fraction × --beam-GeV = {f * e0 * 1e3:G6} MeV"),
                "lower the masses, or raise --emiss-fraction or --beam-GeV");
            ShardSpec? sh = ShardOption.Get(pr, shard);
            if (sh is { } spec) spec.Range("--shard", 0, n, SignalRunner.ChunkSize);   // refuses more shards than chunks before any work
            var options = new SignalOptions
            {
                Epsilon = epsilon, BiasFactor = biasFactor, ResonantAnnihilation = pr.GetValue(annihilation),
                AlphaDark = alphaDark, Beam = Energy.FromGeV(e0), SampleAngles = pr.GetValue(angles),
                // the detector pass's shared shower library is valid only when the window starts above its E_switch
                // (SignalOptions.DetectorFastShower); a lower E_cut keeps the detector pass analog, as the card records
                DetectorFastShower = f * e0 >= FastShowerOptions.Default.SwitchGeV ? new SignalOptions().DetectorFastShower : null,
                LibraryDiskCache = !pr.GetValue(noCache),
            };
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            ulong s = pr.GetValue(seed);
            IDarkProductionModel production = DarkProductionModels.Create(med, approx);
            SlabStack ecal = GeometryCatalog.Load("na64-ecal");
            string card = Card(production.Name, masses, n, nDet, e0, f, options, s);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, card)
                .WithNotes($"production: {production.Description}",
                           "yield: shower track-length estimator n*sigma(E; xE > E_cut)*l over e+- steps (docs/physics/aprime-emission.md#yield-estimator), analog yield-mode run in na64-ecal",
                           "analytic: primary-electron Tsai T1 track length in Pb (docs/physics/signal-yield-analytic.md#primary-electron-track-length); the Pb/Sc stack has 98.7 % of its X0 in Pb");
            var settings = new SignalCampaignSettings
            {
                Production = production, MassesMeV = masses, Beam = Energy.FromGeV(e0), MissingEnergyFraction = f, Events = n, DetectorEvents = nDet,
                Options = options, Seed = s, Threads = nThreads, YieldGeometry = ecal, DetectorGeometry = Na64SignalGeometry.Build(),
            };
            return new SignalRun(settings, nHepMC, provenance, outDir, sh);
        }
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            SignalRun run = Resolve(pr);
            if (run.Shard is { } spec) return SignalShards.RunShard(pr, run, spec);
            // Staged before any work: the directory appears at --out only when every mass and yield.csv are written.
            using StagedDirectory staged = StagedDirectory.Begin("--out", run.OutDir, FileNames);
            var times = new StageTimes();
            var points = new List<SignalYieldPoint>();
            foreach (SignalCampaignMass r in SignalCampaign.Run(run.Settings, times))
            {
                WriteMass(staged.Path, r, run, run.Provenance, points);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"time: tables {times.Tables:F1} s, analog run {times.Analog:F1} s, biased run {times.Biased:F1} s ({r.Biased.Emissions} weighted signal events)"));
                times.Restart();   // the next mass starts when the loop asks for it: its table time excludes this mass's writing
            }
            AtomicFile.WriteText(Path.Combine(staged.Path, "yield.csv"), YieldTableCsv.Format(points, run.Provenance));
            staged.Publish();
            return 0;
        }));
        return (cmd, Resolve);
    }

    /// <summary>The resolved card of a parsed signal command line, for <c>emiss submit</c>'s job directory.</summary>
    internal static string ResolvedCard(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        (Command cmd, Func<ParseResult, SignalRun> resolve) = Build();
        return resolve(new RootCommand { cmd }.Parse([.. parsed.Tokens.Select(t => t.Value)])).Provenance.ResolvedRunCard;
    }

    /// <summary>Every file the command writes into --out, for a staged output directory.</summary>
    internal static IReadOnlyList<string> OwnedNames => FileNames;

    /// <summary>Writes one mass's spectrum, HepMC3 and Parquet samples into <paramref name="dir"/>, adds its yield row to <paramref name="points"/> and prints it.</summary>
    internal static void WriteMass(string dir, SignalCampaignMass r, SignalRun run, Provenance provenance, List<SignalYieldPoint> points)
    {
        SignalYieldPoint point = r.Point;
        points.Add(point);
        string tag = MassTag(r.MassMeV);
        Provenance pm = provenance.WithNotes(string.Create(CultureInfo.InvariantCulture, $"mass {r.MassMeV:G6} MeV, bias factor {r.Biased.BiasFactor:G6}"));
        if (r.Detector?.ShowerLibraryDigest is { } library)
            pm = pm.WithNotes($"detector pass: shower library sha256 {library} (docs/physics/fast-mode.md#library-cache: the cache file's name)");
        WriteSpectrum(r.Biased, pm, Path.Combine(dir, $"emiss_{tag}"));
        WriteHepMC(r.Biased, r.Analog, run.HepMCEvents, run.Settings.YieldGeometry, pm, Path.Combine(dir, $"signal_{tag}.hepmc3"));
        AtomicFile.Write(Path.Combine(dir, $"signal_{tag}.parquet"), st => SignalParquetWriter.WriteAsync(st, r.Sample, r.Analog, pm).GetAwaiter().GetResult());
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"m = {r.MassMeV:G6} MeV: n = {r.Analog.Estimator.Value:E4} ± {r.Analog.Estimator.StatError:E2} per EOT (eps = 1), weighted emissions {r.Biased.EmissionsTotal.Value:E4} ± {r.Biased.EmissionsTotal.StatError:E2}, MC/analytic {point.BremRatio:F3}"));
    }

    /// <summary>The file-name tag of a mass, e.g. m10MeV.</summary>
    internal static string MassTag(double massMeV) => string.Create(CultureInfo.InvariantCulture, $"m{massMeV:G6}MeV");

    private static void WriteSpectrum(SignalRunResult r, Provenance p, string stem)
    {
        WeightedHistogram h = r.MissingEnergy;
        double[] edges = [.. Enumerable.Range(0, h.Bins + 1).Select(i => h.Low + i * h.Width)];
        double[] perGeV = [.. h.SumW.Select(w => w / r.Events / h.Width)];
        var data = new ProfilePlotData(string.Create(CultureInfo.InvariantCulture, $"E_miss of A' emission, m = {r.MassGeV * 1e3:G4} MeV ({r.ModelName})"),
            "E_miss = E_A' [GeV]", "dn/dE_miss per EOT at eps = 1 [1/GeV]",
            [ProfileSeries.Histogram("shower MC (weighted)", edges, perGeV)]);
        ProfilePlot.Write(data, p, stem);
        // The figure's curve as a table (the publication-figure convention: every plot with the CSV of its curves).
        CsvTableWriter.Write(stem + ".csv", p, ["Emiss_lo_GeV", "Emiss_hi_GeV", "dn_dEmiss_per_eot_eps1_per_GeV"],
            Enumerable.Range(0, h.Bins).Select(i => (IReadOnlyList<object?>)[edges[i], edges[i + 1], perGeV[i]]));
    }

    private static void WriteHepMC(SignalRunResult r, SignalRunResult yieldPass, int max, SlabStack geometry, Provenance p, string path)
    {
        AtomicFile.Write(path, st =>
        {
            using var tw = new StreamWriter(st, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            using (var w = new HepMC3AsciiWriter(tw, SignalHepMC.WeightNames, "Emiss", p.Version, "A' signal Monte Carlo (emiss signal)",
                       SignalHepMC.RunAttributes(r, yieldPass, p, Math.Clamp(max, 0, r.Kept.Count))))
                foreach (SignalEvent e in r.Kept.Take(max)) w.Write(SignalHepMC.ToEvent(e, r.BeamGeV, r.MassGeV, geometry));
            tw.Flush();
        });
    }

    private static string Card(string model, double[] masses, long n, long nDet, double e0, double f, SignalOptions o, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"schema: emiss-signal/1\nseed: {seed}\nmodel: {model}\nmassGridMeV: [{string.Join(", ", masses.Select(m => m.ToString("G6", CultureInfo.InvariantCulture)))}]\n" +
            $"beamEnergyGeV: {e0}\nmissingEnergyFraction: {f}\nevents: {n}\ndetectorEvents: {nDet}\nepsilon: {o.Epsilon}\n" +
            $"biasFactor: {(o.BiasFactor is double b ? b.ToString("G6", CultureInfo.InvariantCulture) : "auto")}\n" +
            $"resonantAnnihilation: {(o.ResonantAnnihilation ? "true" : "false")}\nalphaDark: {o.AlphaDark}\nsampleAngles: {(o.SampleAngles ? "true" : "false")}\n" +
            // the detector pass's shower library (one per process, shared by its workers; docs/physics/fast-mode.md)
            $"detectorShowers: {DetectorShowers(o)}\n");

    private static string DetectorShowers(SignalOptions o) => o.DetectorFastShower is { } fs
        ? string.Create(CultureInfo.InvariantCulture, $"fast (library below {fs.SwitchGeV} GeV, {fs.EntriesPerBin} showers per bin, seed {fs.Seed})")
        : "analog";

    /// <summary>Seconds per stage of the current mass, timed on the command's clock as the campaign reports them.</summary>
    private sealed class StageTimes : IProgress<SignalCampaignProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _last;

        public double Tables { get; private set; }
        public double Analog { get; private set; }
        public double Biased { get; private set; }

        public void Restart() => _last = _clock.Elapsed.TotalSeconds;

        public void Report(SignalCampaignProgress value)
        {
            double now = _clock.Elapsed.TotalSeconds, dt = now - _last;
            _last = now;
            switch (value.Stage)
            {
                case SignalCampaignStage.TablesBuilt: Tables = dt; break;
                case SignalCampaignStage.AnalogPassDone: Analog = dt; break;
                case SignalCampaignStage.BiasedPassDone: Biased = dt; break;
                default: break;
            }
        }
    }
}

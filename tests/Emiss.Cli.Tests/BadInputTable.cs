using Emiss.Cli.RunCards;
using Emiss.Shower.Geometry;

namespace Emiss.Cli.Tests;

/// <summary>
/// The bad inputs of <see cref="BadInputTests"/>, per command and card type: command-line values (locale numbers,
/// ranges, overflows, unknown names), output locations, missing or broken files, run cards, set-up cards and
/// geometry files. No command reads Parquet or HepMC3 files, so there are no such inputs to test.
/// Every case has a corrected variant; <see cref="BadInputCase.RunCorrected"/> marks the representative subset
/// (at least one per command and card type) whose corrected variant is run: running all of them would re-run the
/// same good command line many times.
/// </summary>
internal static class BadInputTable
{
    private static readonly Dictionary<string, string> NoFiles = [];

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    public static BadInputCase Get(string id) => All.Single(c => c.Id == id);

    private static List<BadInputCase> Build()
    {
        var cases = new List<BadInputCase>();
        Xsec(cases);
        Shower(cases);
        Simulate(cases);
        Signal(cases);
        Limit(cases);
        Project(cases);
        Bench(cases);
        Sharding(cases);
        Verbs(cases);
        return cases;
    }

    /// <summary>A case that changes one option of <paramref name="good"/>.</summary>
    private static void Opt(List<BadInputCase> cases, string id, CommandLine good, string option, string? value, string field, string? output, bool run = false,
        IReadOnlyDictionary<string, string>? files = null) =>
        cases.Add(new BadInputCase(id, field, good.With(option, value).Args(), files ?? NoFiles, good.Args(), files ?? NoFiles, output, run));

    private static void Xsec(List<BadInputCase> c)
    {
        var good = new CommandLine(["xsec"], ("--mass-MeV", "10"), ("--method", "ww"), ("--out", "{dir}/x.csv"));
        string o = "{dir}/x.csv";
        Opt(c, "xsec eps locale comma", good, "--eps", "1,5e-4", "--eps", o, run: true);
        Opt(c, "xsec eps zero", good, "--eps", "0", "--eps", o);
        Opt(c, "xsec eps one", good, "--eps", "1", "--eps", o);
        Opt(c, "xsec eps NaN", good, "--eps", "NaN", "--eps", o);
        Opt(c, "xsec eps word", good, "--eps", "small", "--eps", o);
        Opt(c, "xsec eps infinity", good, "--eps", "Infinity", "--eps", o);
        Opt(c, "xsec x-min one", good, "--x-min", "1", "--x-min", o);
        Opt(c, "xsec x-min negative", good, "--x-min", "-0.1", "--x-min", o);
        Opt(c, "xsec x-min locale comma", good, "--x-min", "0,5", "--x-min", o);
        Opt(c, "xsec energy zero", good, "--energy-GeV", "0", "--energy-GeV", o);
        Opt(c, "xsec energy 1e5", good, "--energy-GeV", "1e5", "--energy-GeV", o);
        Opt(c, "xsec energy range word", good, "--energy-GeV", "1:abc:log3", "--energy-GeV", o);
        Opt(c, "xsec mass negative", good, "--mass-MeV", "-5", "--mass-MeV", o);
        Opt(c, "xsec mass one-point range", good, "--mass-MeV", "1:1000:log1", "--mass-MeV", o);
        Opt(c, "xsec mass semicolon list", good, "--mass-MeV", "1;10", "--mass-MeV", o);
        Opt(c, "xsec mass empty", good, "--mass-MeV", "", "--mass-MeV", o);
        Opt(c, "xsec target unknown", good, "--target", "Xx", "--target", o);
        Opt(c, "xsec method unknown", good, "--method", "vegas", "--method", o);
        Opt(c, "xsec model unknown", good, "--model", "dark", "--model", o);
        Opt(c, "xsec out is a directory", good, "--out", "{dir}", "--out", null);
        Opt(c, "xsec out in missing directory", good, "--out", "{dir}/missing/x.csv", "--out", "{dir}/missing");
        Opt(c, "xsec out under proc", good, "--out", "/proc/emiss-x.csv", "--out", "/proc/emiss-x.csv");
        c.Add(new BadInputCase("xsec mass missing", "--mass-MeV", good.Without("--mass-MeV").Args(), NoFiles, good.Args(), NoFiles, o, false));
        c.Add(new BadInputCase("xsec unknown option", "--mass", good.Without("--mass-MeV").Plus("--mass", "10"), NoFiles, good.Args(), NoFiles, o, false));
        c.Add(new BadInputCase("xsec option without value", "--eps", good.Plus("--eps"), NoFiles, good.Args(), NoFiles, o, false));
        c.Add(new BadInputCase("xsec stray argument", "'ten'", good.Plus("ten"), NoFiles, good.Args(), NoFiles, o, false));
    }

    private static void Shower(List<BadInputCase> c)
    {
        var good = new CommandLine(["shower"], ("--energy-GeV", "0.5"), ("--events", "2"), ("--threads", "1"), ("--out", "{dir}/s"));
        string o = "{dir}/s";
        Opt(c, "shower energy locale comma", good, "--energy-GeV", "0,5", "--energy-GeV", o, run: true);
        Opt(c, "shower energy zero", good, "--energy-GeV", "0", "--energy-GeV", o);
        Opt(c, "shower energy 1e9", good, "--energy-GeV", "1e9", "--energy-GeV", o);
        Opt(c, "shower energy negative", good, "--energy-GeV", "-1", "--energy-GeV", o);
        Opt(c, "shower energy thousands", good, "--energy-GeV", "1,000", "--energy-GeV", o);
        Opt(c, "shower energy apostrophe", good, "--energy-GeV", "1'000", "--energy-GeV", o);
        Opt(c, "shower events zero", good, "--events", "0", "--events", o);
        Opt(c, "shower events overflow", good, "--events", "99999999999", "--events", o);
        Opt(c, "shower events huge", good, "--events", "999999999999999999999", "--events", o);
        Opt(c, "shower events negative", good, "--events", "-3", "--events", o);
        Opt(c, "shower events fraction", good, "--events", "2.5", "--events", o);
        Opt(c, "shower events word", good, "--events", "abc", "--events", o);
        Opt(c, "shower seed negative", good, "--seed", "-1", "--seed", o);
        Opt(c, "shower seed fraction", good, "--seed", "1.5", "--seed", o);
        Opt(c, "shower seed too large", good, "--seed", "99999999999999999999999", "--seed", o);
        Opt(c, "shower threads negative", good, "--threads", "-1", "--threads", o);
        Opt(c, "shower threads 100000", good, "--threads", "100000", "--threads", o);
        Opt(c, "shower beam x NaN", good, "--beam-x-cm", "NaN", "--beam-x-cm", o);
        Opt(c, "shower beam x locale comma", good, "--beam-x-cm", "0,5", "--beam-x-cm", o);
        Opt(c, "shower beam x 1e6", good, "--beam-x-cm", "1e6", "--beam-x-cm", o);
        Opt(c, "shower beam y off the face", good, "--beam-y-cm", "500", "--beam-y-cm", o);
        Opt(c, "shower gamma cut 1 TeV", good, "--gamma-cut-MeV", "1e6", "--gamma-cut-MeV", o);
        Opt(c, "shower gamma cut below tables", good, "--gamma-cut-MeV", "0.001", "--gamma-cut-MeV", o);
        Opt(c, "shower e cut zero", good, "--e-cut-MeV", "0", "--e-cut-MeV", o);
        Opt(c, "shower e cut locale comma", good, "--e-cut-MeV", "1,0", "--e-cut-MeV", o);
        Opt(c, "shower fast switch 20 GeV", good.With("--fast", null), "--fast-switch-GeV", "20", "--fast-switch-GeV", o);
        Opt(c, "shower particle unknown", good, "--particle", "proton", "--particle", o);
        Opt(c, "shower msc unknown", good, "--msc", "goudsmit", "--msc", o);
        Opt(c, "shower msc displacement unknown", good, "--msc-displacement", "never", "--msc-displacement", o);
        Opt(c, "shower muon pair factor below 1", good, "--muon-pair-factor", "0.5", "--muon-pair-factor", o);
        Opt(c, "shower muon pair factor negative", good, "--muon-pair-factor", "-10", "--muon-pair-factor", o);
        Opt(c, "shower muon pair factor locale comma", good, "--muon-pair-factor", "1,5", "--muon-pair-factor", o);
        Opt(c, "shower muon pair factor in fast mode", good.With("--fast", null), "--muon-pair-factor", "100", "--muon-pair-factor", o);
        Opt(c, "shower geometry unknown", good, "--geometry", "nope", "--geometry", o);
        Opt(c, "shower geometry missing file", good, "--geometry", "{dir}/missing.json", "--geometry", o);
        string geometry = EmbeddedGeometry("na64-ecal");
        var broken = new Dictionary<string, string> { ["g.json"] = "{ \"schema\": " };
        var goodGeometry = new Dictionary<string, string> { ["g.json"] = geometry };
        var withGeometry = good.With("--geometry", "{dir}/g.json");
        c.Add(new BadInputCase("shower geometry file not JSON", "--geometry", withGeometry.Args(), broken, withGeometry.Args(), goodGeometry, o, true));
        Geometry(c, "shower geometry file unknown key", withGeometry, geometry.Replace("\"halfWidthCm\"", "\"halfWidth\"", StringComparison.Ordinal), goodGeometry, o);
        Geometry(c, "shower geometry file thickness as text", withGeometry, geometry.Replace("\"thicknessCm\": 0.15", "\"thicknessCm\": \"0,15\"", StringComparison.Ordinal), goodGeometry, o);
        Geometry(c, "shower geometry file negative thickness", withGeometry, geometry.Replace("\"thicknessCm\": 0.15", "\"thicknessCm\": -0.15", StringComparison.Ordinal), goodGeometry, o);
        Geometry(c, "shower geometry file unknown material", withGeometry, geometry.Replace("\"material\": \"Pb\"", "\"material\": \"Unobtainium\"", StringComparison.Ordinal), goodGeometry, o);
        var file = new Dictionary<string, string> { ["taken"] = "a file" };
        c.Add(new BadInputCase("shower out is a file", "--out", good.With("--out", "{dir}/taken").Args(), file, good.Args(), file, null, false));
        c.Add(new BadInputCase("shower out below a file", "--out", good.With("--out", "{dir}/taken/s").Args(), file, good.Args(), file, null, false));
        Opt(c, "shower out under proc", good, "--out", "/proc/emiss-s", "--out", "/proc/emiss-s");
        c.Add(new BadInputCase("shower out missing", "--out", good.Without("--out").Args(), NoFiles, good.Args(), NoFiles, null, false));
        c.Add(new BadInputCase("shower unknown option", "--energy", good.Without("--energy-GeV").Plus("--energy", "5"), NoFiles, good.Args(), NoFiles, o, false));
        c.Add(new BadInputCase("shower flag with value", "'maybe'", good.Plus("--fast", "maybe"), NoFiles, good.Args(), NoFiles, o, false));
        c.Add(new BadInputCase("shower no-library-cache with value", "'maybe'", good.Plus("--no-library-cache", "maybe"), NoFiles, good.Args(), NoFiles, o, false));
    }

    private static void Geometry(List<BadInputCase> c, string id, CommandLine line, string badText, Dictionary<string, string> goodFiles, string output)
    {
        if (badText == goodFiles["g.json"]) throw new InvalidOperationException($"{id}: the mutation did not change the geometry file");
        c.Add(new BadInputCase(id, "--geometry", line.Args(), new Dictionary<string, string> { ["g.json"] = badText }, line.Args(), goodFiles, output, false));
    }

    private static void Simulate(List<BadInputCase> c)
    {
        var good = new CommandLine(["simulate"], ("--events", "3"), ("--threads", "1"), ("--out", "{dir}/e.parquet"));
        string o = "{dir}/e.parquet";
        Opt(c, "simulate events zero", good, "--events", "0", "--events", o, run: true);
        Opt(c, "simulate events overflow", good, "--events", "99999999999999", "--events", o);
        Opt(c, "simulate events thousands", good, "--events", "1,000", "--events", o);
        Opt(c, "simulate events negative (short name)", good.Without("--events"), "-n", "-1", "--events", o);
        Opt(c, "simulate chunk zero", good, "--chunk", "0", "--chunk", o);
        Opt(c, "simulate chunk 2e9", good, "--chunk", "2000000000", "--chunk", o);
        Opt(c, "simulate first event negative", good, "--first-event", "-1", "--first-event", o);
        Opt(c, "simulate first event near 2^63", good, "--first-event", "9223372036854775000", "--first-event", o);
        Opt(c, "simulate run negative", good, "--run", "-1", "--run", o);
        Opt(c, "simulate run fraction", good, "--run", "1.5", "--run", o);
        Opt(c, "simulate seed word", good, "--seed", "abc", "--seed", o);
        Opt(c, "simulate threads 100000", good, "--threads", "100000", "--threads", o);
        Opt(c, "simulate particle unknown", good, "--particle", "proton", "--particle", o);
        Opt(c, "simulate setup unknown", good, "--setup", "nope", "--setup", o);
        Opt(c, "simulate setup missing file", good, "--setup", "{dir}/missing.yaml", "--setup", o);
        Opt(c, "simulate out is a directory", good, "--out", "{dir}", "--out", null);
        Opt(c, "simulate out in missing directory", good, "--out", "{dir}/missing/e.parquet", "--out", "{dir}/missing");
        Opt(c, "simulate out under proc", good, "--out", "/proc/emiss-e.parquet", "--out", "/proc/emiss-e.parquet");
        var txt = new Dictionary<string, string> { ["s.txt"] = "base: na64-2016-pbsc\n" };
        c.Add(new BadInputCase("simulate setup wrong extension", "--setup", good.With("--setup", "{dir}/s.txt").Args(), txt, good.Args(), NoFiles, o, false));

        var card = good.With("--setup", "{dir}/s.yaml");
        const string Base = "base: na64-2016-pbsc\n";
        var goodCard = new Dictionary<string, string> { ["s.yaml"] = Base + "beam:\n  energyGeV: 100\n" };
        void Setup(string id, string text, string field, bool run = false) =>
            c.Add(new BadInputCase(id, field, card.Args(), new Dictionary<string, string> { ["s.yaml"] = text }, card.Args(), goodCard, o, run));
        Setup("setup card energy locale comma", Base + "beam:\n  energyGeV: \"1,5\"\n", "s.yaml:3: beam.energyGeV", run: true);
        Setup("setup card energy unquoted comma", Base + "beam:\n  energyGeV: 1,5\n", "s.yaml:3: beam.energyGeV");
        Setup("setup card energy as list", Base + "beam:\n  energyGeV: [1, 5]\n", "beam.energyGeV");
        Setup("setup card unknown key", Base + "beam:\n  energy: 100\n", "beam.energy");
        Setup("setup card unknown section", Base + "beem:\n  energyGeV: 100\n", "beem");
        Setup("setup card unknown base", "base: na64-2099\n", "base");
        Setup("setup card not YAML", Base + "beam: [\n", "s.yaml");
        Setup("setup card two documents", Base + "---\n" + Base, "s.yaml");
        Setup("setup card unknown absorber", Base + "hcal:\n  absorberMaterial: Unobtainium\n", "hcal.absorberMaterial");
        Setup("setup card knock-on probability one", Base + "srd:\n  hadronKnockOnProbability: 1\n", "srd.hadronKnockOnProbability");
        Setup("setup card spill as text", Base + "beam:\n  particlesPerSpill: lots\n", "beam.particlesPerSpill");
        Setup("setup card pion fraction as text", Base + "beam:\n  composition:\n    pionFraction: \"0,01\"\n", "s.yaml:4: beam.composition.pionFraction");
        Setup("setup card counter efficiency as text", Base + "spectrometer:\n  counters:\n    - name: S1\n      zCm: -3000\n      thicknessCm: 0.5\n      efficiency: high\n      halfWidthCm: 1.5\n",
            "spectrometer.counters[0].efficiency");
        c.Add(new BadInputCase("simulate print-setup with a bad card", "beam.energyGeV", card.With("--print-setup", null).Args(),
            new Dictionary<string, string> { ["s.yaml"] = Base + "beam:\n  energyGeV: \"1,5\"\n" }, card.With("--print-setup", null).Args(), goodCard, null, true));
    }

    private static void Signal(List<BadInputCase> c)
    {
        var good = new CommandLine(["signal"], ("--mass-MeV", "10"), ("--beam-GeV", "2"), ("--events", "1000"), ("--hepmc-events", "5"), ("--threads", "1"),
            ("--out", "{dir}/g"));
        string o = "{dir}/g";
        Opt(c, "signal events 999", good, "--events", "999", "--events", o, run: true);
        Opt(c, "signal events thousands", good, "--events", "1,000", "--events", o);
        Opt(c, "signal detector events negative", good, "--detector-events", "-1", "--detector-events", o);
        Opt(c, "signal hepmc events negative", good, "--hepmc-events", "-1", "--hepmc-events", o);
        Opt(c, "signal hepmc events overflow", good, "--hepmc-events", "99999999999", "--hepmc-events", o);
        Opt(c, "signal beam 1e9 GeV", good, "--beam-GeV", "1e9", "--beam-GeV", o);
        Opt(c, "signal beam 1 GeV", good, "--beam-GeV", "1", "--beam-GeV", o);
        Opt(c, "signal beam locale comma", good, "--beam-GeV", "2,5", "--beam-GeV", o);
        Opt(c, "signal fraction zero", good, "--emiss-fraction", "0", "--emiss-fraction", o);
        Opt(c, "signal fraction one", good, "--emiss-fraction", "1", "--emiss-fraction", o);
        Opt(c, "signal eps 0.5", good, "--eps", "0.5", "--eps", o);
        Opt(c, "signal eps locale comma", good, "--eps", "1,5e-4", "--eps", o);
        Opt(c, "signal bias below one", good, "--bias", "0.5", "--bias", o);
        Opt(c, "signal alpha-d zero", good, "--alpha-d", "0", "--alpha-d", o);
        Opt(c, "signal mass above E_cut", good, "--mass-MeV", "5000", "--mass-MeV", o);
        Opt(c, "signal mass zero", good, "--mass-MeV", "0", "--mass-MeV", o);
        Opt(c, "signal mass list with word", good, "--mass-MeV", "1,abc", "--mass-MeV", o);
        Opt(c, "signal model unknown", good, "--model", "dark", "--model", o);
        Opt(c, "signal method unknown", good, "--method", "exact", "--method", o);
        Opt(c, "signal threads negative", good, "--threads", "-2", "--threads", o);
        Opt(c, "signal seed negative", good, "--seed", "-5", "--seed", o);
        Opt(c, "signal out under proc", good, "--out", "/proc/emiss-g", "--out", "/proc/emiss-g");
        var file = new Dictionary<string, string> { ["taken"] = "a file" };
        c.Add(new BadInputCase("signal out is a file", "--out", good.With("--out", "{dir}/taken").Args(), file, good.Args(), file, null, false));
        c.Add(new BadInputCase("signal mass missing", "--mass-MeV", good.Without("--mass-MeV").Args(), NoFiles, good.Args(), NoFiles, o, false));
    }

    private static void Limit(List<BadInputCase> c)
    {
        // The embedded card with a two-point mass grid, so that the corrected runs take seconds.
        string text = CardLoader.ReadText("na64-2016").Text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"10,100\"", StringComparison.Ordinal);
        var goodCard = new Dictionary<string, string> { ["c.yaml"] = text };
        var limit = new CommandLine(["limit"], ("--config", "{dir}/c.yaml"), ("--out", "{dir}/l"));
        var show = new CommandLine(["config", "show"], ("--config", "{dir}/c.yaml"));
        string o = "{dir}/l";
        Opt(c, "limit production unknown", limit, "--production", "vegas", "--production", o, run: true, files: goodCard);
        Opt(c, "limit model unknown", limit, "--model", "dark", "--model", o, files: goodCard);
        Opt(c, "limit yield unknown", limit, "--yield", "exact", "--yield", o, files: goodCard);
        Opt(c, "limit alpha-d zero", limit, "--alpha-d", "0", "--alpha-d", o, files: goodCard);
        Opt(c, "limit alpha-d locale comma", limit, "--alpha-d", "0,5", "--alpha-d", o, files: goodCard);
        Opt(c, "limit config unknown", limit, "--config", "na64-2099", "--config", o, files: goodCard);
        Opt(c, "limit config missing file", limit, "--config", "{dir}/missing.yaml", "--config", o, files: goodCard);
        Opt(c, "limit out under proc", limit, "--out", "/proc/emiss-l", "--out", "/proc/emiss-l", files: goodCard);
        var taken = new Dictionary<string, string>(goodCard) { ["taken"] = "a file" };
        c.Add(new BadInputCase("limit out is a file", "--out", limit.With("--out", "{dir}/taken").Args(), taken, limit.Args(), taken, null, false));
        var txt = new Dictionary<string, string>(goodCard) { ["c.txt"] = text };
        c.Add(new BadInputCase("limit config wrong extension", "--config", limit.With("--config", "{dir}/c.txt").Args(), txt, limit.Args(), goodCard, o, false));

        var mutations = new (string Id, string From, string To, string Field)[]
        {
            ("energy locale comma", "energyGeV: 100 ", "energyGeV: \"1,5\" ", "c.yaml:10: beam.energyGeV"),
            ("energy 1e9 GeV", "energyGeV: 100 ", "energyGeV: 1e9 ", "beam.energyGeV"),
            ("EOT 1e300", "electronsOnTarget: 1.88e9", "electronsOnTarget: 1e300", "runs[0].electronsOnTarget"),
            ("EOT negative", "electronsOnTarget: 0.87e9", "electronsOnTarget: -1", "runs[1].electronsOnTarget"),
            ("EOT as text", "electronsOnTarget: 1.88e9", "electronsOnTarget: \"1,88e9\"", "runs[0].electronsOnTarget"),
            ("observed negative", "observedEvents: 0 ", "observedEvents: -1 ", "statistics.observedEvents"),
            ("observed fraction", "observedEvents: 0 ", "observedEvents: 0.5 ", "statistics.observedEvents"),
            ("confidence 1.5", "confidenceLevel: 0.90", "confidenceLevel: 1.5", "statistics.confidenceLevel"),
            ("yield systematic in per cent", "signalYieldRelativeUncertainty: 0.19", "signalYieldRelativeUncertainty: 19", "statistics.signalYieldRelativeUncertainty"),
            ("background locale comma", "expectedBackground: 0.15", "expectedBackground: \"0,15\"", "statistics.expectedBackground"),
            ("mass grid one point", "massGridMeV: \"10,100\"", "massGridMeV: \"1:1000:log1\"", "signal.massGridMeV"),
            ("mass grid word", "massGridMeV: \"10,100\"", "massGridMeV: \"10,heavy\"", "signal.massGridMeV"),
            ("unknown geometry", "massGridMeV: \"10,100\"", "massGridMeV: \"10,100\"\n  geometry: no-such-ecal", "signal.geometry"),
            ("missing geometry file", "massGridMeV: \"10,100\"", "massGridMeV: \"10,100\"\n  geometry: /nonexistent/g.json", "signal.geometry"),
            ("MC events 10", "massGridMeV: \"10,100\"", "massGridMeV: \"10,100\"\n  monteCarloEvents: 10", "signal.monteCarloEvents"),
            ("mediator unknown", "mediator: vector", "mediator: dark", "signal.mediator"),
            ("production unknown", "production: etl ", "production: vegas ", "signal.production"),
            ("fraction 1.5", "missingEnergyMinFraction: 0.5", "missingEnergyMinFraction: 1.5", "signal.missingEnergyMinFraction"),
            ("unknown key", "  particle: e-", "  particle: e-\n  charge: -1", "beam.charge"),
            ("schema wrong", "schema: emiss-limit-card/1", "schema: emiss-limit-card/9", "schema"),
            ("material unknown", "material: Pb ", "material: Xx ", "target.material"),
            ("efficiency above one", "signal: [0.69, 0.55]", "signal: [0.69, 1.5]", "efficiency.signal"),
            ("efficiency masses decreasing", "massMeV: [1, 1000]", "massMeV: [1000, 1]", "efficiency.massMeV"),
            ("g-2 band below zero", "deltaAmuSigma: 80e-11", "deltaAmuSigma: 200e-11", "gMinus2"),
            ("seed negative", "seed: 20160817", "seed: -1", "seed"),
            ("not YAML", "beam:\n", "beam: [\n", "c.yaml"),
            ("duplicate key", "name: na64-2016", "name: na64-2016\nname: again", "c.yaml"),
        };
        foreach (var (id, from, to, field) in mutations)
        {
            string bad = text.Replace(from, to, StringComparison.Ordinal);
            if (bad == text) throw new InvalidOperationException($"card mutation '{id}' did not change the card");
            var badCard = new Dictionary<string, string> { ["c.yaml"] = bad };
            bool run = id is "EOT 1e300" or "unknown geometry";
            c.Add(new BadInputCase("limit card " + id, field, limit.Args(), badCard, limit.Args(), goodCard, o, run));
            c.Add(new BadInputCase("config show card " + id, field, show.Args(), badCard, show.Args(), goodCard, null, true));
        }
        // Method 2 extrapolates sideband C (E_ECAL up to 80 GeV) with the beam's bremsstrahlung spectrum: reproduce refuses a
        // beam at or below it before the pseudo-data stage.
        var lowBeam = new Dictionary<string, string> { ["c.yaml"] = text.Replace("energyGeV: 100 ", "energyGeV: 70 ", StringComparison.Ordinal) };
        c.Add(new BadInputCase("reproduce beam below sideband C", "beam.energyGeV",
            ["reproduce", "--config", "{dir}/c.yaml", "--eot-scale", "0.001", "--out", "{dir}/rep"], lowBeam, ["version"], NoFiles, "{dir}/rep", false));
    }

    private static void Project(List<BadInputCase> c)
    {
        // The embedded card with a two-point mass grid and no shower Monte Carlo, so that the corrected run takes seconds.
        string text = CardLoader.ReadText("na64-2016").Text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"10,100\"", StringComparison.Ordinal);
        var card = new Dictionary<string, string> { ["c.yaml"] = text };
        var project = new CommandLine(["project"], ("--config", "{dir}/c.yaml"), ("--eot", "1e10,1e12"), ("--shower-annihilation", "off"), ("--cache", "{dir}/cache"), ("--out", "{dir}/p"));
        string o = "{dir}/p";
        Opt(c, "project eot negative", project, "--eot", "-1e10", "--eot", o, run: true, files: card);
        Opt(c, "project eot above 1e15", project, "--eot", "1e16", "--eot", o, files: card);
        Opt(c, "project eot locale comma", project, "--eot", "1,5e10", "--eot", o, files: card);
        Opt(c, "project beam unknown", project, "--beam", "mu-", "--beam", o, files: card);
        Opt(c, "project energy too low", project, "--energy-GeV", "0.5", "--energy-GeV", o, files: card);
        Opt(c, "project target unknown", project, "--target", "Unobtainium", "--target", o, files: card);
        Opt(c, "project model unknown", project, "--model", "tensor", "--model", o, files: card);
        Opt(c, "project background unknown", project, "--background", "some", "--background", o, files: card);
        Opt(c, "project background mc without from", project, "--background", "mc", "--from", o, files: card);
        Opt(c, "project rate with zero background", project.With("--background-per-eot", "1e-11"), "--background", "zero", "--background-per-eot", o, files: card);
        Opt(c, "project rate negative", project, "--background-per-eot", "-1", "--background-per-eot", o, files: card);
        Opt(c, "project positron monte-carlo", project.With("--beam", "e+"), "--yield", "monte-carlo", "--yield", o, files: card);
        Opt(c, "project alpha-d zero", project, "--alpha-d", "0", "--alpha-d", o, files: card);
        Opt(c, "project annihilation maybe", project, "--shower-annihilation", "maybe", "--shower-annihilation", o, files: card);
        Opt(c, "project efficiency above 1", project, "--efficiency", "1.5", "--efficiency", o, files: card);
    }

    private static void Bench(List<BadInputCase> c)
    {
        var good = new CommandLine(["bench", "shower"], ("--events", "1"), ("--energy-GeV", "0.2"), ("--threads", "1"));
        Opt(c, "bench threads 100000", good, "--threads", "100000", "--threads", null, run: true);
        Opt(c, "bench threads negative", good, "--threads", "-1", "--threads", null);
        Opt(c, "bench events zero", good, "--events", "0", "--events", null);
        Opt(c, "bench events overflow", good, "--events", "99999999999", "--events", null);
        Opt(c, "bench energy zero", good, "--energy-GeV", "0", "--energy-GeV", null);
        Opt(c, "bench energy locale comma", good, "--energy-GeV", "0,2", "--energy-GeV", null);
        Opt(c, "bench geometry unknown", good, "--geometry", "nope", "--geometry", null);
        Opt(c, "bench msc range factor zero", good, "--msc-range-factor", "0", "--msc-range-factor", null);
        Opt(c, "bench msc unknown", good, "--msc", "goudsmit", "--msc", null);
        Opt(c, "bench msc contradicts random hinge", good.With("--random-hinge", null), "--msc", "presta-ii", "--msc", null);
        Opt(c, "bench msc range factor above one", good, "--msc-range-factor", "1.5", "--msc-range-factor", null);
        Opt(c, "bench range rejection negative", good, "--range-rejection-MeV", "-1", "--range-rejection-MeV", null);
        Opt(c, "bench range rejection above 1 GeV", good, "--range-rejection-MeV", "2000", "--range-rejection-MeV", null);
        Opt(c, "bench geometry missing file", good, "--geometry", "{dir}/missing.json", "--geometry", null);
        Opt(c, "bench fast switch zero", good.With("--fast", null), "--fast-switch-GeV", "0", "--fast-switch-GeV", null);
        Opt(c, "bench fast entries zero", good.With("--fast", null), "--fast-entries", "0", "--fast-entries", null);
        var scan = new CommandLine(["bench", "yield-scan"], ("--events", "1000"), ("--masses", "2"), ("--production", "iww"), ("--geometry", "pb-thick"), ("--threads", "1"));
        Opt(c, "bench yield-scan events below 1000", scan, "--events", "999", "--events", null, run: true);
        Opt(c, "bench yield-scan masses zero", scan, "--masses", "0", "--masses", null);
        Opt(c, "bench yield-scan production unknown", scan, "--production", "tree", "--production", null);
        Opt(c, "bench yield-scan geometry unknown", scan, "--geometry", "nope", "--geometry", null);
        var reproduce = new CommandLine(["bench", "reproduce"], ("--eot-scale", "0.001"), ("--threads", "1"));
        Opt(c, "bench reproduce eot-scale locale comma", reproduce, "--eot-scale", "0,001", "--eot-scale", null);
        Opt(c, "bench reproduce eot-scale zero", reproduce, "--eot-scale", "0", "--eot-scale", null);
        Opt(c, "bench reproduce threads negative", reproduce, "--threads", "-1", "--threads", null);
    }

    private static void Sharding(List<BadInputCase> c)
    {
        var good = new CommandLine(["simulate"], ("--events", "3"), ("--threads", "1"), ("--shard", "0/1"), ("--out", "{dir}/shards"));
        string o = "{dir}/shards";
        Opt(c, "simulate shard without slash", good, "--shard", "3", "--shard", o, run: true);
        Opt(c, "simulate shard index not below count", good, "--shard", "2/2", "--shard", o);
        Opt(c, "simulate shard count zero", good, "--shard", "0/0", "--shard", o);
        Opt(c, "simulate more shards than row groups", good, "--shard", "0/4", "--shard", o);
        Opt(c, "simulate shard out is a file", good, "--out", "{dir}/s.txt", "--out", null, files: new Dictionary<string, string> { ["s.txt"] = "x" });
        string[] version = ["version"];
        c.Add(new BadInputCase("merge missing directory", "DIR", ["merge", "{dir}/none"], NoFiles, version, NoFiles, "{dir}/none", false));
        c.Add(new BadInputCase("merge directory without shards", "DIR", ["merge", "{dir}"], NoFiles, version, NoFiles, "{dir}/events.parquet", false));
        // signal and shower shards hold whole chunks (512 and 8 events): more shards than chunks is refused before any work.
        c.Add(new BadInputCase("signal more shards than chunks", "--shard", ["signal", "--mass-MeV", "10", "--events", "1000", "--shard", "0/3", "--out", "{dir}/sig"], NoFiles, version, NoFiles, "{dir}/sig", false));
        c.Add(new BadInputCase("shower more shards than chunks", "--shard", ["shower", "--events", "8", "--shard", "0/2", "--out", "{dir}/sh"], NoFiles, version, NoFiles, "{dir}/sh", false));
        c.Add(new BadInputCase("reproduce shard index not below count", "--shard",
            ["reproduce", "--eot-scale", "0.001", "--shard", "2/2", "--out", "{dir}/rep"], NoFiles, version, NoFiles, "{dir}/rep", false));
        var submit = new CommandLine(["submit", "--slurm", "--dry-run"], ("--shards", "2"));
        c.Add(new BadInputCase("submit unshardable command", "COMMAND", [.. submit.Args(), "--", "limit", "--out", "{dir}/s"], NoFiles,
            [.. submit.Args(), "--", "simulate", "--events", "4", "--chunk", "2", "--out", "{dir}/s"], NoFiles, "{dir}/s", false));
        c.Add(new BadInputCase("submit shards zero", "--shards", [.. submit.With("--shards", "0").Args(), "--", "simulate", "--events", "4", "--chunk", "2", "--out", "{dir}/s"], NoFiles,
            [.. submit.Args(), "--", "simulate", "--events", "4", "--chunk", "2", "--out", "{dir}/s"], NoFiles, "{dir}/s", true));
        c.Add(new BadInputCase("submit bad command option", "COMMAND", [.. submit.Args(), "--", "simulate", "--events", "many", "--out", "{dir}/s"], NoFiles,
            [.. submit.Args(), "--", "simulate", "--events", "4", "--out", "{dir}/s"], NoFiles, "{dir}/s", false));
    }

    private static void Verbs(List<BadInputCase> c)
    {
        string[] version = ["version"];
        c.Add(new BadInputCase("unknown command", "'frobnicate'", ["frobnicate"], NoFiles, version, NoFiles, null, true));
        c.Add(new BadInputCase("unknown config subcommand", "'frob'", ["config", "frob"], NoFiles, ["config", "list"], NoFiles, null, true));
        c.Add(new BadInputCase("bench without subcommand", "bench", ["bench"], NoFiles, version, NoFiles, null, false));
        c.Add(new BadInputCase("version with unknown option", "--foo", ["version", "--foo"], NoFiles, version, NoFiles, null, false));
        c.Add(new BadInputCase("config show unknown card", "--config", ["config", "show", "--config", "nope"], NoFiles, ["config", "show"], NoFiles, null, false));
    }

    private static string EmbeddedGeometry(string name)
    {
        using Stream s = typeof(GeometryCatalog).Assembly.GetManifestResourceStream($"Emiss.Shower.Geometries.{name}.json")!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

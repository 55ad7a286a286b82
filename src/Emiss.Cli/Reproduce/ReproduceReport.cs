using System.Globalization;
using Emiss.Analysis.Blinding;
using Fig2Population = Emiss.Analysis.CutFlow.Fig2Population;
using Fig2Populations = Emiss.Analysis.CutFlow.Fig2Populations;
using Emiss.Analysis.Limits;
using Emiss.Backgrounds.Estimates;
using Emiss.Cli.Commands;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Reporting.HepData;
using Emiss.Reporting.Plots;
using Emiss.Reporting.References;
using Emiss.Reporting.Tables;
using Emiss.Reporting.Report;
using Emiss.Reporting.Workspace;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// Fills the result model of the machine- and human-readable outputs (<c>workspace.json</c>, <c>hepdata/</c>, the
/// figures <c>plane-before</c>, <c>plane-after</c>, <c>cutflow</c>, <c>limit</c>, <c>limit-scalar</c> (.png/.svg) and
/// <c>report.html</c>) from the files the earlier stages of <c>emiss reproduce</c> wrote and the limit results that
/// <c>limit.csv</c> and <c>limit-scalar.csv</c> hold: the numbers in the report are those a user opens.
/// </summary>
internal static class ReproduceReport
{
    public static string[] Write(string outDir, string dataDir, string analysisDir, LimitCard derived, LimitResult limit, LimitResult? eraLimit,
                                 IReadOnlyList<ReproduceLimits.MediatorRun> others, DarkMatterLimit darkMatter, SelectionCuts cuts, Provenance provenance)
    {
        var (plane, populations) = Plane(dataDir, analysisDir, cuts, derived);
        AnalysisResult result = Build(outDir, analysisDir, derived, limit, eraLimit, others, plane) with { DarkMatter = darkMatter };
        CsvTableWriter.Write(Path.Combine(outDir, Fig2PopulationsFile), provenance.WithNotes(
            "populations of the seed's Fig. 2 among the events after the loose SRD cut, outside the blinded region: region II (E_HCAL ≥ the box's HCAL edge and " +
            "E_ECAL + E_HCAL within ±20 % of the beam energy), region III (E_ECAL + E_HCAL above 1.2 × the beam energy, pile-up); run 0 = all runs; " +
            "fraction = weighted events / weighted events after the loose SRD cut"), Fig2Columns,
            populations.Select(r => (IReadOnlyList<object?>)[r.Run, r.Population, r.Events, r.WeightedEvents, r.FractionOfLooseSrd]));
        PyhfWorkspaceWriter.Write(outDir, result, provenance);
        HepDataSubmissionWriter.Write(Path.Combine(outDir, "hepdata"), result, provenance);
        IReadOnlyList<string> figures = ReportFigureFiles.Write(outDir, result, provenance,
            others.ToDictionary(o => o.Mediator, o => o.Provenance, StringComparer.Ordinal));
        HtmlReportWriter.Write(outDir, result, provenance);
        var files = new List<string> { "workspace.json", "workspace.provenance.json", HtmlReportWriter.FileName, Fig2PopulationsFile };
        files.AddRange(figures);
        files.AddRange(Directory.GetFiles(Path.Combine(outDir, "hepdata")).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(outDir, f)));
        return [.. files];
    }

    /// <summary>Name of the Fig. 2 populations file.</summary>
    public const string Fig2PopulationsFile = "fig2-populations.csv";

    /// <summary>Columns of <see cref="Fig2PopulationsFile"/>.</summary>
    public static readonly string[] Fig2Columns = ["run", "population", "events", "weighted_events", "fraction_of_loose_srd"];

    private static AnalysisResult Build(string outDir, string analysisDir, LimitCard derived, LimitResult limit, LimitResult? eraLimit,
                                        IReadOnlyList<ReproduceLimits.MediatorRun> others, EnergyPlane plane)
    {
        var runs = derived.Runs.Select(r => new RunSummary(r.Name, r.ElectronsOnTarget)).ToList();
        var signal = new List<SignalYield>();
        foreach (ExclusionPoint p in limit.Scan.Points)
            foreach (RunSummary r in runs)
                signal.Add(new SignalYield(r.Name, p.MassMeV, p.YieldPerEotEps1 * r.ElectronsOnTarget, p.Efficiency));

        var backgrounds = Csv(Path.Combine(outDir, "backgrounds.csv"))
            .Where(f => f[0] != "all" && f[1] != "total")
            .Select(f => new BackgroundEstimate(f[0], f[1], RowOf(f[1]), D(f[2]), D(f[3]), D(f[4]))).ToList();
        var observed = Csv(Path.Combine(outDir, "observed.csv")).Select(f => new ObservedCount(f[1], long.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
        string[] factorNames = ["trigger", "loose SRD", "track (i)", "SRD (ii)", "ECAL shape (iii)", "V2 (iv)", "HCAL"];
        var efficiencies = Csv(Path.Combine(outDir, "efficiency.csv")).Where(f => f[0] != "all")
            .Select(f => new EfficiencyRow(f[0], D(f[1]), [.. factorNames.Select((n, i) => new EfficiencyFactor(n, Math.Max(D(f[5 + i]), 1e-12)))])).ToList();

        IReadOnlyList<Analysis.Blinding.UnblindingEntry> ledger = UnblindingLedger.Read(analysisDir);
        Reporting.Report.UnblindingEntry? unblinding = ledger.Count > 0
            ? new Reporting.Report.UnblindingEntry(ledger[^1].Who, ledger[^1].Utc, ledger[^1].Reason, ledger[^1].CutsSha256) : null;
        plane = plane with { BoxObserved = unblinding is null ? null : observed.Sum(o => o.Events) };
        var result = new AnalysisResult("NA64 2016 invisible-mode search (PRL 118, 011802), derived from Emiss pseudo-data", runs, signal, backgrounds, observed,
            new Systematics(derived.Statistics.SignalYieldRelativeUncertainty), Rows(limit), CutFlow(Path.Combine(outDir, "cutflow.csv"), derived), efficiencies, plane,
            Band(derived, limit), Comparisons(derived.Signal.Mediator, limit), unblinding)
        {
            Mediator = derived.Signal.Mediator,
            GMinus2 = Statement(limit, eraLimit),
            LimitCaption = Caption(derived, limit, "efficiency.csv"),
            // eot.csv: run,reference_events,prescale,live_fraction,electron_id_efficiency,counted_eot,stat_err,live_eot,true_eot,pull
            Exposure = [.. Csv(Path.Combine(outDir, "eot.csv")).Select(f => new ExposureCount(f[0], D(f[5]), D(f[6]), D(f[7]), D(f[8])))],
            // systematics.csv: component,mA_MeV,value,observed,stat_err,definition — the rows without a mass are the components.
            YieldSystematicComponents = [.. Csv(Path.Combine(outDir, "systematics.csv")).Where(f => f[1].Length == 0 && f[0] != "total")
                .Select(f => new SystematicComponent(f[0], D(f[2]), f[5]))],
            TableINotes = TableINotes(Path.Combine(outDir, "pseudodata", "table1.csv")),
        };
        return result with
        {
            OtherMediators = [.. others.Select(o => new MediatorLimit(o.Mediator, Rows(o.Result), Band(o.Card, o.Result), Statement(o.Result),
                Comparisons(o.Mediator, o.Result), Caption(o.Card, o.Result, o.EfficiencyFile)))],
        };
    }

    /// <summary>The exclusion plot's caption: where the counting inputs come from and which yield the curve uses.</summary>
    private static string Caption(LimitCard card, LimitResult limit, string efficiencyFile) => string.Create(CultureInfo.InvariantCulture,
        $"this analysis: n_obs = {card.Statistics.ObservedEvents} (observed.csv), b = {card.Statistics.ExpectedBackground:G3} (backgrounds.csv),\n" +
        $"{card.Runs.Sum(r => r.ElectronsOnTarget):0.00E+00} EOT, efficiency from signal MC ({efficiencyFile})\n{limit.Labels.YieldShort}");

    private static List<LimitRow> Rows(LimitResult limit) =>
        [.. limit.Scan.Points.Select(p => new LimitRow(p.MassMeV, p.Eps90, p.Expected.Median, p.Expected.Minus1Sigma, p.Expected.Plus1Sigma,
                                                        p.Expected.Minus2Sigma, p.Expected.Plus2Sigma))];

    /// <summary>The (g−2)_μ band of the limit's mediator, labelled with the card's measurement.</summary>
    private static CouplingBand? Band(LimitCard card, LimitResult limit) => limit.Band.Exists
        ? new CouplingBand(card.GMinus2.Label, [.. limit.Scan.Points.Select(p => p.MassMeV)],
                           limit.Band.Lower!, limit.Band.Upper!, limit.Band.Central)
        : null;

    /// <summary>The sentence exactly as limit.csv records it (its "g-2:" note) and the mass where it holds; with
    /// <paramref name="era"/> the same for the seed's-era yield (its "g-2 (iww yield …):" note).</summary>
    private static GMinus2Statement Statement(LimitResult limit, LimitResult? era = null) =>
        new(GMinus2Exclusion.Describe(limit), GMinus2Exclusion.ExcludedUpToMeV(limit),
            era is null ? null : GMinus2Exclusion.Describe(era), era is null ? null : GMinus2Exclusion.ExcludedUpToMeV(era));

    /// <summary>BaBar 2017 bounds ε of a vector A′ decaying invisibly (e⁺e⁻ → γA′); it is no bound on another mediator's coupling.</summary>
    private static List<ComparisonCurve> Comparisons(string mediator, LimitResult limit)
    {
        if (mediator != "vector" || limit.Scan.Points.Count < 2) return [];
        return [BabarInvisible2017.Curve(limit.Scan.Points[0].MassMeV, limit.Scan.Points[^1].MassMeV)];
    }

    /// <summary>cutflow.csv as report rows: every run, sample and source it holds; the run's own data are "data",
    /// a simulated source or another sample keeps its name.</summary>
    private static List<CutFlowRow> CutFlow(string path, LimitCard card)
    {
        var rows = new List<CutFlowRow>();
        foreach (string[] f in Csv(path))
        {
            int number = int.Parse(f[0], CultureInfo.InvariantCulture);
            if (number < 1 || number > card.Runs.Count) continue;
            string run = card.Runs[number - 1].Name;
            string sample = f[1] == run ? (f[2] == "all" ? "data" : f[2]) : f[2] == "all" ? f[1] : $"{f[1]}/{f[2]}";
            rows.Add(new CutFlowRow(run, sample, f[3], D(f[5]), D(f[7])));
        }
        return rows;
    }

    /// <summary>Fig. 2: every event after the loose SRD cut (the report draws a deterministic 1-in-k subsample of both runs)
    /// and every event after all cuts, outside the blinded region: the data set hands out no other rows, before or after
    /// unblinding; the box's count after unblinding is in observed.csv and is written on the figure.</summary>
    private static (EnergyPlane Plane, IReadOnlyList<Fig2Population> Populations) Plane(string dataDir, string analysisDir, SelectionCuts cuts, LimitCard card)
    {
        var populations = new Fig2Populations(cuts, card.Beam.EnergyGeV);
        var eb = new List<double>();
        var hb = new List<double>();
        var ea = new List<double>();
        var ha = new List<double>();
        BlindDataSet set = BlindDataSet.OpenAsync(dataDir, analysisDir).GetAwaiter().GetResult();
        try
        {
            SelectionEvaluator? ev = null;
            set.ForEachOutsideRegionAsync((_, c) =>
            {
                ev ??= new SelectionEvaluator(cuts, c.CellsX, c.CellsY);
                for (int r = 0; r < c.Count; r++)
                {
                    CutStage last = ev.LastPassed(c, r);
                    populations.Add(c, r, last);
                    if (last >= CutStage.LooseSrd)
                    {
                        eb.Add(c.EcalEnergyGeV[r]);
                        hb.Add(c.HcalEnergyGeV[r]);
                    }
                    if (last == CutStage.V2)
                    {
                        ea.Add(c.EcalEnergyGeV[r]);
                        ha.Add(c.HcalEnergyGeV[r]);
                    }
                }
            }).GetAwaiter().GetResult();
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        SignalRegions g = cuts.Regions;
        IReadOnlyList<Fig2Population> counts = populations.Result();
        double? Fraction(string name) => counts.FirstOrDefault(p => p.Run == 0 && p.Population == name)?.FractionOfLooseSrd;
        return (new EnergyPlane([.. eb], [.. hb], [.. ea], [.. ha], new EnergyRegion("signal box", 0, g.EcalMaxGeV, 0, g.HcalMaxGeV),
            [new EnergyRegion("A", 0, g.EcalMaxGeV, g.HcalMaxGeV, card.Beam.EnergyGeV), new EnergyRegion("C", g.EcalMaxGeV, g.SidebandCEcalMaxGeV, 0, g.HcalMaxGeV)])
        {
            RegionIIFraction = Fraction("region_ii"),
            RegionIIIFraction = Fraction("region_iii"),
        }, counts);
    }

    /// <summary>The notes of the pseudo-data's <c>table1.csv</c> (<c>table_row,…,note</c>, the seed's rows in the printed
    /// order, then the total), keyed by the report's rows; none when the file is absent.</summary>
    private static Dictionary<SeedTableRow, string> TableINotes(string path)
    {
        var notes = new Dictionary<SeedTableRow, string>();
        if (!File.Exists(path)) return notes;
        string[][] rows = [.. Csv(path)];
        for (int i = 0; i < SeedTableOne.Rows.Count && i < rows.Length; i++)
            if (rows[i].Length >= 8) notes[SeedTableOne.Rows[i].Row] = rows[i][7];
        return notes;
    }

    private static SeedTableRow RowOf(string source)
    {
        SeedTableI.Row? row = SeedTableI.RowOf(source);
        if (row is null) return SeedTableRow.NotInSeed;
        int i = SeedTableI.Rows.ToList().IndexOf(row);
        return SeedTableOne.Rows[i].Row; // both tables list the seed's rows in the printed order
    }

    private static IEnumerable<string[]> Csv(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(SplitCsv);

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        fields.Add(cur.ToString());
        return [.. fields];
    }

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

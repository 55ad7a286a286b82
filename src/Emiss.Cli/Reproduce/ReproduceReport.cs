using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.Limits;
using Emiss.Backgrounds.Estimates;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Reporting.HepData;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Report;
using Emiss.Reporting.Workspace;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// Fills the result model of the machine- and human-readable outputs (<c>workspace.json</c>, <c>hepdata/</c>,
/// <c>report.html</c>) from the files the earlier stages of <c>emiss reproduce</c> wrote: the numbers in the report are
/// read from the same CSV files a user opens.
/// </summary>
internal static class ReproduceReport
{
    /// <summary>Events of the (E_ECAL, E_HCAL) picture before cuts (a sample is enough for a scatter plot).</summary>
    private const int PlaneSample = 20000;

    public static string[] Write(string outDir, string dataDir, string analysisDir, LimitCard derived, LimitResult limit, SelectionCuts cuts, Provenance provenance)
    {
        AnalysisResult result = Build(outDir, dataDir, analysisDir, derived, limit, cuts);
        PyhfWorkspaceWriter.Write(outDir, result, provenance);
        HepDataSubmissionWriter.Write(Path.Combine(outDir, "hepdata"), result, provenance);
        HtmlReportWriter.Write(outDir, result, provenance);
        var files = new List<string> { "workspace.json", "workspace.provenance.json", HtmlReportWriter.FileName };
        files.AddRange(Directory.GetFiles(Path.Combine(outDir, "hepdata")).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(outDir, f)));
        return [.. files];
    }

    private static AnalysisResult Build(string outDir, string dataDir, string analysisDir, LimitCard derived, LimitResult limit, SelectionCuts cuts)
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
        var limitRows = limit.Scan.Points.Select(p => new LimitRow(p.MassMeV, p.Eps90, p.Expected.Median, p.Expected.Minus1Sigma, p.Expected.Plus1Sigma,
                                                                   p.Expected.Minus2Sigma, p.Expected.Plus2Sigma)).ToList();
        var cutflow = Csv(Path.Combine(outDir, "cutflow.csv")).Where(f => f[2] == "all")
            .Select(f => new CutFlowRow(f[1], "data", f[3], D(f[5]), D(f[7]))).ToList();
        string[] factorNames = ["trigger", "loose SRD", "track (i)", "SRD (ii)", "ECAL shape (iii)", "V2 (iv)", "HCAL"];
        var efficiencies = Csv(Path.Combine(outDir, "efficiency.csv")).Where(f => f[0] != "all")
            .Select(f => new EfficiencyRow(f[0], D(f[1]), [.. factorNames.Select((n, i) => new EfficiencyFactor(n, Math.Max(D(f[5 + i]), 1e-12)))])).ToList();

        IReadOnlyList<Analysis.Blinding.UnblindingEntry> ledger = UnblindingLedger.Read(analysisDir);
        Reporting.Report.UnblindingEntry? unblinding = ledger.Count > 0
            ? new Reporting.Report.UnblindingEntry(ledger[^1].Who, ledger[^1].Utc, ledger[^1].Reason, ledger[^1].CutsSha256) : null;
        CouplingBand? band = limit.Band.Exists
            ? new CouplingBand(derived.GMinus2.Label, [.. limit.Scan.Points.Select(p => p.MassMeV)], limit.Band.Lower!, limit.Band.Upper!, limit.Band.Central)
            : null;
        return new AnalysisResult("NA64 2016 invisible-mode search (PRL 118, 011802), derived from Emiss pseudo-data", runs, signal, backgrounds, observed,
            new Systematics(derived.Statistics.SignalYieldRelativeUncertainty), limitRows, cutflow, efficiencies, Plane(dataDir, analysisDir, cuts, derived),
            band, [], unblinding);
    }

    /// <summary>Fig. 2: a sample of events before the selection and every event after it (outside the blinded region:
    /// the data set hands out no other rows; after unblinding the box is empty in this picture by construction, and its
    /// count is in observed.csv).</summary>
    private static EnergyPlane Plane(string dataDir, string analysisDir, SelectionCuts cuts, LimitCard card)
    {
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
                    if (last >= CutStage.LooseSrd && eb.Count < PlaneSample)
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
        return new EnergyPlane([.. eb], [.. hb], [.. ea], [.. ha], new EnergyRegion("signal box", 0, g.EcalMaxGeV, 0, g.HcalMaxGeV),
            [new EnergyRegion("A", 0, g.EcalMaxGeV, g.HcalMaxGeV, card.Beam.EnergyGeV), new EnergyRegion("C", g.EcalMaxGeV, g.SidebandCEcalMaxGeV, 0, g.HcalMaxGeV)]);
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

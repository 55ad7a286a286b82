using System.Globalization;
using System.Text.RegularExpressions;
using Emiss.Reporting.Report;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// The HTML report in a real browser (Debian's chromium through PuppeteerSharp): it loads without console errors or
/// requests outside the file, every figure renders (decoded, non-blank pixels), and every number in the DOM equals the
/// analysis input it shows — the expected values are computed here from the inputs, not taken from the writer.
/// </summary>
public class HtmlReportBrowserTests(ReportPage page) : IClassFixture<ReportPage>
{
    private static readonly string[] FigureIds = ["fig-plane", "fig-plane-after", "fig-cutflow", "fig-efficiency", "fig-exclusion", "fig-exclusion-scalar", "fig-exclusion-pseudoscalar", "fig-mediators", "fig-dark-matter"];

    [ChromiumFact]
    public async Task Page_loads_without_console_errors_or_outside_requests()
    {
        PageSnapshot s = await page.Snapshot;
        Assert.Empty(s.ConsoleErrors);
        Assert.All(s.Requests, u => Assert.True(u.StartsWith("file://", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), $"request outside the report: {u}"));
        Assert.Empty(s.ExternalAttributes);
    }

    [ChromiumFact]
    public async Task Every_figure_renders()
    {
        PageSnapshot s = await page.Snapshot;
        Assert.Equal(FigureIds, s.Figures.Select(f => f.Id));
        foreach (var f in s.Figures)
        {
            Assert.True(f.Complete && f.NaturalWidth > 0, $"{f.Id}: image not decoded (complete={f.Complete}, naturalWidth={f.NaturalWidth})");
            Assert.True(f.Width > 100 && f.Height > 100, $"{f.Id}: laid out at {f.Width}×{f.Height} px");
            // A plot has axes, labels and data: several per cent of ink and many colours; a blank or broken image has neither.
            Assert.True(f.InkFraction > 0.02 && f.Colours > 16, $"{f.Id}: looks blank (ink {f.InkFraction:P2}, {f.Colours} colours)");
        }
    }

    [ChromiumFact]
    public async Task Numbers_in_the_page_equal_the_inputs()
    {
        PageSnapshot s = await page.Snapshot;
        IReadOnlyDictionary<string, double> expected = ExpectedNumbers(OutputFixtures.Result());
        var shown = s.Numbers.ToDictionary(n => n.Key, n => n);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, want) in expected)
        {
            var (_, value, text) = shown[key];
            double got = double.Parse(value, CultureInfo.InvariantCulture);
            // Exact where the value is an input; sums and ratios are recomputed here, so allow their rounding (1e-12 relative).
            Assert.True(got.Equals(want) || Math.Abs(got - want) <= 1e-12 * Math.Abs(want), $"{key}: page {value}, input {want:R}");
            // The rounded text shown must be the value to four significant digits.
            string t = text.Replace("< ", "", StringComparison.Ordinal);
            if (double.IsFinite(want)) Assert.True(Math.Abs(double.Parse(t, CultureInfo.InvariantCulture) - want) <= 5e-4 * Math.Abs(want), $"{key}: shows '{text}' for {want:R}");
            else Assert.Equal("∞", t);
        }
    }

    [ChromiumFact]
    public async Task Provenance_and_unblinding_entry_are_shown()
    {
        PageSnapshot s = await page.Snapshot;
        var p = OutputFixtures.Provenance;
        UnblindingEntry u = OutputFixtures.Result().Unblinding!;
        Assert.Equal(p.Version, s.Ids["version"]);
        Assert.Equal(p.GitCommit, s.Ids["commit"]);
        Assert.Equal("20160901", s.Ids["seed"]);
        Assert.Equal(p.Command, s.Ids["command"]);
        Assert.Equal(p.RngScheme, s.Ids["rng-scheme"]);
        Assert.Equal(p.ResolvedRunCard, s.Ids["run-card"]);
        Assert.Equal(u.Who, s.Ids["unblinding-who"]);
        Assert.Equal(u.WhenUtc, s.Ids["unblinding-when"]);
        Assert.Equal(u.Reason, s.Ids["unblinding-reason"]);
        Assert.Equal(u.CutHash, s.Ids["unblinding-hash"]);
    }

    [ChromiumFact]
    public async Task The_g_minus_2_statements_are_the_sentences_given()
    {
        PageSnapshot s = await page.Snapshot;
        AnalysisResult r = OutputFixtures.Result();
        Assert.Equal(r.GMinus2!.Text, s.Ids["gm2-text"]);
        Assert.Equal(r.GMinus2.EraText, s.Ids["gm2-era"]);
        Assert.Null(s.Ids["gm2-era-scalar"]);   // no comparison was given for the scalar
        Assert.Equal(r.OtherMediators.Single(m => m.Mediator == "scalar").GMinus2!.Text, s.Ids["gm2-text-scalar"]);
        Assert.Equal(r.OtherMediators.Single(m => m.Mediator == "pseudoscalar").GMinus2!.Text, s.Ids["gm2-text-pseudoscalar"]);
    }

    /// <summary>Every number the report must show, keyed as documented in docs/physics/formats.md#html-report.</summary>
    internal static IReadOnlyDictionary<string, double> ExpectedNumbers(AnalysisResult r)
    {
        static string X(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var e = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (RunSummary run in r.Runs)
        {
            e[$"run/{run.Name}/eot"] = run.ElectronsOnTarget;
            e[$"run/{run.Name}/background"] = r.Backgrounds.Where(b => b.Run == run.Name).Sum(b => b.Expected);
            e[$"run/{run.Name}/observed"] = r.Observed.Single(o => o.Run == run.Name).Events;
        }
        e["total/eot"] = r.Runs.Sum(x => x.ElectronsOnTarget);
        e["total/background"] = r.Backgrounds.Sum(b => b.Expected);
        e["total/observed"] = r.Observed.Sum(o => o.Events);
        e["systematics/signal-yield"] = r.Systematics.SignalYieldRelative;
        e["systematics/eot"] = r.Systematics.EotRelative;
        foreach (CutFlowRow c in r.CutFlow)
        {
            e[$"cutflow/{c.Run}/{c.Sample}/{c.Cut}/events"] = c.Events;
            e[$"cutflow/{c.Run}/{c.Sample}/{c.Cut}/efficiency"] = c.Efficiency;
        }
        foreach (BackgroundEstimate b in r.Backgrounds)
        {
            e[$"background/{b.Run}/{b.Source}/expected"] = b.Expected;
            e[$"background/{b.Run}/{b.Source}/stat"] = b.StatError;
            e[$"background/{b.Run}/{b.Source}/syst"] = b.SystError;
        }
        // The seed's Table I (PRL 118, 011802, for 2.75e9 EOT), typed here from the paper independently of SeedTableOne.
        (string Row, double Seed)[] seed =
            [("PunchThroughPhotons", 0.001), ("HadronLoss", 0.01), ("DimuonMuonLoss", 0.01), ("BeamlineInteractions", 0.03), ("Decays", 0.03), ("PileUp", 0.05), ("TargetInteractions", 0.02)];
        double eot = r.Runs.Sum(x => x.ElectronsOnTarget), scale = 2.75e9 / eot;
        e["tableI/scale"] = scale;
        e["tableI/eot"] = eot;
        foreach (var (row, value) in seed)
        {
            double ours = scale * r.Backgrounds.Where(b => b.SeedRow.ToString() == row).Sum(b => b.Expected);
            e[$"tableI/{row}/ours"] = ours;
            e[$"tableI/{row}/seed"] = value;
            e[$"tableI/{row}/ratio"] = ours / value;
        }
        e["tableI/NotInSeed/ours"] = scale * r.Backgrounds.Where(b => b.SeedRow == SeedTableRow.NotInSeed).Sum(b => b.Expected);
        e["tableI/total/ours"] = scale * r.Backgrounds.Sum(b => b.Expected);
        e["tableI/total/seed"] = 0.15;
        e["tableI/total/ratio"] = scale * r.Backgrounds.Sum(b => b.Expected) / 0.15;
        foreach (EfficiencyRow row in r.Efficiencies)
        {
            string m = X(row.MassMeV);
            e[$"efficiency/{row.Run}/{m}/mass"] = row.MassMeV;
            foreach (EfficiencyFactor f in row.Factors) e[$"efficiency/{row.Run}/{m}/{f.Name}"] = f.Value;
            e[$"efficiency/{row.Run}/{m}/overall"] = row.Factors.Aggregate(1.0, (p, f) => p * f.Value);
        }
        void Limit(string prefix, IReadOnlyList<LimitRow> rows)
        {
            foreach (LimitRow l in rows)
            {
                string m = X(l.MassMeV);
                e[$"{prefix}/{m}/mass"] = l.MassMeV;
                e[$"{prefix}/{m}/observed"] = l.Observed;
                e[$"{prefix}/{m}/expected"] = l.ExpectedMedian;
                e[$"{prefix}/{m}/minus1"] = l.ExpectedMinus1Sigma;
                e[$"{prefix}/{m}/plus1"] = l.ExpectedPlus1Sigma;
                e[$"{prefix}/{m}/minus2"] = l.ExpectedMinus2Sigma;
                e[$"{prefix}/{m}/plus2"] = l.ExpectedPlus2Sigma;
            }
        }
        Limit("limit", r.Limit);
        if (r.GMinus2?.ExcludedUpToMeV is { } upTo) e[$"gm2/{r.Mediator}/excluded-up-to"] = upTo;
        if (r.GMinus2?.EraExcludedUpToMeV is { } eraUpTo) e[$"gm2/{r.Mediator}/excluded-up-to-iww"] = eraUpTo;
        foreach (MediatorLimit other in r.OtherMediators)
        {
            Limit($"limit-{other.Mediator}", other.Limit);
            if (other.GMinus2?.ExcludedUpToMeV is { } m) e[$"gm2/{other.Mediator}/excluded-up-to"] = m;
        }
        if (r.DarkMatter is { } dm)
        {
            e["dark-matter/alpha-d"] = dm.AlphaDark;
            Limit("dark-matter", dm.Rows);
        }
        if (r.Plane is { } plane)
        {
            e["plane/after-cuts"] = plane.EcalAfterGeV.Length;
            if (plane.BoxObserved is { } n) e["plane/box-observed"] = n;
        }
        return e;
    }
}

/// <summary>Static checks of the report text that need no browser.</summary>
public partial class HtmlReportTextTests
{
    [Fact]
    public void Report_is_self_contained_and_escapes_its_text()
    {
        string html = HtmlReportWriter.Format(OutputFixtures.Result(), OutputFixtures.Provenance);
        Assert.DoesNotMatch(Outside(), html);
        // The run card is shown as text, not markup (the provenance comment at the top holds it verbatim, inert in a comment).
        string body = html[html.IndexOf("<html", StringComparison.Ordinal)..];
        Assert.Contains("&lt;b&gt;not html&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>not html</b>", body, StringComparison.Ordinal);
        Assert.Contains("(test statement &lt;i&gt;not html&lt;/i&gt;)</span>", body, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n<!--\n  emiss ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Blind_report_says_the_box_is_closed()
    {
        string html = HtmlReportWriter.Format(OutputFixtures.Result(unblinded: false), OutputFixtures.Provenance);
        Assert.Contains("id=\"unblinding-none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unblinding-who\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key=\"plane/box-observed\"", html, StringComparison.Ordinal);
        Assert.Contains("the signal box is blind", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_is_deterministic()
    {
        Assert.Equal(HtmlReportWriter.Format(OutputFixtures.Result(), OutputFixtures.Provenance), HtmlReportWriter.Format(OutputFixtures.Result(), OutputFixtures.Provenance));
    }

    /// <summary>Any URL a browser would fetch: src/href not data: or #, CSS url(...) or @import of a remote resource.</summary>
    [GeneratedRegex(@"(?:src|href)\s*=\s*""(?!data:|#)|url\(\s*['""]?(?!data:)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex Outside();
}

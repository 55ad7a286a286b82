using System.Text.RegularExpressions;
using Emiss.Reporting.Embedding;
using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class LimitCommandTests
{
    /// <summary>The embedded NA64-2016 card with a 4-point mass grid, to keep the test quick.</summary>
    private static string SmallCard(string dir, string production = "iww")
    {
        var (text, _, _) = RunCards.CardLoader.ReadText("na64-2016");
        text = text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"1,10,100,400\"", StringComparison.Ordinal)
                   .Replace("production: etl", "production: " + production, StringComparison.Ordinal);
        string path = Path.Combine(dir, "card.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Writes_csv_png_svg_and_a_run_card_that_reproduces_the_result()
    {
        string dir = TestScratch.NewDirectory("limit");
        string outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--out", outDir);
        Assert.True(code == 0, stderr + stdout);
        foreach (string f in new[] { "limit.csv", "limit.png", "limit.svg", "limit.pdf", "run.yaml" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);

        CsvTable t = CsvTable.Read(Path.Combine(outDir, "limit.csv"));
        Assert.Equal(["mA_MeV", "eps90"], t.Columns.Take(2));
        Assert.Contains("eps90_exp_median", t.Columns);
        Assert.Contains(t.Comments, c => c.Contains("run card:", StringComparison.Ordinal));
        Assert.Contains(t.Comments, c => c.Contains("seed: 20160817", StringComparison.Ordinal));
        double[] eps = t.Doubles("eps90"), n = t.Doubles("n_per_eot_eps1"), eff = t.Doubles("efficiency");
        for (int i = 0; i < eps.Length; i++)
            Tolerance.Rel(1e-9, "ε90 = sqrt(ln10/S1) at n_obs = 0 (docs/physics/statistics.md#cls, docs/physics/statistics.md#exclusion-contour)").AssertClose(
                Math.Sqrt(Math.Log(10) / (2.75e9 * eff[i] * n[i])), eps[i], $"eps90 row {i}");

        IReadOnlyList<KeyValuePair<string, string>> png = PngTextChunks.Read(File.ReadAllBytes(Path.Combine(outDir, "limit.png")));
        Assert.Contains(png, kv => kv.Key == "emiss.git_commit");
        Assert.Contains("<metadata", File.ReadAllText(Path.Combine(outDir, "limit.svg")), StringComparison.Ordinal);

        // The recorded run card is itself a valid card that reproduces the numbers.
        string again = Path.Combine(dir, "again");
        var (code2, _, stderr2) = EmissProcess.Run("limit", "--config", Path.Combine(outDir, "run.yaml"), "--out", again);
        Assert.True(code2 == 0, stderr2);
        Assert.Equal(eps, CsvTable.Read(Path.Combine(again, "limit.csv")).Doubles("eps90"));
    }

    [Fact]
    public void Monte_Carlo_yield_agrees_with_the_analytic_track_length_yield()
    {
        // docs/physics/signal-yield-analytic.md#approximation-and-known-bias: the primary-only Tsai T1 overestimates the track length by 5–15% at 50–90 GeV
        // while secondaries and LPM add ~10%: MC/analytic is expected within ~0.93–1.10 for the ETL
        // spectrum. (IWW, harder as x → 1, weights E just above E_cut, where secondaries add ~20% to T:
        // MC/analytic ≈ 1.15 there, as V14's e± track lengths at 50 GeV imply.)
        string dir = TestScratch.NewDirectory("limit-mc");
        string card = SmallCard(dir, "etl");
        File.WriteAllText(card, File.ReadAllText(card).Replace("massGridMeV: \"1,10,100,400\"", "massGridMeV: \"10,100\"\n  monteCarloEvents: 5000", StringComparison.Ordinal));
        var (c1, _, e1) = EmissProcess.Run("limit", "--config", card, "--out", Path.Combine(dir, "a"));
        var (c2, _, e2) = EmissProcess.Run("limit", "--config", card, "--yield", "monte-carlo", "--out", Path.Combine(dir, "mc"));
        Assert.True(c1 == 0 && c2 == 0, e1 + e2);
        double[] analytic = CsvTable.Read(Path.Combine(dir, "a", "limit.csv")).Doubles("n_per_eot_eps1");
        double[] mc = CsvTable.Read(Path.Combine(dir, "mc", "limit.csv")).Doubles("n_per_eot_eps1");
        for (int i = 0; i < mc.Length; i++) Assert.InRange(mc[i] / analytic[i], 0.93, 1.10);
        Assert.Contains("yieldModel: monte-carlo", File.ReadAllText(Path.Combine(dir, "mc", "run.yaml")), StringComparison.Ordinal);
        string notes = string.Join("\n", CsvTable.Read(Path.Combine(dir, "mc", "limit.csv")).Comments.Where(c => c.StartsWith("note:", StringComparison.Ordinal)));
        Assert.Contains("yield model: shower Monte Carlo", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("--yield monte-carlo", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_override_changes_the_yield_and_is_recorded()
    {
        string dir = TestScratch.NewDirectory("limit-ww");
        var (code, _, stderr) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--production", "ww", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, stderr);
        Assert.Contains("production: ww", File.ReadAllText(Path.Combine(dir, "o", "run.yaml")), StringComparison.Ordinal);
        var (code2, _, stderr2) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--out", Path.Combine(dir, "iww"));
        Assert.True(code2 == 0, stderr2);
        // The card's IWW vs the WW override: WW and IWW yields part by tens of per cent at m ≳ 100 MeV
        // (Liu, Morrissey, Yu, PRD 95, 036010 (2017), Fig. 4), so the override must change them there.
        CsvTable ww = CsvTable.Read(Path.Combine(dir, "o", "limit.csv")), iww = CsvTable.Read(Path.Combine(dir, "iww", "limit.csv"));
        double[] mass = ww.Doubles("mA_MeV"), nWw = ww.Doubles("n_per_eot_eps1"), nIww = iww.Doubles("n_per_eot_eps1");
        for (int i = 0; i < mass.Length; i++)
            if (mass[i] >= 100) Assert.True(Math.Abs(nWw[i] / nIww[i] - 1) > 0.01, $"WW/IWW = {nWw[i] / nIww[i]} at {mass[i]} MeV");
        Assert.Contains(ww.Comments, c => c.Contains("production: vector boson, Weizs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_output_says_which_inputs_are_given_and_that_the_analytic_yield_is_a_primary_electron_bound()
    {
        string dir = TestScratch.NewDirectory("limit-labels");
        string outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--out", outDir);
        Assert.True(code == 0, stderr + stdout);
        string[] given = ["inputs given, not computed by Emiss", "observed events 0", "expected background 0.15", "signal efficiency 0.69 → 0.55",
                          "electrons on target 2.75E+09", "source: published values of NA64, PRL 118, 011802 (2017)"];
        string[] yield = ["yield model: primary-electron bound", "lower bound on the shower yield", "run with --yield monte-carlo for the shower yield"];
        string csvHeader = string.Join("\n", CsvTable.Read(Path.Combine(outDir, "limit.csv")).Comments);
        string yamlHeader = string.Join("\n", File.ReadAllLines(Path.Combine(outDir, "run.yaml")).TakeWhile(l => l.StartsWith('#')));
        string pngNotes = PngTextChunks.Read(File.ReadAllBytes(Path.Combine(outDir, "limit.png"))).Single(kv => kv.Key == "emiss.notes").Value;
        string svg = File.ReadAllText(Path.Combine(outDir, "limit.svg"));
        foreach (string header in new[] { csvHeader, yamlHeader, pngNotes, stdout })
            foreach (string phrase in given.Concat(yield))
                Assert.Contains(phrase, Regex.Replace(header, @"\s+", " "), StringComparison.Ordinal);   // the console wraps long lines
        // The figure's caption (drawn text, not only metadata).
        Assert.Contains("given inputs: n_obs = 0, b = 0.15", svg, StringComparison.Ordinal);
        Assert.Contains("yield: primary-electron track length (a lower bound on the shower yield)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_card_key_fails_before_any_output_is_written()
    {
        string dir = TestScratch.NewDirectory("limit-bad");
        string card = SmallCard(dir);
        File.WriteAllText(card, File.ReadAllText(card).Replace("observedEvents:", "observedEvent:", StringComparison.Ordinal));
        var (code, _, stderr) = EmissProcess.Run("limit", "--config", card, "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(": statistics.observedEvent:", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'observedEvents'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "o")));
    }

    [Fact]
    public void Bad_override_is_rejected_with_the_allowed_values()
    {
        string dir = TestScratch.NewDirectory("limit-override");
        var (code, _, stderr) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--production", "exact", "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: --production:", stderr, StringComparison.Ordinal);
        Assert.Contains("ww, iww, etl", stderr, StringComparison.Ordinal);
    }
}

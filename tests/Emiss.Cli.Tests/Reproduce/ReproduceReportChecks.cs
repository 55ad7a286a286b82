using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Emiss.Reporting.Embedding;
using Xunit;

namespace Emiss.Cli.Tests.Reproduce;

/// <summary>
/// The result outputs of a finished <c>emiss reproduce</c> against the CSV files beside them: the report's numbers
/// (data-value of each data-key, docs/physics/formats.md#html-report) equal limit.csv, limit-scalar.csv and
/// cutflow.csv; the g−2 sentences equal the notes the limit files record; the figure files carry the provenance.
/// </summary>
internal static partial class ReproduceReportChecks
{
    public static readonly string[] FigureStems = ["limit", "limit-scalar", "limit-pseudoscalar", "limit-axial", "cutflow", "plane-before", "plane-after", "mediators", "dark-matter-plane"];

    private static readonly string[] Others = ["scalar", "pseudoscalar", "axial"];

    public static void Check(string outDir, ulong seed)
    {
        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var values = DataKey().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Value, StringComparer.Ordinal);
        foreach (string id in new[] { "fig-plane", "fig-plane-after", "fig-cutflow", "fig-efficiency", "fig-exclusion", "fig-exclusion-scalar", "fig-exclusion-pseudoscalar", "fig-exclusion-axial", "fig-mediators", "fig-dark-matter" })
            Assert.Contains($"<figure id=\"{id}\">", html, StringComparison.Ordinal);

        // limit.csv and limit-<mediator>.csv: same columns, every row in the report under its prefix; dark-matter.csv under "dark-matter".
        string[] vector = Data(Path.Combine(outDir, "limit.csv"));
        var files = new List<(string[] File, string Prefix)> { (vector, "limit") };
        foreach (string m in Others)
        {
            string[] other = Data(Path.Combine(outDir, $"limit-{m}.csv"));
            Assert.Equal(vector[0], other[0]);
            Assert.Equal(vector.Length, other.Length);
            files.Add((other, $"limit-{m}"));
        }
        // dark-matter.csv: mA_MeV,mchi_MeV,eps90,y90,y90_exp_median,... — keyed by m_χ, values from y90 on.
        string[] dm = Data(Path.Combine(outDir, "dark-matter.csv"));
        foreach (var (file, prefix) in files)
            CheckRows(values, prefix, file.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1..7])));
        CheckRows(values, "dark-matter", dm.Skip(1).Select(l => l.Split(',')).Select(f => (f[1], f[3..9])));
        // Each further mediator's efficiency column is its own signal MC (efficiency-<mediator>.csv), not the vector's.
        foreach (string m in Others)
        {
            string[] limit = Data(Path.Combine(outDir, $"limit-{m}.csv"));
            string eff1 = Data(Path.Combine(outDir, $"efficiency-{m}.csv")).Single(l => l.StartsWith("all,1,", StringComparison.Ordinal)).Split(',')[3];
            Assert.Equal(Number(eff1), Number(limit[1].Split(',')[9]));
            Assert.NotEqual(vector[1].Split(',')[9], limit[1].Split(',')[9]);
        }

        // The g−2 sentence of each mediator equals the note its CSV records, and the mass it names is the one in the page;
        // the pseudoscalar and the axial have no band (one-loop Δa_μ < 0) and say so.
        foreach (var (file, id, mediator) in new[] { ("limit.csv", "gm2-text", "vector") }.Concat(Others.Select(m => ($"limit-{m}.csv", $"gm2-text-{m}", m))))
        {
            string note = File.ReadLines(Path.Combine(outDir, file)).Single(l => l.StartsWith("# note: g-2: ", StringComparison.Ordinal))["# note: g-2: ".Length..];
            Match m = Regex.Match(html, $"<span id=\"{id}\">([^<]*)</span>");
            Assert.True(m.Success, $"report has no {id}");
            Assert.Equal(note, WebUtility.HtmlDecode(m.Groups[1].Value));
            if (mediator is "pseudoscalar" or "axial")
                Assert.StartsWith("no (g−2)μ favoured band", note, StringComparison.Ordinal);
            else if (values.TryGetValue($"gm2/{mediator}/excluded-up-to", out string? upTo))
                Assert.Contains($"m_A′ ≤ {Number(upTo).ToString("G3", CultureInfo.InvariantCulture)} MeV", note, StringComparison.Ordinal);
            else
                Assert.Contains("not excluded", note, StringComparison.Ordinal);
        }

        // The same statement with the improved Weizsäcker–Williams yield of the seed's era (limit.csv's comparison note): in the
        // page as recorded, and never a smaller mass than the exact-tree-level limit's (IWW overestimates the yield above
        // a few MeV, docs/physics/dark-production.md#approximation-ordering).
        {
            const string prefix = "# note: g-2 (iww yield of the seed's era, same inputs; comparison only): ";
            string eraNote = File.ReadLines(Path.Combine(outDir, "limit.csv")).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
            Match era = Regex.Match(html, "<span id=\"gm2-era\">([^<]*)</span>");
            Assert.True(era.Success, "report has no gm2-era");
            Assert.Equal(eraNote, WebUtility.HtmlDecode(era.Groups[1].Value));
            if (values.TryGetValue("gm2/vector/excluded-up-to-iww", out string? eraUpTo))
            {
                Assert.Contains($"m_A′ ≤ {Number(eraUpTo).ToString("G3", CultureInfo.InvariantCulture)} MeV", eraNote, StringComparison.Ordinal);
                if (values.TryGetValue("gm2/vector/excluded-up-to", out string? etlUpTo))
                    Assert.True(Number(eraUpTo) >= Number(etlUpTo), $"IWW-era exclusion {eraUpTo} MeV below the exact-tree-level one, {etlUpTo} MeV");
            }
            else
            {
                Assert.Contains("not excluded", eraNote, StringComparison.Ordinal);
                Assert.False(values.ContainsKey("gm2/vector/excluded-up-to"), "the exact-tree-level limit excludes the band where the IWW-era one does not");
            }
        }

        // cutflow.csv: every row in the report (run number → the card's run name); the run's own rows are its data,
        // the simulated samples appear as "<sample>/<source>" (background-mc/<source>, signal-mc/aprime-<m>MeV).
        string[] runs = ["pbsc-srd", "bgo-srd"];
        foreach (string line in Data(Path.Combine(outDir, "cutflow.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            string run = runs[int.Parse(f[0], CultureInfo.InvariantCulture) - 1];
            string sample = f[1] == run && f[2] == "all" ? "data" : $"{f[1]}/{f[2]}";
            string key = $"cutflow/{run}/{sample}/{f[3]}/events";
            Assert.True(values.TryGetValue(key, out string? shown), $"report has no {key}");
            Assert.Equal(Number(f[5]), Number(shown!));
        }

        // eot.csv: counted, live and true EOT per run; systematics.csv: every component and the total the limit used.
        foreach (string[] f in Data(Path.Combine(outDir, "eot.csv")).Skip(1).Select(l => l.Split(',')))
        {
            Assert.Equal(Number(f[5]), Number(values[$"eot/{f[0]}/counted"]));
            Assert.Equal(Number(f[7]), Number(values[$"eot/{f[0]}/live"]));
            Assert.Equal(Number(f[8]), Number(values[$"eot/{f[0]}/true"]));
        }
        var components = Data(Path.Combine(outDir, "systematics.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[1].Length == 0).ToList();
        Assert.Contains(components, f => f[0] == "total");
        foreach (string[] f in components)
            Assert.Equal(Number(f[2]), Number(values[$"yield-systematic/{f[0]}"]), 12);

        // After unblinding the plane states the box count of observed.csv.
        long observed = Data(Path.Combine(outDir, "observed.csv")).Skip(1).Sum(l => long.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture));
        Assert.Equal(observed, Number(values["plane/box-observed"]));
        // The Fig. 2 populations it states are those of fig2-populations.csv (run 0: both runs).
        foreach (string[] f in Data(Path.Combine(outDir, "fig2-populations.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "0" && f[1] != "loose_srd"))
            Assert.Equal(Number(f[4]), Number(values[$"plane/{f[1].Replace('_', '-')}"]));

        // Every figure file carries the provenance of the run (seed, command, commit) and says what it shows.
        foreach (string stem in FigureStems)
        {
            Assert.True(File.Exists(Path.Combine(outDir, stem + ".png")), stem + ".png missing");
            var meta = SvgMetadata.Read(File.ReadAllText(Path.Combine(outDir, stem + ".svg"))).ToDictionary(kv => kv.Key, kv => kv.Value);
            Assert.Equal(seed.ToString(CultureInfo.InvariantCulture), meta["emiss.seed"]);
            Assert.StartsWith("emiss reproduce", meta["emiss.command"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(meta["emiss.git_commit"]));
            Assert.Contains("figure: ", meta["emiss.notes"], StringComparison.Ordinal);
        }
        Assert.Contains("BaBar 2017", File.ReadAllText(Path.Combine(outDir, "limit.svg")), StringComparison.Ordinal);
    }

    /// <summary>Every row (key, observed, median, −1σ, +1σ, −2σ, +2σ) is in the report under <paramref name="prefix"/>.</summary>
    private static void CheckRows(Dictionary<string, string> values, string prefix, IEnumerable<(string Key, string[] Values)> rows)
    {
        string[] keys = ["observed", "expected", "minus1", "plus1", "minus2", "plus2"];
        foreach (var (key, f) in rows)
            for (int k = 0; k < keys.Length; k++)
            {
                string name = $"{prefix}/{Number(key).ToString("R", CultureInfo.InvariantCulture)}/{keys[k]}";
                Assert.True(values.TryGetValue(name, out string? shown), $"report has no {name}");
                Assert.Equal(Number(f[k]), Number(shown!));
            }
    }

    private static string[] Data(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("data-key=\"([^\"]+)\" data-value=\"([^\"]+)\"")]
    private static partial Regex DataKey();
}

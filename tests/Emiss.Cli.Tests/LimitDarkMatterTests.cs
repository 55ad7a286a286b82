using System.Xml.Linq;
using Emiss.Reporting.Embedding;
using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary>
/// <c>emiss limit</c>'s dark-matter plane: y = ε² α_D (m_χ/m_A′)⁴ at m_A′ = 3 m_χ (Izaguirre, Krnjaic, Schuster, Toro,
/// PRL 115, 251301 (2015)) beside limit.csv, the figure in four formats with its sources and a HEPData table; only
/// for a vector A′ (the relic targets and BaBar's curve assume one).
/// </summary>
public class LimitDarkMatterTests
{
    private static string SmallCard(string dir)
    {
        var (text, _, _) = RunCards.CardLoader.ReadText("na64-2016");
        string path = Path.Combine(dir, "card.yaml");
        File.WriteAllText(path, text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"3,30,300\"", StringComparison.Ordinal)
                                    .Replace("production: etl", "production: iww", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Vector_limit_is_written_as_y_versus_m_chi_with_figure_and_HEPData_at_the_given_alpha_D()
    {
        string dir = TestScratch.NewDirectory("limit-dm");
        string card = SmallCard(dir), half = Path.Combine(dir, "a05"), tenth = Path.Combine(dir, "a01");
        var (code, stdout, stderr) = EmissProcess.Run("limit", "--config", card, "--out", half);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("dark-matter plane (alpha_D = 0.5", stdout, StringComparison.Ordinal);
        (code, stdout, stderr) = EmissProcess.Run("limit", "--config", card, "--out", tenth, "--alpha-d", "0.1");
        Assert.True(code == 0, stderr + stdout);

        CsvTable limit = CsvTable.Read(Path.Combine(half, "limit.csv"));
        CsvTable a05 = CsvTable.Read(Path.Combine(half, "dark-matter.csv")), a01 = CsvTable.Read(Path.Combine(tenth, "dark-matter.csv"));
        Assert.Equal(["mA_MeV", "mchi_MeV", "eps90", "y90", "y90_exp_median"], a05.Columns.Take(5));
        Assert.Contains(a05.Comments, c => c.Contains("alpha_D = 0.5", StringComparison.Ordinal));
        Assert.Contains(a05.Comments, c => c.Contains("seed: 20160817", StringComparison.Ordinal));
        double[] eps = limit.Doubles("eps90"), median = limit.Doubles("eps90_exp_median"), m = limit.Doubles("mA_MeV");
        for (int i = 0; i < eps.Length; i++)
        {
            // The relation exactly: (1/3)⁴ = 1/81.
            Tolerance.Rel(1e-15, "m_χ = m_A′/3").AssertClose(m[i] / 3, a05.Doubles("mchi_MeV")[i], "mchi");
            Tolerance.Rel(1e-15, "y = ε² α_D / 81").AssertClose(eps[i] * eps[i] * 0.5 / 81, a05.Doubles("y90")[i], $"y90 at {m[i]} MeV");
            Tolerance.Rel(1e-15, "y = ε² α_D / 81").AssertClose(median[i] * median[i] * 0.5 / 81, a05.Doubles("y90_exp_median")[i], $"median at {m[i]} MeV");
            // ε does not depend on α_D (A′ → χχ̄ dominates the width), so y ∝ α_D.
            Tolerance.Rel(1e-15, "y ∝ α_D").AssertClose(5 * a01.Doubles("y90")[i], a05.Doubles("y90")[i], $"α_D scaling at {m[i]} MeV");
        }

        foreach (string ext in new[] { ".png", ".pdf", ".csv" })
            Assert.True(new FileInfo(Path.Combine(half, "dark-matter-plane" + ext)).Length > 0, ext);
        string svg = File.ReadAllText(Path.Combine(half, "dark-matter-plane.svg"));
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
        foreach (string label in new[] { "na64-2016 (observed)", "BaBar 2017", "scalar relic", "pseudo-Dirac relic", "Majorana relic", "PRL 119, 131804", "Crivelli", "α_D = 0.5" })
            Assert.Contains(label, svg, StringComparison.Ordinal);
        Assert.Contains(SvgMetadata.Read(svg), kv => kv.Key == "emiss.seed" && kv.Value == "20160817");
        string submission = File.ReadAllText(Path.Combine(half, "submission.yaml"));
        Assert.Contains("data_file: \"hepdata_dark_matter.yaml\"", submission, StringComparison.Ordinal);
        Assert.Contains("name: \"y\"", File.ReadAllText(Path.Combine(half, "hepdata_dark_matter.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_mediators_get_no_dark_matter_plane()
    {
        string dir = TestScratch.NewDirectory("limit-dm-scalar");
        string outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = EmissProcess.Run("limit", "--config", SmallCard(dir), "--out", outDir, "--model", "pseudoscalar");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("no dark-matter plane for a pseudoscalar mediator", stdout, StringComparison.Ordinal);
        Assert.Equal(["limit.csv", "limit.pdf", "limit.png", "limit.svg", "run.yaml"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}

using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary><c>emiss project</c> end to end on a five-mass card: the CSV contract, the files, the cache, the stated background choice.</summary>
public class ProjectCommandTests
{
    private static string SmallCard(string dir)
    {
        var (text, _, _) = RunCards.CardLoader.ReadText("na64-2016");
        text = text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"1,10,100,250,300\"", StringComparison.Ordinal)
                   .Replace("production: etl", "production: iww", StringComparison.Ordinal);
        string path = Path.Combine(dir, "card.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Writes_the_projection_csv_figures_and_HEPData_and_reuses_the_cached_tables()
    {
        string dir = TestScratch.NewDirectory("project");
        string card = SmallCard(dir), cache = Path.Combine(dir, "cache"), outDir = Path.Combine(dir, "out");
        string[] args = ["project", "--config", card, "--eot", "1e10,1e11,1e12,1e13", "--beam", "e-,e+", "--model", "vector,pseudoscalar",
                         "--shower-annihilation", "off", "--cache", cache, "--out", outDir];
        var (code, stdout, stderr) = EmissProcess.Run(args);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("background scaling: constant per EOT", stdout, StringComparison.Ordinal);
        Assert.Contains("0 of 4 from the cache", stdout, StringComparison.Ordinal);

        CsvTable t = CsvTable.Read(Path.Combine(outDir, "projection.csv"));
        Assert.Equal(["eot", "beam", "E0_GeV", "target", "mA_MeV", "eps90_median", "eps90_minus1", "eps90_plus1", "eps90_minus2", "eps90_plus2"], t.Columns.Take(10));
        Assert.Equal(4 * 4 * 5, t.Doubles("eot").Length);
        Assert.Contains(t.Comments, c => c.Contains("background scaling: constant per EOT", StringComparison.Ordinal));
        Assert.Contains(t.Comments, c => c.Contains("seed: 20160817", StringComparison.Ordinal));

        foreach (string stem in new[] { "projection_eminus_100GeV_Pb_vector", "projection_eplus_100GeV_Pb_pseudoscalar", "dark_matter_eminus_100GeV_Pb", "mediators_eplus_100GeV_Pb" })
            foreach (string ext in new[] { ".png", ".svg", ".pdf", ".csv" })
                Assert.True(File.Exists(Path.Combine(outDir, stem + ext)), stem + ext);
        Assert.True(File.Exists(Path.Combine(outDir, "submission.yaml")));
        Assert.True(File.Exists(Path.Combine(outDir, "hepdata_dark_matter_eplus_100GeV_Pb.yaml")));
        // The g−2 band only where the mediator's contribution is positive (vector yes, pseudoscalar no).
        static IEnumerable<string> Curves(string path) => CsvTable.Read(path).Rows.Select(r => r[0]).Distinct();
        Assert.Contains("(g−2)μ ±2σ", Curves(Path.Combine(outDir, "projection_eminus_100GeV_Pb_vector.csv")));
        Assert.DoesNotContain("(g−2)μ ±2σ", Curves(Path.Combine(outDir, "projection_eminus_100GeV_Pb_pseudoscalar.csv")));

        // Positron beam: resonant annihilation makes 250–300 MeV (below √(2 m_e E) = 320 MeV) far more sensitive than for e⁻.
        string[] beam = t.Rows.Select(r => r[t.Column("beam")]).ToArray(), mediator = t.Rows.Select(r => r[t.Column("mediator")]).ToArray();
        double[] mass = t.Doubles("mA_MeV"), eot = t.Doubles("eot"), eps = t.Doubles("eps90_median");
        double At(string b, double m) => eps[Enumerable.Range(0, eps.Length).Single(i => beam[i] == b && mediator[i] == "vector" && mass[i] == m && eot[i] == 1e13)];
        Assert.True(At("e+", 300) < 0.2 * At("e-", 300), $"e+ {At("e+", 300):G3} vs e- {At("e-", 300):G3} at 300 MeV");
        Assert.Equal(At("e+", 1), At("e-", 1)); // no annihilation at 1 MeV: same A′-strahlung yield

        // Second run with zero background: tables from the cache, and ε90 ∝ EOT^(−1/2) exactly.
        var (code2, stdout2, stderr2) = EmissProcess.Run([.. args[..^1], Path.Combine(dir, "zero"), "--background", "zero"]);
        Assert.True(code2 == 0, stderr2 + stdout2);
        Assert.Contains("4 of 4 from the cache", stdout2, StringComparison.Ordinal);
        Assert.Contains("zero background", stdout2, StringComparison.Ordinal);
        CsvTable z = CsvTable.Read(Path.Combine(dir, "zero", "projection.csv"));
        double[] ze = z.Doubles("eps90_median");
        int perEot = ze.Length / 4;
        for (int i = 0; i < perEot; i++)
            Tolerance.Rel(1e-9, "zero background: ε90 ∝ EOT^(−1/2)").AssertClose(ze[i] / Math.Sqrt(1000), ze[3 * perEot + i], $"row {i}");
    }
}

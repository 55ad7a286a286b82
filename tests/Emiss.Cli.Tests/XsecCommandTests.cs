using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class XsecCommandTests
{
    [Fact]
    public void Prints_contract_columns_after_provenance_lines()
    {
        var (code, stdout, stderr) = EmissProcess.Run("xsec", "--model", "vector", "--method", "iww", "--target", "Pb",
            "--energy-GeV", "100", "--mass-MeV", "1,10,100", "--eps", "1e-4");
        Assert.True(code == 0, stderr);
        CsvTable t = CsvTable.Parse(stdout);
        Assert.Equal(["model", "method", "target", "E0_GeV", "mA_MeV", "eps", "sigma_pb"], t.Columns.Take(7));
        Assert.Contains(t.Comments, c => c.StartsWith("emiss ", StringComparison.Ordinal) && c.Contains("commit", StringComparison.Ordinal));
        Assert.Contains(t.Comments, c => c.Contains("--mass-MeV 1,10,100", StringComparison.Ordinal));
        Assert.Equal(3, t.Rows.Count);
        Assert.All(t.Doubles("sigma_pb"), s => Assert.True(s > 0));
    }

    [Fact]
    public void Cross_section_scales_exactly_as_eps_squared_and_accepts_log_ranges()
    {
        CsvTable a = CsvTable.Parse(EmissProcess.Run("xsec", "--method", "iww", "--mass-MeV", "1:100:log3", "--eps", "1e-4").Stdout);
        CsvTable b = CsvTable.Parse(EmissProcess.Run("xsec", "--method", "iww", "--mass-MeV", "1:100:log3", "--eps", "3e-4").Stdout);
        Assert.Equal([1.0, 10.0, 100.0], a.Doubles("mA_MeV").Select(m => Math.Round(m, 9)));
        double[] sa = a.Doubles("sigma_pb"), sb = b.Doubles("sigma_pb");
        for (int i = 0; i < sa.Length; i++)
            Tolerance.Rel(1e-12, "σ ∝ ε² exactly (docs/physics/dark-production.md#process)").AssertClose(9.0, sb[i] / sa[i], "σ(3ε)/σ(ε)");
    }

    [Fact]
    public void Writes_the_file_atomically_with_out()
    {
        string path = Path.Combine(TestScratch.NewDirectory("xsec"), "x.csv");
        var (code, stdout, _) = EmissProcess.Run("xsec", "--method", "ww", "--mass-MeV", "10", "--out", path);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Single(CsvTable.Read(path).Rows);
    }

    [Theory]
    [InlineData("--method", "vegas", "--method")]
    [InlineData("--model", "tensor", "--model")]
    [InlineData("--target", "PbWO4", "--target")]
    [InlineData("--mass-MeV", "1:10:log", "--mass-MeV")]
    public void Bad_input_names_the_option(string option, string value, string named)
    {
        string[] args = option == "--mass-MeV" ? ["xsec", option, value] : ["xsec", "--mass-MeV", "10", option, value];
        var (code, _, stderr) = EmissProcess.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }
}

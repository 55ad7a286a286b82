using CsCheck;
using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests;

public class CsvTableWriterTests
{
    [Fact]
    public void Doubles_round_trip_bit_exactly()
    {
        // Shortest round-trip formatting must give back the identical double, including extremes.
        Gen.Double.Array[1, 30].Sample(values =>
        {
            string text = CsvTableWriter.FormatColumns(ReportingFixtures.Provenance, ["x"], [values]);
            double[] back = CsvTable.Parse(text).Doubles("x");
            return back.Length == values.Length &&
                   values.Zip(back).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second) || (double.IsNaN(p.First) && double.IsNaN(p.Second)));
        }, iter: 200);
        double[] special = [double.Epsilon, double.MaxValue, -0.0, 1.0 / 3.0, 2.3025850929940459, double.PositiveInfinity];
        Assert.Equal(special, CsvTable.Parse(CsvTableWriter.FormatColumns(ReportingFixtures.Provenance, ["x"], [special])).Doubles("x"));
    }

    [Fact]
    public void File_has_provenance_comments_header_and_mixed_rows()
    {
        string dir = TestScratch.NewDirectory("csv");
        string path = Path.Combine(dir, "limit.csv");
        CsvTableWriter.Write(path, ReportingFixtures.Provenance, ["mass_mev", "eps90", "n_obs", "note"],
        [
            [1.0, 2.5e-5, 0, "a, b"],
            [10.0, 3.1e-5, 1, "say \"hi\""],
            [100.0, null, 2L, "# not a comment"],
        ]);
        string text = File.ReadAllText(path);
        Assert.StartsWith(ReportingFixtures.Provenance.ToCommentBlock() + "mass_mev,eps90,n_obs,note\n", text, StringComparison.Ordinal);
        Assert.Contains("10,3.1E-05,1,\"say \"\"hi\"\"\"\n", text, StringComparison.Ordinal);
        var t = CsvTable.Read(path);
        Assert.Equal(["mass_mev", "eps90", "n_obs", "note"], t.Columns);
        Assert.Equal(["a, b", "say \"hi\"", "# not a comment"], t.Rows.Select(r => r[3]));
        Assert.Equal("", t.Rows[2][1]);
        Assert.Contains(t.Comments, c => c.StartsWith("command: emiss limit", StringComparison.Ordinal));
        Assert.Equal([1.0, 10.0, 100.0], t.Doubles("mass_mev"));
    }

    [Fact]
    public void Failure_leaves_the_old_file_and_no_partial_output()
    {
        string dir = TestScratch.NewDirectory("csv-fail");
        string path = Path.Combine(dir, "t.csv");
        CsvTableWriter.WriteColumns(path, ReportingFixtures.Provenance, ["a"], [[1.0]]);
        string before = File.ReadAllText(path);
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, ReportingFixtures.Provenance, ["a", "b"], [[1.0, 2.0], [3.0]]));
        Assert.Throws<ArgumentException>(() => CsvTableWriter.WriteColumns(path, ReportingFixtures.Provenance, ["a", "b"], [[1.0], [1.0, 2.0]]));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Cells_use_invariant_formatting()
    {
        Assert.Equal("0.1", CsvTableWriter.FormatCell(0.1));
        Assert.Equal("1E+300", CsvTableWriter.FormatCell(1e300));
        Assert.Equal("true", CsvTableWriter.FormatCell(true));
        Assert.Equal("12345678901", CsvTableWriter.FormatCell(12345678901L));
        Assert.Equal("\" padded\"", CsvTableWriter.FormatCell(" padded"));
    }
}

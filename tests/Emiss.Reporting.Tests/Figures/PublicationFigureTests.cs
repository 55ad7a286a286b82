using System.Text;
using Emiss.Reporting.Embedding;
using Emiss.Reporting.Figures;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests.Figures;

/// <summary>Publication figures: four files (PNG, SVG, PDF, CSV) with provenance, the curves as numbers, byte-identical reruns.</summary>
public class PublicationFigureTests
{
    private static PublicationFigureData Sample()
    {
        double[] m = Enumerable.Range(0, 31).Select(i => Math.Pow(10, i / 10.0)).ToArray();
        double[] limit = m.Select(x => 1e-4 * Math.Sqrt(1 + x * x / 400)).ToArray();
        return new PublicationFigureData("m_A′ (MeV)", "ε",
            [new FigureBand("excluded", m, limit, null, OkabeIto.SkyBlue, 0.35), new FigureBand("±1σ", m, limit.Select(v => v * 0.3).ToArray(), limit.Select(v => v * 0.6).ToArray(), OkabeIto.BluishGreen, 0.5)],
            [new FigureLine("NA64 2016", m, limit, OkabeIto.Black), new FigureLine("10¹³ EOT", m, limit.Select(v => v * 0.45).ToArray(), OkabeIto.Blue, LineStyle.Dashed, LabelAt: 0.02)],
            "e- 100 GeV, Pb");
    }

    [Fact]
    public void Writes_png_svg_pdf_and_csv_with_provenance()
    {
        string dir = TestScratch.NewDirectory("pub");
        PublicationFigureFiles f = PublicationFigure.Write(Sample(), ReportingFixtures.Provenance, Path.Combine(dir, "fig"));
        Assert.Equal(PublicationFigureFiles.NamesFor("fig").Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        byte[] png = File.ReadAllBytes(f.Png);
        Assert.Equal(ReportingFixtures.Provenance.GitCommit, PngTextChunks.Read(png).Single(kv => kv.Key == "emiss.git_commit").Value);
        Assert.Contains("NA64 2016", File.ReadAllText(f.Svg), StringComparison.Ordinal); // labelled on the plot
        byte[] pdf = File.ReadAllBytes(f.Pdf);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.True(pdf.Length > 2000, $"PDF only {pdf.Length} bytes");
        string csv = File.ReadAllText(f.Csv);
        Assert.Contains("# emiss ", csv, StringComparison.Ordinal);
        Assert.Contains("curve,role,x,y,y_upper", csv, StringComparison.Ordinal);
        // 31 points for each of two bands and two lines.
        Assert.Equal(4 * 31, csv.Split('\n').Count(l => l.Length > 0 && l[0] != '#') - 1);
    }

    [Fact]
    public void Rerunning_gives_the_same_bytes_in_every_format()
    {
        string dir = TestScratch.NewDirectory("pub-rerun");
        PublicationFigureFiles a = PublicationFigure.Write(Sample(), ReportingFixtures.Provenance, Path.Combine(dir, "a"));
        PublicationFigureFiles b = PublicationFigure.Write(Sample(), ReportingFixtures.Provenance, Path.Combine(dir, "b"));
        Assert.Equal(File.ReadAllBytes(a.Png), File.ReadAllBytes(b.Png));
        Assert.Equal(File.ReadAllText(a.Svg), File.ReadAllText(b.Svg));
        Assert.Equal(File.ReadAllBytes(a.Pdf), File.ReadAllBytes(b.Pdf));
        Assert.Equal(File.ReadAllText(a.Csv), File.ReadAllText(b.Csv));
    }

    [Fact]
    public void Palette_is_Okabe_Ito()
    {
        // Wong, Nature Methods 8, 441 (2011), Fig. 2.
        Assert.Equal(["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"], Enumerable.Range(0, OkabeIto.Count).Select(OkabeIto.HexCode));
    }
}

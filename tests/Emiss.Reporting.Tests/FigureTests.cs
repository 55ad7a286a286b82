using System.Xml.Linq;
using Emiss.Reporting.Embedding;
using Emiss.Reporting.Plots;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests;

public class FigureTests
{
    /// <summary>A limit shaped like docs/physics/statistics.md#exclusion-contour: ε90 = sqrt(2.3/S₁) with S₁ falling with mass.</summary>
    private static ExclusionPlotData Sample()
    {
        int n = 61; // 20 points per decade, 1 MeV – 1 GeV (docs/physics/statistics.md#exclusion-contour)
        double[] m = Enumerable.Range(0, n).Select(i => Math.Pow(10, i / 20.0)).ToArray();
        double[] s1 = m.Select(x => 4e10 / (1 + x * x / 400)).ToArray();
        double[] obs = s1.Select(s => Math.Sqrt(2.3026 / s)).ToArray();
        double[] plus2 = s1.Select(s => Math.Sqrt(3.7526 / s)).ToArray(); // +2σ at b = 0.15 moves to n = 1
        double[] gLo = m.Select(x => 1.2e-3 * Math.Max(1, x / 10)).ToArray();
        double[] gHi = gLo.Select(v => v * 1.87).ToArray();
        double[] median = (double[])obs.Clone();
        obs[5] = double.PositiveInfinity; // no sensitivity at one mass: skipped, not fatal
        return new ExclusionPlotData(
            "NA64 2016 invisible A′ (reproduction)", m, obs, 0.90,
            new ExpectedBands(median, median.Select(v => v * 0.97).ToArray(), median.Select(v => v * 1.03).ToArray(),
                median.Select(v => v * 0.94).ToArray(), plus2),
            new CouplingBand("(g−2)_μ ±2σ, Δa_μ = (288 ± 80)·10⁻¹¹ (historical)", m, gLo, gHi, gLo.Select(v => v * 1.4).ToArray()),
            [new ComparisonCurve("IWW (comparison)", m, obs.Select(v => v * 0.8).ToArray())]);
    }

    [Fact]
    public void Exclusion_plot_writes_png_and_svg_with_provenance()
    {
        string dir = TestScratch.NewDirectory("excl");
        var files = ExclusionPlot.Write(Sample(), ReportingFixtures.Provenance, Path.Combine(dir, "limit"));
        byte[] png = File.ReadAllBytes(files.PngPath);
        Assert.True(png.Length > 20_000, $"PNG only {png.Length} bytes");
        Assert.True(PngTextChunks.HasValidChunkCrcs(png));
        var text = PngTextChunks.Read(png).ToDictionary(kv => kv.Key, kv => kv.Value);
        var expected = ReportingFixtures.Provenance.ToKeyValues().ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(expected, text);

        string svg = File.ReadAllText(files.SvgPath);
        Assert.True(svg.Length > 10_000, $"SVG only {svg.Length} chars");
        var doc = XDocument.Parse(svg); // still well-formed XML after embedding
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("<metadata>", svg, StringComparison.Ordinal);
        var back = SvgMetadata.Read(svg).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(ReportingFixtures.Provenance.GitCommit, back["emiss.git_commit"]);
        Assert.Equal(expected, back);
        Assert.True(File.ReadAllBytes(files.PdfPath!).AsSpan().StartsWith("%PDF-"u8), "limit.pdf is a PDF");
        Assert.Equal(3, Directory.GetFiles(dir).Length); // PNG, SVG, PDF; no temporaries left
    }

    [Fact]
    public void Caption_is_drawn_in_the_figure_line_by_line()
    {
        string dir = TestScratch.NewDirectory("excl-caption");
        var data = Sample() with { Caption = "given inputs: b = 0.15\nyield: primary-electron track length" };
        string svg = File.ReadAllText(ExclusionPlot.Write(data, ReportingFixtures.Provenance, Path.Combine(dir, "limit")).SvgPath);
        string without = File.ReadAllText(ExclusionPlot.Write(Sample(), ReportingFixtures.Provenance, Path.Combine(dir, "plain")).SvgPath);
        Assert.Contains("given inputs: b = 0.15", svg, StringComparison.Ordinal);
        Assert.Contains("yield: primary-electron track length", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("given inputs", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_exclusion_data_throws_and_writes_nothing()
    {
        string dir = TestScratch.NewDirectory("excl-bad");
        var bad = Sample() with { Observed = new double[3] };
        Assert.Throws<ArgumentException>(() => ExclusionPlot.Write(bad, ReportingFixtures.Provenance, Path.Combine(dir, "limit")));
        var badBand = Sample() with { FavouredBand = Sample().FavouredBand! with { Lower = new double[60] } };
        Assert.Throws<ArgumentException>(() => ExclusionPlot.Write(badBand, ReportingFixtures.Provenance, Path.Combine(dir, "limit")));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Limits_without_sensitivity_above_a_threshold_are_skipped()
    {
        // Above a kinematic threshold S₁ = 0 and every limit is +∞ (CouplingLimit.FromSignalScale); bands stop there.
        var d = Sample();
        double[] Cut(double[] v) => v.Select((x, i) => i >= 50 ? double.PositiveInfinity : x).ToArray();
        var e = d.Expected!;
        var cut = d with
        {
            Observed = Cut(d.Observed),
            Expected = new ExpectedBands(Cut(e.Median), Cut(e.Minus1Sigma), Cut(e.Plus1Sigma), Cut(e.Minus2Sigma!), Cut(e.Plus2Sigma!)),
        };
        string dir = TestScratch.NewDirectory("excl-cut");
        var files = ExclusionPlot.Write(cut, ReportingFixtures.Provenance, Path.Combine(dir, "limit"));
        Assert.True(new FileInfo(files.PngPath).Length > 20_000);
        Assert.True(PngTextChunks.HasValidChunkCrcs(File.ReadAllBytes(files.PngPath)));
    }

    [Fact]
    public void Profile_plot_with_histogram_and_log_y_writes_both_files()
    {
        string dir = TestScratch.NewDirectory("profile");
        double[] edges = Enumerable.Range(0, 41).Select(i => 0.5 * i).ToArray();
        // Gamma-function profile of docs/physics/validation-anchors.md#v5 (a = 5.5, b = 0.5) as a step histogram, zero bins skipped on log-y.
        double[] content = edges.Take(40).Select(t => t == 0 ? 0 : Math.Pow(0.5 * t, 4.5) * Math.Exp(-0.5 * t)).ToArray();
        var data = new ProfilePlotData("100 GeV e⁻ in Pb", "t [X₀]", "(1/E₀) dE/dt [1/X₀]",
            [ProfileSeries.Histogram("MC", edges, content), new ProfileSeries("Γ fit", edges, edges.Select(t => Math.Pow(0.5 * t, 4.5) * Math.Exp(-0.5 * t) + 1e-6).ToArray(), Dashed: true)],
            LogY: true);
        var files = ProfilePlot.Write(data, ReportingFixtures.Provenance, Path.Combine(dir, "profile"), new FigureSize(640, 480));
        Assert.True(new FileInfo(files.PngPath).Length > 10_000);
        Assert.True(PngTextChunks.HasValidChunkCrcs(File.ReadAllBytes(files.PngPath)));
        Assert.Contains(ReportingFixtures.Provenance.Command, SvgMetadata.Read(File.ReadAllText(files.SvgPath)).Select(kv => kv.Value));
    }

    [Fact]
    public void Histogram_series_needs_one_more_edge_than_bins()
    {
        var s = ProfileSeries.Histogram("h", [0.0, 1.0, 2.0], [3.0, 4.0]);
        Assert.Equal([0.0, 1.0, 1.0, 2.0], s.X);
        Assert.Equal([3.0, 3.0, 4.0, 4.0], s.Y);
        Assert.Throws<ArgumentException>(() => ProfileSeries.Histogram("h", [0.0, 1.0], [3.0, 4.0]));
    }

    [Theory]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "1")]
    [InlineData(1, "10")]
    [InlineData(12, "10¹²")]
    public void Log_tick_labels_use_superscript_exponents(int e, string label) => Assert.Equal(label, LogAxes.Label(e));

    [Fact]
    public void Expected_bands_collect_stats_records_in_coupling_units()
    {
        // b = 0.15, 90% CLs: bands 2.3026 ×4 and 3.7526 (+2σ) (docs/physics/statistics.md#expected-limits); ε = sqrt(s/S₁).
        var calc = new Emiss.Stats.CountingLimitCalculator(new Emiss.Stats.CountingModel(0.15));
        var bands = calc.ExpectedLimits(0.90);
        double[] s1 = [1e6, 4e6];
        var eb = ExpectedBands.From(s1.Select(s => Emiss.Stats.CouplingLimit.FromSignalScale(bands, s)).ToList());
        Assert.Equal(Math.Sqrt(bands.Median / 4e6), eb.Median[1], 15);
        Assert.Equal(Math.Sqrt(3.752615 / 1e6), eb.Plus2Sigma![0], 7);
        Assert.Equal(eb.Median, eb.Minus2Sigma);
    }
}

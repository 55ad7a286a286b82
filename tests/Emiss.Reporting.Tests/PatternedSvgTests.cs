using System.Xml.Linq;
using Emiss.Reporting.Plots;
using Emiss.Testing;
using ScottPlot;
using Xunit;

namespace Emiss.Reporting.Tests;

/// <summary>
/// Dashed and dotted lines survive into SVG (Skia's SVG canvas alone drops path effects and draws them solid).
/// </summary>
public class PatternedSvgTests
{
    [Fact]
    public void Dashed_and_dotted_lines_carry_stroke_dasharray_in_their_own_colour()
    {
        using var plot = new Plot();
        double[] x = [1, 2, 3, 4];
        var solid = plot.Add.Scatter(x, new double[] { 1, 2, 3, 4 });
        solid.Color = new Color(0x00, 0x72, 0xB2);
        solid.LegendText = "solid";
        var dashed = plot.Add.Scatter(x, new double[] { 2, 3, 4, 5 });
        dashed.Color = new Color(0xD5, 0x5E, 0x00);
        dashed.LinePattern = LinePattern.Dashed;
        dashed.LegendText = "dashed";
        var dotted = plot.Add.Scatter(x, new double[] { 3, 4, 5, 6 });
        dotted.Color = new Color(0x00, 0x9E, 0x73);
        dotted.LinePattern = LinePattern.Dotted;
        dotted.LegendText = "dotted";

        XDocument doc = XDocument.Parse(PatternedSvg.Render(plot, 400, 300));
        var strokes = doc.Descendants().Where(e => e.Attribute("stroke") is not null).ToList();

        string Dash(string hex) => string.Join("|", strokes
            .Where(e => string.Equals(e.Attribute("stroke")!.Value, hex, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Attribute("stroke-dasharray")?.Value ?? "solid").Distinct());
        // Intervals as ScottPlot defines the patterns (what the PNG and PDF backends draw).
        string dashedIntervals = string.Join(' ', LinePattern.Dashed.Intervals);
        string dottedIntervals = string.Join(' ', LinePattern.Dotted.Intervals);
        Assert.Equal(dashedIntervals, Dash("#D55E00")); // the curve and its legend sample, both dashed
        Assert.Equal(dottedIntervals, Dash("#009E73"));
        Assert.Equal("solid", Dash("#0072B2"));
        Assert.Equal(2, strokes.Count(e => string.Equals(e.Attribute("stroke")!.Value, "#D55E00", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(strokes, e => e.Attribute("stroke")!.Value.StartsWith("#A1B2", StringComparison.OrdinalIgnoreCase));
        // The plot itself is left as it was: its PNG still draws the patterns.
        Assert.Equal(LinePattern.Dashed.Intervals, dashed.LinePattern.Intervals);
        Assert.Equal(new Color(0xD5, 0x5E, 0x00), dashed.Color);
    }

    [Fact]
    public void The_exclusion_plots_expected_median_is_dashed_in_svg()
    {
        string dir = TestScratch.NewDirectory("excl-dash");
        var data = new ExclusionPlotData("limit", [1, 10, 100], [1e-4, 2e-4, 1e-3], 0.90,
            new ExpectedBands([1e-4, 2e-4, 1e-3], [0.9e-4, 1.8e-4, 0.9e-3], [1.1e-4, 2.2e-4, 1.1e-3], [0.8e-4, 1.6e-4, 0.8e-3], [1.2e-4, 2.4e-4, 1.2e-3]),
            null, []);
        string svg = File.ReadAllText(ExclusionPlot.Write(data, ReportingFixtures.Provenance, Path.Combine(dir, "limit")).SvgPath);
        Assert.Contains("stroke-dasharray=", svg, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace Emiss.Reporting.Plots;

/// <summary>
/// SVG text of a plot with its dashed and dotted lines kept. Skia's SVG canvas, which ScottPlot renders SVG with, does
/// not support path effects: it drops the dash pattern (printing "Unsupported path effect in addPaint") and draws every
/// line solid, so an expected limit would look like an observed one. Here each patterned line is drawn solid in a
/// unique marker colour, and the marker is then replaced in the SVG by the real colour plus a <c>stroke-dasharray</c>
/// (SVG 1.1 §11.4) with the pattern's intervals. The legend's line samples carry the same colour and get the same pattern.
/// </summary>
public static class PatternedSvg
{
    /// <summary>Marker colours are #A1B2xx: an arbitrary, unnamed region of RGB that no figure of Emiss uses.</summary>
    private const byte MarkerRed = 0xA1, MarkerGreen = 0xB2;

    /// <summary>The plot's SVG text (<see cref="Plot.GetSvgXml"/>) with line patterns as <c>stroke-dasharray</c>.</summary>
    public static string Render(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var patterned = new List<(LineStyle Style, Color Color, LinePattern Pattern, string Marker)>();
        foreach (IHasLine p in plot.GetPlottables().OfType<IHasLine>())
        {
            LineStyle style = p.LineStyle;
            if (style.Pattern.Intervals.Length == 0 || style.Width <= 0) continue;
            if (patterned.Count == 256) throw new InvalidOperationException("more than 256 patterned lines in one figure");
            var marker = new Color(MarkerRed, MarkerGreen, (byte)patterned.Count, style.Color.Alpha);
            patterned.Add((style, style.Color, style.Pattern, marker.ToHex()[..7]));
            style.Color = marker;
            style.Pattern = LinePattern.Solid;
        }
        string svg;
        try
        {
            svg = plot.GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (style, color, pattern, _) in patterned)
            {
                style.Color = color;
                style.Pattern = pattern;
            }
        }
        return patterned.Count == 0 ? svg : ApplyPatterns(svg, patterned.Select(x => (x.Marker, x.Color, x.Pattern)).ToList());
    }

    private static string ApplyPatterns(string svg, IReadOnlyList<(string Marker, Color Color, LinePattern Pattern)> lines)
    {
        XDocument doc = XDocument.Parse(svg, LoadOptions.PreserveWhitespace);
        var byMarker = lines.ToDictionary(l => l.Marker, StringComparer.OrdinalIgnoreCase);
        foreach (XElement e in doc.Descendants())
        {
            XAttribute? stroke = e.Attribute("stroke");
            if (stroke is null || !byMarker.TryGetValue(stroke.Value, out var line)) continue;
            stroke.Value = line.Color.ToHex()[..7];
            e.SetAttributeValue("stroke-dasharray", string.Join(' ',
                line.Pattern.Intervals.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))));
            if (line.Pattern.Phase != 0)
                e.SetAttributeValue("stroke-dashoffset", line.Pattern.Phase.ToString("0.###", CultureInfo.InvariantCulture));
        }
        return doc.Declaration is null ? doc.ToString(SaveOptions.DisableFormatting) : doc.Declaration + doc.ToString(SaveOptions.DisableFormatting);
    }
}

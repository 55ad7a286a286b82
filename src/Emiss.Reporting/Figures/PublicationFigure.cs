using Emiss.Core.IO;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Tables;
using ScottPlot;

namespace Emiss.Reporting.Figures;

/// <summary>
/// Figures for a two-column paper (docs/physics/projections.md#figures): log–log axes, shaded regions, every curve
/// labelled on the plot in its own colour rather than in a detached legend, the Okabe–Ito palette, and fonts that stay
/// legible at one column width (3.4 in): 1020 × 765 px, i.e. 300 dpi. Written as PNG, SVG, PDF and the CSV of the curves.
/// </summary>
public static class PublicationFigure
{
    /// <summary>Pixel size: 3.4 in × 2.55 in at 300 dpi.</summary>
    public static FigureSize Size { get; } = new(1020, 765);

    private const float AxisFont = 34, TickFont = 28, TextFont = 24, CaptionFont = 20;

    /// <summary>Renders <paramref name="data"/> and writes <c>stem.png/.svg/.pdf/.csv</c>.</summary>
    public static PublicationFigureFiles Write(PublicationFigureData data, Provenance provenance, string outputStem)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(provenance);
        using Plot plot = Build(data);
        FigureFiles files = FigureWriter.Write(plot, provenance, outputStem, Size, withPdf: true);
        string csv = outputStem + ".csv";
        CsvTableWriter.Write(csv, provenance, ["curve", "role", "x", "y", "y_upper"], Rows(data));
        return new PublicationFigureFiles(files.PngPath, files.SvgPath, files.PdfPath!, csv);
    }

    /// <summary>Builds the ScottPlot figure; the caller disposes it.</summary>
    public static Plot Build(PublicationFigureData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        (double xMin, double xMax) = data.XRange ?? (AllX(data).Min(), AllX(data).Max());
        (double yMin, double yMax) = data.YRange ?? DecadeRange(data);
        if (!(xMin > 0 && xMax > xMin && yMin > 0 && yMax > yMin)) throw new ArgumentException("axis ranges must be positive and non-empty", nameof(data));
        double lx0 = Math.Log10(xMin), lx1 = Math.Log10(xMax), ly0 = Math.Log10(yMin), ly1 = Math.Log10(yMax);
        var plot = new Plot();
        try
        {
            foreach (FigureBand band in data.Bands) AddBand(plot, band, ly1);
            int k = 0;
            foreach (FigureLine line in data.Lines) AddLine(plot, line, lx0, lx1, ly0, ly1, k++, data.Lines.Count);
            if (data.Caption is { Length: > 0 } caption)
            {
                var note = plot.Add.Annotation(caption, Alignment.LowerRight);
                note.LabelFontSize = CaptionFont;
                note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                note.LabelShadowColor = Colors.Transparent;
                note.LabelBorderColor = Colors.Transparent;
            }
            LogAxes.Apply(plot, logX: true, logY: true);
            plot.Axes.SetLimits(lx0, lx1, ly0, ly1);
            plot.XLabel(data.XLabel, AxisFont);
            plot.YLabel(data.YLabel, AxisFont);
            plot.Axes.Bottom.TickLabelStyle.FontSize = TickFont;
            plot.Axes.Left.TickLabelStyle.FontSize = TickFont;
            plot.Axes.Bottom.MajorTickStyle.Length = 12;
            plot.Axes.Left.MajorTickStyle.Length = 12;
            plot.HideLegend();
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static void AddBand(Plot plot, FigureBand band, double topLog)
    {
        Color colour = OkabeIto.Colour(band.Colour).WithAlpha(band.Opacity);
        bool labelled = false;
        foreach ((int start, int end) in PlottableRuns.Of(band.X.Length, i => Plottable(band.Lower[i]) && (band.Upper is null || Plottable(band.Upper[i]))))
        {
            double[] x = LogAxes.Log10(band.X[start..end]);
            double[] lo = LogAxes.Log10(band.Lower[start..end]);
            double[] hi = band.Upper is null ? Enumerable.Repeat(topLog, end - start).ToArray() : LogAxes.Log10(band.Upper[start..end]);
            var fill = plot.Add.FillY(x, lo, hi);
            fill.FillColor = colour;
            fill.LineWidth = 0;
            if (band.LabelOnPlot && !labelled)
            {
                // Inside the band, a third of the way along its first run.
                int mid = (end - start) / 3;
                double y = band.Upper is null ? lo[mid] + 0.5 : 0.5 * (lo[mid] + hi[mid]);
                var t = plot.Add.Text(band.Label, x[mid], y);
                t.LabelFontSize = TextFont;
                t.LabelFontColor = OkabeIto.Colour(band.Colour).WithAlpha(1.0);
                t.LabelAlignment = Alignment.MiddleLeft;
                labelled = true;
            }
        }
    }

    private static void AddLine(Plot plot, FigureLine line, double lx0, double lx1, double ly0, double ly1, int k, int lines)
    {
        Color colour = OkabeIto.Colour(line.Colour);
        foreach ((int start, int end) in PlottableRuns.Of(line.X.Length, i => Plottable(line.Y[i])))
        {
            var s = plot.Add.ScatterLine(LogAxes.Log10(line.X[start..end]), LogAxes.Log10(line.Y[start..end]));
            s.Color = colour;
            s.LineWidth = line.Width;
            s.LinePattern = line.Style switch { LineStyle.Dashed => LinePattern.Dashed, LineStyle.Dotted => LinePattern.Dotted, _ => LinePattern.Solid };
        }
        // Label at a point inside the axes, starting there and running right above the curve; by default staggered
        // along x from curve to curve so that labels of neighbouring curves do not sit on top of each other.
        double target = lx0 + (line.LabelAt ?? 0.05 + 0.6 * (lines <= 1 ? 0.5 : (double)k / (lines - 1))) * (lx1 - lx0);
        int best = -1;
        for (int i = 0; i < line.X.Length; i++)
        {
            if (!Plottable(line.Y[i]) || !Plottable(line.X[i])) continue;
            double lx = Math.Log10(line.X[i]), ly = Math.Log10(line.Y[i]);
            if (lx < lx0 || lx > lx1 || ly < ly0 || ly > ly1) continue;
            if (best < 0 || Math.Abs(lx - target) < Math.Abs(Math.Log10(line.X[best]) - target)) best = i;
        }
        if (best < 0) return;
        var text = plot.Add.Text(line.Label, Math.Log10(line.X[best]), Math.Log10(line.Y[best]));
        text.LabelFontSize = TextFont;
        text.LabelFontColor = colour;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.6);
        text.LabelAlignment = Alignment.LowerLeft;
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(PublicationFigureData data)
    {
        foreach (FigureBand b in data.Bands)
            for (int i = 0; i < b.X.Length; i++)
                yield return [b.Label, b.Upper is null ? "excluded-above" : "band", b.X[i], b.Lower[i], b.Upper?[i]];
        foreach (FigureLine l in data.Lines)
            for (int i = 0; i < l.X.Length; i++)
                yield return [l.Label, "line", l.X[i], l.Y[i], null];
    }

    private static IEnumerable<double> AllX(PublicationFigureData d) =>
        d.Lines.SelectMany(l => l.X).Concat(d.Bands.SelectMany(b => b.X)).Where(Plottable);

    private static (double, double) DecadeRange(PublicationFigureData d)
    {
        double[] y = d.Lines.SelectMany(l => l.Y).Concat(d.Bands.SelectMany(b => b.Lower.Concat(b.Upper ?? []))).Where(Plottable).ToArray();
        if (y.Length == 0) throw new ArgumentException("nothing to draw: no finite positive value", nameof(d));
        double lo = Math.Floor(Math.Log10(y.Min())), hi = Math.Ceiling(Math.Log10(y.Max()));
        return (Math.Pow(10, lo), Math.Pow(10, Math.Max(hi, lo + 1)));
    }

    private static bool Plottable(double v) => PlottableRuns.Plottable(v);
}

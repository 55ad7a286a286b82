using System.Globalization;
using Emiss.Core.IO;
using ScottPlot;

namespace Emiss.Reporting.Plots;

/// <summary>
/// Log–log exclusion plot of a coupling limit versus mass (docs/physics/statistics.md#exclusion-contour, docs/physics/muon-g-2.md#band-definition): the region above
/// the observed limit is shaded as excluded, expected ±1σ/±2σ bands, an optional favoured band and
/// comparison curves; written as PNG and SVG with provenance embedded.
/// </summary>
public static class ExclusionPlot
{
    /// <summary>Renders the plot and writes <c>outputStem.png</c>, <c>outputStem.svg</c> and <c>outputStem.pdf</c> atomically (the curves' CSV is the caller's limit table).</summary>
    /// <param name="data">What to draw.</param>
    /// <param name="provenance">Provenance embedded in both files.</param>
    /// <param name="outputStem">Path without extension.</param>
    /// <param name="size">Pixel size, <see cref="DefaultSize"/> when null.</param>
    public static FigureFiles Write(ExclusionPlotData data, Provenance provenance, string outputStem, FigureSize? size = null)
    {
        using Plot plot = Build(data);
        return FigureWriter.Write(plot, provenance, outputStem, size ?? DefaultSize, withPdf: true);
    }

    /// <summary>Default size, 1200 × 650 px: wider than <see cref="FigureSize.Default"/> to fit the legend at the right.</summary>
    public static FigureSize DefaultSize { get; } = new(1200, 650);

    /// <summary>Builds the ScottPlot figure (for callers that compose further); the caller disposes it.</summary>
    public static Plot Build(ExclusionPlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data);
        string cl = (data.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture) + "% CL";
        string source = data.ResultSource is { Length: > 0 } src ? $" ({src})" : "";
        var (mObs, obs) = Finite(data.MassMeV, data.Observed);
        if (mObs.Length < 2) throw new ArgumentException("need at least two masses with a finite observed limit", nameof(data));

        var all = new List<double>(obs);
        if (data.Expected is { } ex)
        {
            all.AddRange(ex.Plus1Sigma.Concat(ex.Minus1Sigma).Concat(ex.Median));
            if (ex.Plus2Sigma is not null) all.AddRange(ex.Plus2Sigma);
            if (ex.Minus2Sigma is not null) all.AddRange(ex.Minus2Sigma);
        }
        if (data.FavouredBand is { } fb) all.AddRange(fb.Lower.Concat(fb.Upper));
        foreach (var c in data.Comparisons ?? []) all.AddRange(c.Coupling);
        var positive = all.Where(v => v > 0 && double.IsFinite(v)).ToArray();
        double yLo = Math.Floor(Math.Log10(positive.Min()));
        double yHi = Math.Ceiling(Math.Log10(positive.Max()));
        if (yHi - yLo < 1) yHi = yLo + 1;
        double xLo = Math.Log10(data.MassMeV.Min());
        double xHi = Math.Log10(data.MassMeV.Max());

        var plot = new Plot();
        try
        {
            double[] top = Enumerable.Repeat(Math.Pow(10, yHi), data.MassMeV.Length).ToArray();
            Band(plot, data.MassMeV, data.Observed, top, Colors.SteelBlue.WithAlpha(0.25), $"excluded at {cl}");

            if (data.Expected is { } e)
            {
                if (e.Minus2Sigma is not null && e.Plus2Sigma is not null)
                    Band(plot, data.MassMeV, e.Minus2Sigma, e.Plus2Sigma, Colors.Yellow.WithAlpha(0.7), "expected ±2σ");
                Band(plot, data.MassMeV, e.Minus1Sigma, e.Plus1Sigma, Colors.LimeGreen.WithAlpha(0.7), "expected ±1σ");
                var (mm, med) = Finite(data.MassMeV, e.Median);
                var median = plot.Add.ScatterLine(LogAxes.Log10(mm), LogAxes.Log10(med));
                median.Color = Colors.Black;
                median.LineWidth = 1.5f;
                median.LinePattern = LinePattern.Dashed;
                median.LegendText = $"expected {cl} (median){source}";
            }

            if (data.FavouredBand is { } g)
            {
                Band(plot, g.MassMeV, g.Lower, g.Upper, Colors.Red.WithAlpha(0.25), g.Label);
                if (g.Central is not null && Finite(g.MassMeV, g.Central) is { X.Length: > 1 } gc)
                {
                    var central = plot.Add.ScatterLine(LogAxes.Log10(gc.X), LogAxes.Log10(gc.Y));
                    central.Color = Colors.DarkRed;
                    central.LineWidth = 1;
                    central.LinePattern = LinePattern.Dotted;
                }
            }

            Color[] palette = [Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.Brown, Colors.Gray];
            int k = 0;
            foreach (var c in data.Comparisons ?? [])
            {
                var (cm, cv) = Finite(c.MassMeV, c.Coupling);
                var line = plot.Add.ScatterLine(LogAxes.Log10(cm), LogAxes.Log10(cv));
                line.Color = palette[k++ % palette.Length];
                line.LineWidth = 2;
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = c.Label;
            }

            // Drawn per contiguous run of finite limits, like the shading, so a mass without sensitivity shows as a gap.
            bool labelled = false;
            foreach (var (start, end) in PlottableRuns.Of(data.Observed))
            {
                var observed = plot.Add.ScatterLine(LogAxes.Log10(data.MassMeV[start..end]), LogAxes.Log10(data.Observed[start..end]));
                observed.Color = Colors.Navy;
                observed.LineWidth = 2.5f;
                if (!labelled) observed.LegendText = $"observed {cl}{source}";
                labelled = true;
            }

            if (data.Caption is { Length: > 0 } caption)
            {
                // Lower right: below the limit curves and the favoured band, where the plane is allowed and empty.
                var note = plot.Add.Annotation(caption, Alignment.LowerRight);
                note.LabelFontSize = 11;
                note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                note.LabelShadowColor = Colors.Transparent;
            }

            LogAxes.Apply(plot, logX: true, logY: true);
            plot.Axes.SetLimits(xLo, xHi, yLo, yHi);
            plot.Title(data.Title);
            plot.XLabel(data.MassLabel);
            plot.YLabel(data.CouplingSymbol);
            // Outside the data area: inside, it would hide either the limit curve or the favoured band.
            plot.ShowLegend(Edge.Right);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills between two edges over each contiguous run of masses where both edges are finite and &gt; 0
    /// (a limit is +∞ where the signal vanishes, e.g. above a kinematic threshold); the legend entry goes on the first run.
    /// </summary>
    private static void Band(Plot plot, double[] mass, double[] lower, double[] upper, Color color, string label)
    {
        bool labelled = false;
        foreach (var (start, end) in PlottableRuns.Of(mass.Length, i => Plottable(lower[i]) && Plottable(upper[i])))
        {
            var fill = plot.Add.FillY(
                LogAxes.Log10(mass[start..end]), LogAxes.Log10(lower[start..end]), LogAxes.Log10(upper[start..end]));
            fill.FillColor = color;
            fill.LineWidth = 0;
            if (!labelled) fill.LegendText = label;
            labelled = true;
        }
    }

    private static bool Plottable(double v) => PlottableRuns.Plottable(v);

    private static (double[] X, double[] Y) Finite(double[] x, double[] y)
    {
        var xs = new List<double>(x.Length);
        var ys = new List<double>(y.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (!(y[i] > 0) || !double.IsFinite(y[i])) continue;
            xs.Add(x[i]);
            ys.Add(y[i]);
        }
        return (xs.ToArray(), ys.ToArray());
    }

    private static void Validate(ExclusionPlotData d)
    {
        int n = d.MassMeV.Length;
        if (d.MassMeV.Any(m => !(m > 0) || !double.IsFinite(m))) throw new ArgumentException("masses must be finite and > 0 MeV", nameof(d));
        if (d.Observed.Length != n) throw new ArgumentException("Observed must have one value per mass", nameof(d));
        if (d.Expected is { } e)
        {
            foreach (var a in new[] { e.Median, e.Minus1Sigma, e.Plus1Sigma, e.Minus2Sigma, e.Plus2Sigma })
                if (a is not null && a.Length != n) throw new ArgumentException("expected bands must have one value per mass", nameof(d));
            if ((e.Minus2Sigma is null) != (e.Plus2Sigma is null)) throw new ArgumentException("give both ±2σ edges or neither", nameof(d));
        }
        if (d.FavouredBand is { } g)
        {
            int m = g.MassMeV.Length;
            if (g.Lower.Length != m || g.Upper.Length != m || (g.Central is not null && g.Central.Length != m))
                throw new ArgumentException("favoured band arrays must have one value per band mass", nameof(d));
            if (g.MassMeV.Any(x => !(x > 0))) throw new ArgumentException("band masses must be > 0 MeV", nameof(d));
        }
        foreach (var c in d.Comparisons ?? [])
        {
            if (c.MassMeV.Length != c.Coupling.Length) throw new ArgumentException($"comparison '{c.Label}' arrays differ in length", nameof(d));
            if (c.MassMeV.Any(x => !(x > 0))) throw new ArgumentException($"comparison '{c.Label}' masses must be > 0 MeV", nameof(d));
        }
    }
}

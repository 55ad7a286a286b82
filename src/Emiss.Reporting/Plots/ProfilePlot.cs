using Emiss.Core.IO;
using ScottPlot;

namespace Emiss.Reporting.Plots;

/// <summary>Line/histogram plot of several series (shower profiles, E_miss spectra), written as PNG and SVG with provenance.</summary>
public static class ProfilePlot
{
    /// <summary>Renders the plot and writes <c>outputStem.png</c>, <c>outputStem.svg</c> and <c>outputStem.pdf</c> atomically (the caller writes the curves' CSV).</summary>
    public static FigureFiles Write(ProfilePlotData data, Provenance provenance, string outputStem, FigureSize? size = null)
    {
        using Plot plot = Build(data);
        return FigureWriter.Write(plot, provenance, outputStem, size, withPdf: true);
    }

    /// <summary>Builds the ScottPlot figure; the caller disposes it.</summary>
    public static Plot Build(ProfilePlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Series.Count == 0) throw new ArgumentException("a profile plot needs at least one series", nameof(data));
        var plot = new Plot();
        try
        {
            Color[] palette = [Colors.Navy, Colors.Crimson, Colors.ForestGreen, Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.Black];
            int k = 0;
            foreach (ProfileSeries s in data.Series)
            {
                if (s.X.Length != s.Y.Length) throw new ArgumentException($"series '{s.Label}': X and Y lengths differ", nameof(data));
                var xs = new List<double>(s.X.Length);
                var ys = new List<double>(s.Y.Length);
                for (int i = 0; i < s.X.Length; i++)
                {
                    double x = s.X[i], y = s.Y[i];
                    if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                    if (data.LogX && !(x > 0) || data.LogY && !(y > 0)) continue;
                    xs.Add(data.LogX ? Math.Log10(x) : x);
                    ys.Add(data.LogY ? Math.Log10(y) : y);
                }
                if (xs.Count == 0) throw new ArgumentException($"series '{s.Label}' has no plottable points", nameof(data));
                var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
                line.Color = palette[(s.ColorIndex ?? k) % palette.Length];
                k++;
                line.LineWidth = 2;
                if (s.Dashed) line.LinePattern = LinePattern.Dashed;
                line.LegendText = s.Label;
            }
            LogAxes.Apply(plot, data.LogX, data.LogY);
            plot.Title(data.Title);
            plot.XLabel(data.XLabel);
            plot.YLabel(data.YLabel);
            plot.ShowLegend(Alignment.UpperRight);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }
}

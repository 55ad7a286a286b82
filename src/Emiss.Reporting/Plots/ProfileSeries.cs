namespace Emiss.Reporting.Plots;

/// <summary>One line of a <see cref="ProfilePlot"/> (points joined in order).</summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">Abscissae (in the units of the plot's x label).</param>
/// <param name="Y">Ordinates (in the units of the plot's y label).</param>
/// <param name="Dashed">Draw dashed (e.g. for a reference curve).</param>
/// <param name="ColorIndex">Palette entry, so that two series can share a colour (e.g. a measurement and its model); by
/// default the series' position.</param>
public sealed record ProfileSeries(string Label, double[] X, double[] Y, bool Dashed = false, int? ColorIndex = null)
{
    /// <summary>A histogram drawn as steps: <paramref name="edges"/> has one more entry than <paramref name="contents"/>.</summary>
    public static ProfileSeries Histogram(string label, IReadOnlyList<double> edges, IReadOnlyList<double> contents, bool dashed = false, int? colorIndex = null)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(contents);
        if (edges.Count != contents.Count + 1) throw new ArgumentException("need one more bin edge than bin contents", nameof(edges));
        var x = new double[2 * contents.Count];
        var y = new double[2 * contents.Count];
        for (int i = 0; i < contents.Count; i++)
        {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            y[2 * i] = y[2 * i + 1] = contents[i];
        }
        return new ProfileSeries(label, x, y, dashed, colorIndex);
    }
}

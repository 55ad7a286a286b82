using Emiss.Reporting.Plots;
using ScottPlot;

namespace Emiss.Reporting.Report;

/// <summary>The report's figures as SVG text (ScottPlot): the seed's Fig. 2 plane, the cut flow, the efficiency versus mass and the exclusion plot (Fig. 4).</summary>
public static class ReportFigures
{
    /// <summary>At most this many points per population are drawn in the energy plane (every k-th, deterministic), keeping the page small.</summary>
    public const int MaxPlanePoints = 4000;

    /// <summary>Pixel size of the figures.</summary>
    public static FigureSize Size { get; } = new(900, 560);

    /// <summary>E_ECAL–E_HCAL scatter before and after all cuts, with the signal box and the sidebands (seed's Fig. 2).</summary>
    public static string EnergyPlane(EnergyPlane plane)
    {
        ArgumentNullException.ThrowIfNull(plane);
        if (plane.EcalBeforeGeV.Length != plane.HcalBeforeGeV.Length || plane.EcalAfterGeV.Length != plane.HcalAfterGeV.Length)
            throw new ArgumentException("E_ECAL and E_HCAL arrays differ in length", nameof(plane));
        using var plot = new Plot();
        Points(plot, plane.EcalBeforeGeV, plane.HcalBeforeGeV, Colors.Gray.WithAlpha(0.5), 2, "before cuts");
        Points(plot, plane.EcalAfterGeV, plane.HcalAfterGeV, Colors.Navy, 4, "after all cuts");
        Color[] palette = [Colors.DarkOrange, Colors.ForestGreen, Colors.Purple, Colors.Teal];
        int k = 0;
        foreach (EnergyRegion band in plane.Sidebands) Region(plot, band, palette[k++ % palette.Length], $"sideband {band.Name}");
        Region(plot, plane.SignalBox, Colors.Crimson, "signal box");
        plot.Title("Events in the (E_ECAL, E_HCAL) plane");
        plot.XLabel("E_ECAL [GeV]");
        plot.YLabel("E_HCAL [GeV] (first two modules)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Size.Width, Size.Height);
    }

    /// <summary>Events after each cut (log scale), one line per run and sample.</summary>
    public static string CutFlow(IReadOnlyList<CutFlowRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string[] cuts = rows.Select(r => r.Cut).Distinct(StringComparer.Ordinal).ToArray();
        var series = new List<ProfileSeries>();
        foreach (var key in rows.Select(r => (r.Run, r.Sample)).Distinct())
        {
            CutFlowRow[] own = rows.Where(r => r.Run == key.Run && r.Sample == key.Sample && r.Events > 0).ToArray();
            if (own.Length == 0) continue;
            series.Add(new ProfileSeries($"{key.Run} {key.Sample}", own.Select(r => (double)Array.IndexOf(cuts, r.Cut)).ToArray(), own.Select(r => r.Events).ToArray()));
        }
        using Plot plot = ProfilePlot.Build(new ProfilePlotData("Cut flow", "cut", "events", series, LogY: true));
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, cuts.Length).Select(i => (double)i).ToArray(), cuts);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 120;
        return plot.GetSvgXml(Size.Width, Size.Height);
    }

    /// <summary>Overall signal efficiency versus mass (log mass), one line per run.</summary>
    public static string Efficiency(IReadOnlyList<EfficiencyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = rows.GroupBy(r => r.Run, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.MassMeV).ToArray())
            .Select(g => new ProfileSeries(g[0].Run, g.Select(r => r.MassMeV).ToArray(), g.Select(r => r.Overall).ToArray()))
            .ToArray();
        using Plot plot = ProfilePlot.Build(new ProfilePlotData("Signal efficiency", "m(A′) [MeV]", "efficiency", series, LogX: true));
        plot.Axes.SetLimitsY(0, 1);
        return plot.GetSvgXml(Size.Width, Size.Height);
    }

    /// <summary>The exclusion plot (seed's Fig. 4): observed and expected 90 % CL limits, the (g−2)_μ band and the comparison curves.</summary>
    public static string Exclusion(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        LimitRow[] l = [.. result.Limit];
        var data = new ExclusionPlotData(
            "90% CL upper limit on ε (A′ → invisible)",
            l.Select(x => x.MassMeV).ToArray(),
            l.Select(x => x.Observed).ToArray(),
            0.90,
            new ExpectedBands(l.Select(x => x.ExpectedMedian).ToArray(), l.Select(x => x.ExpectedMinus1Sigma).ToArray(), l.Select(x => x.ExpectedPlus1Sigma).ToArray(),
                l.Select(x => x.ExpectedMinus2Sigma).ToArray(), l.Select(x => x.ExpectedPlus2Sigma).ToArray()),
            result.FavouredBand,
            result.Comparisons);
        using Plot plot = ExclusionPlot.Build(data);
        return plot.GetSvgXml(ExclusionPlot.DefaultSize.Width, ExclusionPlot.DefaultSize.Height);
    }

    private static void Points(Plot plot, double[] x, double[] y, Color color, float size, string label)
    {
        int step = Math.Max(1, (x.Length + MaxPlanePoints - 1) / MaxPlanePoints);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < x.Length; i += step)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i])) continue;
            xs.Add(x[i]);
            ys.Add(y[i]);
        }
        if (xs.Count == 0) return;
        var s = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
        s.Color = color;
        s.MarkerSize = size;
        s.LegendText = step > 1 ? $"{label} (every {step}th of {x.Length})" : $"{label} ({x.Length})";
    }

    private static void Region(Plot plot, EnergyRegion r, Color color, string label)
    {
        var rect = plot.Add.Rectangle(r.EcalMinGeV, r.EcalMaxGeV, r.HcalMinGeV, r.HcalMaxGeV);
        rect.FillColor = color.WithAlpha(0.12);
        rect.LineColor = color;
        rect.LineWidth = 2;
        rect.LinePattern = LinePattern.Dashed;
        rect.LegendText = label;
    }
}

using System.Globalization;
using Emiss.Reporting.Plots;
using ScottPlot;

namespace Emiss.Reporting.Report;

/// <summary>
/// The report's figures (ScottPlot): the seed's Fig. 2 plane before and after the cuts, the cut flow, the efficiency
/// versus mass and the exclusion plots (the seed's exclusion plot, one per mediator). Each is built once here; the
/// report inlines its SVG text and <see cref="ReportFigureFiles"/> writes the same plot as PNG and SVG files.
/// </summary>
public static class ReportFigures
{
    /// <summary>At most this many points per population are drawn in the energy plane (every k-th, deterministic), keeping the page small.</summary>
    public const int MaxPlanePoints = 4000;

    /// <summary>Pixel size of the figures other than the exclusion plots (those use <see cref="ExclusionPlot.DefaultSize"/>).</summary>
    public static FigureSize Size { get; } = new(900, 560);

    /// <summary>E_ECAL–E_HCAL scatter at the early phase of the analysis (after the loose SRD cut) with the signal box and
    /// the sidebands (left panel of the seed's Fig. 2).</summary>
    public static string EnergyPlane(EnergyPlane plane)
    {
        using Plot plot = BuildPlaneBefore(plane);
        return PatternedSvg.Render(plot, Size.Width, Size.Height);
    }

    /// <summary>E_ECAL–E_HCAL scatter after all cuts with the signal box, its unblinded count and the sidebands (right panel of the seed's Fig. 2).</summary>
    public static string EnergyPlaneAfterCuts(EnergyPlane plane)
    {
        using Plot plot = BuildPlaneAfter(plane);
        return PatternedSvg.Render(plot, Size.Width, Size.Height);
    }

    /// <summary>Events after each cut (log scale), one line per run and sample.</summary>
    public static string CutFlow(IReadOnlyList<CutFlowRow> rows)
    {
        using Plot plot = BuildCutFlow(rows);
        return PatternedSvg.Render(plot, Size.Width, Size.Height);
    }

    /// <summary>Overall signal efficiency versus mass (log mass), one line per run.</summary>
    public static string Efficiency(IReadOnlyList<EfficiencyRow> rows)
    {
        using Plot plot = BuildEfficiency(rows);
        return PatternedSvg.Render(plot, Size.Width, Size.Height);
    }

    /// <summary>The exclusion plot of the main mediator: observed and expected 90 % CL limits, the (g−2)_μ band and the comparison curves.</summary>
    public static string Exclusion(AnalysisResult result)
    {
        using Plot plot = ExclusionPlot.Build(ExclusionData(result));
        return PatternedSvg.Render(plot, ExclusionPlot.DefaultSize.Width, ExclusionPlot.DefaultSize.Height);
    }

    /// <summary>The exclusion plot of a further mediator.</summary>
    public static string Exclusion(MediatorLimit limit)
    {
        using Plot plot = ExclusionPlot.Build(ExclusionData(limit));
        return PatternedSvg.Render(plot, ExclusionPlot.DefaultSize.Width, ExclusionPlot.DefaultSize.Height);
    }

    /// <summary>Whether a limit curve can be drawn (the plot needs two masses with a finite observed limit).</summary>
    public static bool IsDrawable(IReadOnlyList<LimitRow> rows) => rows.Count(l => l.Observed > 0 && double.IsFinite(l.Observed)) >= 2;

    internal static ExclusionPlotData ExclusionData(AnalysisResult r) =>
        Data(r.Mediator, r.Limit, r.FavouredBand, r.Comparisons, r.LimitCaption);

    internal static ExclusionPlotData ExclusionData(MediatorLimit m) =>
        Data(m.Mediator, m.Limit, m.FavouredBand, m.Comparisons, m.Caption);

    private static ExclusionPlotData Data(string mediator, IReadOnlyList<LimitRow> rows, CouplingBand? band, IReadOnlyList<ComparisonCurve> comparisons, string? caption)
    {
        ArgumentNullException.ThrowIfNull(rows);
        LimitRow[] l = [.. rows];
        return new ExclusionPlotData(
            $"90% CL upper limit on ε, {mediator} A′ → invisible",
            l.Select(x => x.MassMeV).ToArray(),
            l.Select(x => x.Observed).ToArray(),
            0.90,
            new ExpectedBands(l.Select(x => x.ExpectedMedian).ToArray(), l.Select(x => x.ExpectedMinus1Sigma).ToArray(), l.Select(x => x.ExpectedPlus1Sigma).ToArray(),
                l.Select(x => x.ExpectedMinus2Sigma).ToArray(), l.Select(x => x.ExpectedPlus2Sigma).ToArray()),
            band,
            comparisons,
            Caption: caption,
            ResultSource: "this analysis");
    }

    internal static Plot BuildPlaneBefore(EnergyPlane plane)
    {
        Check(plane);
        var plot = new Plot();
        Points(plot, plane.EcalBeforeGeV, plane.HcalBeforeGeV, Colors.Gray.WithAlpha(0.6), 2, "after the loose SRD cut");
        Regions(plot, plane);
        plot.Title("(E_ECAL, E_HCAL) at the early phase of the analysis");
        plot.XLabel("E_ECAL [GeV]");
        plot.YLabel("E_HCAL [GeV] (first two modules)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    internal static Plot BuildPlaneAfter(EnergyPlane plane)
    {
        Check(plane);
        var plot = new Plot();
        Points(plot, plane.EcalAfterGeV, plane.HcalAfterGeV, Colors.Navy, 6, "after all cuts");
        Regions(plot, plane);
        EnergyRegion box = plane.SignalBox;
        string boxText = plane.BoxObserved is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"signal box after unblinding: {n} event{(n == 1 ? "" : "s")}")
            : "signal box: blind";
        var note = plot.Add.Annotation(boxText, Alignment.LowerRight);
        note.LabelFontSize = 12;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelShadowColor = Colors.Transparent;
        // Zoomed on E_HCAL so that the 1 GeV high box is visible (the seed stretches it fivefold instead), yet wide
        // enough to hold every event that passed.
        double hcalTop = Math.Max(10 * box.HcalMaxGeV, plane.HcalAfterGeV.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.05);
        double ecalTop = Math.Max(plane.Sidebands.Select(s => s.EcalMaxGeV).Append(box.EcalMaxGeV).Max() * 1.25,
                                  plane.EcalAfterGeV.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.05);
        plot.Axes.SetLimits(0, ecalTop, -0.05 * hcalTop, hcalTop);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"(E_ECAL, E_HCAL) after all cuts: {plane.EcalAfterGeV.Length} events outside the signal box"));
        plot.XLabel("E_ECAL [GeV]");
        plot.YLabel("E_HCAL [GeV] (first two modules)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    internal static Plot BuildCutFlow(IReadOnlyList<CutFlowRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string[] cuts = rows.Select(r => r.Cut).Distinct(StringComparer.Ordinal).ToArray();
        var series = new List<ProfileSeries>();
        foreach (var key in rows.Select(r => (r.Run, r.Sample)).Distinct())
        {
            CutFlowRow[] own = rows.Where(r => r.Run == key.Run && r.Sample == key.Sample && r.Events > 0).ToArray();
            if (own.Length == 0) continue;
            // Data solid, simulated samples (background sources, signal) dashed.
            series.Add(new ProfileSeries($"{key.Run} {key.Sample}", own.Select(r => (double)Array.IndexOf(cuts, r.Cut)).ToArray(), own.Select(r => r.Events).ToArray(),
                Dashed: key.Sample != "data"));
        }
        if (series.Count == 0) throw new ArgumentException("a cut-flow plot needs at least one count > 0", nameof(rows));
        Plot plot = ProfilePlot.Build(new ProfilePlotData("Cut flow", "", "events after the cut", series, LogY: true));
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, cuts.Length).Select(i => (double)i).ToArray(), cuts);
        // Labels rise to their tick from the lower left, so the last one stays inside the figure.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Left.MinimumSize = 90;
        // Whole decades, so that at least two labelled ticks show even when the counts span less than one.
        double[] logs = [.. rows.Where(r => r.Events > 0).Select(r => Math.Log10(r.Events))];
        double lo = Math.Floor(logs.Min()), hi = Math.Ceiling(logs.Max());
        if (hi - lo < 1) hi = lo + 1;
        plot.Axes.SetLimits(-0.3, cuts.Length - 0.7, lo, hi);
        return plot;
    }

    internal static Plot BuildEfficiency(IReadOnlyList<EfficiencyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = rows.GroupBy(r => r.Run, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.MassMeV).ToArray())
            .Select(g => new ProfileSeries(g[0].Run, g.Select(r => r.MassMeV).ToArray(), g.Select(r => r.Overall).ToArray()))
            .ToArray();
        Plot plot = ProfilePlot.Build(new ProfilePlotData("Signal efficiency", "m(A′) [MeV]", "efficiency", series, LogX: true));
        plot.Axes.SetLimitsY(0, 1);
        return plot;
    }

    private static void Check(EnergyPlane plane)
    {
        ArgumentNullException.ThrowIfNull(plane);
        if (plane.EcalBeforeGeV.Length != plane.HcalBeforeGeV.Length || plane.EcalAfterGeV.Length != plane.HcalAfterGeV.Length)
            throw new ArgumentException("E_ECAL and E_HCAL arrays differ in length", nameof(plane));
    }

    private static void Regions(Plot plot, EnergyPlane plane)
    {
        Color[] palette = [Colors.DarkOrange, Colors.ForestGreen, Colors.Purple, Colors.Teal];
        int k = 0;
        foreach (EnergyRegion band in plane.Sidebands) Region(plot, band, palette[k++ % palette.Length], $"sideband {band.Name}");
        Region(plot, plane.SignalBox, Colors.Crimson, "signal box");
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
        string text = step > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{label} (1 in {step} of {x.Length} events)")
            : string.Create(CultureInfo.InvariantCulture, $"{label} ({x.Length} events)");
        var s = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
        s.Color = color;
        s.MarkerSize = size;
        s.LegendText = text;
    }

    private static void Region(Plot plot, EnergyRegion r, Color color, string label)
    {
        var rect = plot.Add.Rectangle(r.EcalMinGeV, r.EcalMaxGeV, r.HcalMinGeV, r.HcalMaxGeV);
        rect.FillColor = color.WithAlpha(0.12);
        rect.LineWidth = 0;
        rect.LegendText = label;
        // The dashed edge is a path, not the rectangle's stroke: Skia's SVG canvas cannot dash a rectangle (it drew it
        // solid and printed "Unsupported path effect" on stderr).
        double[] xs = [r.EcalMinGeV, r.EcalMaxGeV, r.EcalMaxGeV, r.EcalMinGeV, r.EcalMinGeV];
        double[] ys = [r.HcalMinGeV, r.HcalMinGeV, r.HcalMaxGeV, r.HcalMaxGeV, r.HcalMinGeV];
        var edge = plot.Add.ScatterLine(xs, ys);
        edge.Color = color;
        edge.LineWidth = 2;
        edge.LinePattern = LinePattern.Dashed;
    }
}

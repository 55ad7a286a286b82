using System.Globalization;
using Emiss.Reporting.Figures;
using Emiss.Reporting.Plots;
using Plot = ScottPlot.Plot;

namespace Emiss.Reporting.Report;

/// <summary>
/// The report's figures that read the limits in other ways: every mediator's observed limit on one plot (with the
/// (g−2)_μ bands of the mediators that have one) and the vector limit in the dark-matter plane. Publication figures
/// (<see cref="PublicationFigure"/>): the report inlines their SVG, <see cref="ReportFigureFiles"/> writes them as
/// PNG, SVG, PDF and CSV.
/// </summary>
public static class InterpretationFigures
{
    /// <summary>Whether the result has more than one mediator to compare.</summary>
    public static bool HasMediators(AnalysisResult r) => ReportFigures.IsDrawable(r.Limit) && r.OtherMediators.Any(m => ReportFigures.IsDrawable(m.Limit));

    /// <summary>Whether the result has a drawable dark-matter limit.</summary>
    public static bool HasDarkMatter(AnalysisResult r) => r.DarkMatter is { } dm && ReportFigures.IsDrawable(dm.Rows);

    /// <summary>Observed limits of the main and every further mediator; g−2 bands where the result has them.</summary>
    public static PublicationFigureData Mediators(AnalysisResult r)
    {
        var all = new List<(string Mediator, IReadOnlyList<LimitRow> Rows, CouplingBand? Band)> { (r.Mediator, r.Limit, r.FavouredBand) };
        all.AddRange(r.OtherMediators.Where(m => ReportFigures.IsDrawable(m.Limit)).Select(m => (m.Mediator, m.Limit, m.FavouredBand)));
        int[] bandColours = [OkabeIto.SkyBlue, OkabeIto.Yellow];
        var bands = all.Where(a => a.Band is not null).Select((a, k) =>
            new FigureBand($"(g−2)μ ±2σ ({a.Mediator})", a.Band!.MassMeV, a.Band.Lower, a.Band.Upper, bandColours[k % bandColours.Length], 0.45, LabelOnPlot: true)).ToList();
        return MediatorComparison.Build([.. all.Select(a => (a.Mediator, a.Rows.Select(l => l.MassMeV).ToArray(), a.Rows.Select(l => l.Observed).ToArray()))],
            bands, "observed ε₉₀ (90% CL)", "own σ and efficiency per mediator\ng−2 band where Δa_μ > 0 (Leveille 1978)");
    }

    /// <summary>The vector limit as y versus m_χ with BaBar 2017 and the relic targets.</summary>
    public static PublicationFigureData DarkMatter(AnalysisResult r) =>
        DarkMatter(r.DarkMatter ?? throw new ArgumentException("the result has no dark-matter limit", nameof(r)), "this analysis");

    /// <summary>A vector limit as y versus m_χ (<paramref name="source"/> names it on the plot) with BaBar 2017 and the relic targets.</summary>
    public static PublicationFigureData DarkMatter(DarkMatterLimit dm, string source)
    {
        ArgumentNullException.ThrowIfNull(dm);
        double[] x = dm.Rows.Select(l => l.MassMeV).ToArray(), observed = dm.Rows.Select(l => l.Observed).ToArray();
        var lines = new List<FigureLine>
        {
            new($"{source} (observed)", x, observed, OkabeIto.Black, LabelAt: 0.02),
            new("expected (median)", x, dm.Rows.Select(l => l.ExpectedMedian).ToArray(), OkabeIto.Blue, LineStyle.Dashed, LabelAt: 0.6),
        };
        string caption = string.Create(CultureInfo.InvariantCulture, $"A′ → χχ̄, m_A′ = {1 / dm.ChiMassRatio:G3} m_χ");
        return DarkMatterPlane.Build([new FigureBand($"excluded ({source})", x, observed, null, OkabeIto.SkyBlue, 0.35)], lines, dm.AlphaDark, caption);
    }

    /// <summary>SVG text of a publication figure at its file size.</summary>
    public static string Svg(PublicationFigureData data)
    {
        using Plot plot = PublicationFigure.Build(data);
        return plot.GetSvgXml(PublicationFigure.Size.Width, PublicationFigure.Size.Height);
    }
}

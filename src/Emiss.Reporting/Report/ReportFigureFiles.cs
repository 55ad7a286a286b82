using Emiss.Core.IO;
using Emiss.Reporting.Plots;
using ScottPlot;

namespace Emiss.Reporting.Report;

/// <summary>
/// Writes the report's figures as files beside it, each as PNG, SVG and PDF with the provenance embedded (docs/physics/formats.md#figures):
/// <c>plane-before</c> and <c>plane-after</c> (the seed's Fig. 2), <c>cutflow</c>, <c>limit</c> (the exclusion plot of
/// the main mediator) and <c>limit-&lt;mediator&gt;</c> for each further one; <c>mediators</c> and <c>dark-matter-plane</c> also as PDF and CSV. The plots are those the report inlines.
/// </summary>
public static class ReportFigureFiles
{
    /// <summary>Writes every figure <paramref name="result"/> has data for into <paramref name="directory"/>; returns the
    /// file names written, relative to it, in a fixed order.</summary>
    /// <param name="directory">Existing output directory.</param>
    /// <param name="result">What to draw.</param>
    /// <param name="provenance">Provenance of every figure.</param>
    /// <param name="mediatorProvenance">Provenance of a further mediator's exclusion plot (its own run card and notes), by
    /// mediator name; <paramref name="provenance"/> where absent.</param>
    public static IReadOnlyList<string> Write(string directory, AnalysisResult result, Provenance provenance,
                                              IReadOnlyDictionary<string, Provenance>? mediatorProvenance = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        result.Validate();
        var files = new List<string>();
        void Save(string stem, Plot plot, FigureSize size, string what, Provenance? own = null)
        {
            using (plot) FigureWriter.Write(plot, (own ?? provenance).WithNotes("figure: " + what), Path.Combine(directory, stem), size, withPdf: true);
            files.Add(stem + ".png");
            files.Add(stem + ".svg");
            files.Add(stem + ".pdf");
        }
        if (result.Plane is { } plane)
        {
            Save("plane-before", ReportFigures.BuildPlaneBefore(plane), ReportFigures.Size,
                "(E_ECAL, E_HCAL) after the loose SRD cut, outside the blinded region (the seed's Fig. 2, left)");
            Save("plane-after", ReportFigures.BuildPlaneAfter(plane), ReportFigures.Size,
                "(E_ECAL, E_HCAL) after all cuts, the signal box with its unblinded count (the seed's Fig. 2, right)");
        }
        if (result.CutFlow.Any(c => c.Events > 0))
            Save("cutflow", ReportFigures.BuildCutFlow(result.CutFlow), ReportFigures.Size, "events after each cut per run and sample (cutflow.csv)");
        if (ReportFigures.IsDrawable(result.Limit))
            Save("limit", ExclusionPlot.Build(ReportFigures.ExclusionData(result)), ExclusionPlot.DefaultSize,
                $"exclusion plot, {result.Mediator} mediator (limit.csv)");
        foreach (MediatorLimit m in result.OtherMediators.Where(m => ReportFigures.IsDrawable(m.Limit)))
            Save("limit-" + m.Mediator, ExclusionPlot.Build(ReportFigures.ExclusionData(m)), ExclusionPlot.DefaultSize,
                $"exclusion plot, {m.Mediator} mediator (limit-{m.Mediator}.csv)", mediatorProvenance?.GetValueOrDefault(m.Mediator));
        // The comparison and the dark-matter plane are publication figures: PNG, SVG, PDF and the CSV of their curves.
        void SavePublication(string stem, Figures.PublicationFigureData data, string what)
        {
            Figures.PublicationFigure.Write(data, provenance.WithNotes("figure: " + what), Path.Combine(directory, stem));
            files.AddRange(Figures.PublicationFigureFiles.NamesFor(stem));
        }
        if (InterpretationFigures.HasMediators(result))
            SavePublication("mediators", InterpretationFigures.Mediators(result), "observed limits of every mediator, g−2 bands where Δa_μ > 0 (limit-<mediator>.csv)");
        if (InterpretationFigures.HasDarkMatter(result))
            SavePublication("dark-matter-plane", InterpretationFigures.DarkMatter(result),
                $"vector limit as y = eps^2 alpha_D (m_chi/m_A')^4 vs m_chi, alpha_D = {result.DarkMatter!.AlphaDark:G3} (dark-matter.csv), relic targets and BaBar 2017");
        return files;
    }
}

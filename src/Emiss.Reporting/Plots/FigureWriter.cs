using Emiss.Core.IO;
using Emiss.Reporting.Embedding;
using ScottPlot;

namespace Emiss.Reporting.Plots;

/// <summary>Renders a plot to PNG and SVG (and PDF on request) in memory, embeds provenance, then writes the files atomically.</summary>
internal static class FigureWriter
{
    public static FigureFiles Write(Plot plot, Provenance provenance, string outputStem, FigureSize? size, bool withPdf = false)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentException.ThrowIfNullOrEmpty(outputStem);
        FigureSize s = size ?? FigureSize.Default;
        if (s.Width < 100 || s.Height < 100) throw new ArgumentOutOfRangeException(nameof(size), s, "figure must be at least 100 × 100 px");
        var entries = provenance.ToKeyValues();
        // Render both before writing either, so a rendering failure leaves no file behind.
        byte[] png = PngTextChunks.Insert(plot.GetImageBytes(s.Width, s.Height, ImageFormat.Png), entries);
        // Ids renumbered: ScottPlot counts clip paths process-wide, so the same figure would otherwise differ between draws.
        string svg = SvgMetadata.Embed(Report.SvgIds.Normalise(PatternedSvg.Render(plot, s.Width, s.Height)), entries);
        byte[]? pdf = withPdf ? PdfRenderer.Render(plot, s.Width, s.Height, provenance) : null;
        var files = new FigureFiles(outputStem + ".png", outputStem + ".svg", withPdf ? outputStem + ".pdf" : null);
        AtomicFile.WriteBytes(files.PngPath, png);
        AtomicFile.WriteText(files.SvgPath, svg);
        if (pdf is not null) AtomicFile.WriteBytes(files.PdfPath!, pdf);
        return files;
    }
}

using Emiss.Core.IO;
using ScottPlot;
using SkiaSharp;

namespace Emiss.Reporting.Plots;

/// <summary>
/// Vector PDF of a ScottPlot figure. ScottPlot has no PDF exporter but renders on SkiaSharp, so the plot is drawn onto
/// the canvas of a page of Skia's PDF backend (<c>SKDocument.CreatePdf</c>). The page is the figure's pixel size scaled to
/// 72 pt per pixelsPerInch pixels, so a 1020 px wide figure at 300 px/in is a 3.4 in (one column) page.
/// No creation date is written, so the same figure gives the same bytes.
/// </summary>
internal static class PdfRenderer
{
    public static byte[] Render(Plot plot, int width, int height, Provenance provenance, double pixelsPerInch = 300)
    {
        float scale = (float)(72.0 / pixelsPerInch);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = provenance.Command,
            Subject = string.Join("; ", provenance.Notes),
            Keywords = $"emiss {provenance.Version}; commit {provenance.GitCommit}; seed {provenance.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}",
            Creator = "emiss " + provenance.Version,
            Producer = "emiss (ScottPlot on SkiaSharp)",
            Creation = null,
            Modified = null,
            RasterDpi = (float)pixelsPerInch,
        };
        using var stream = new MemoryStream();
        using (SKDocument document = SKDocument.CreatePdf(stream, metadata))
        {
            SKCanvas canvas = document.BeginPage(width * scale, height * scale);
            canvas.Scale(scale);
            plot.Render(canvas, width, height);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }
}

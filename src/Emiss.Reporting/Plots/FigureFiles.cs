namespace Emiss.Reporting.Plots;

/// <summary>The files a figure is written to.</summary>
/// <param name="PngPath">Raster image with provenance in PNG text chunks.</param>
/// <param name="SvgPath">Vector image with provenance in &lt;metadata&gt;.</param>
/// <param name="PdfPath">Vector PDF with provenance in its metadata, when requested.</param>
public sealed record FigureFiles(string PngPath, string SvgPath, string? PdfPath = null);

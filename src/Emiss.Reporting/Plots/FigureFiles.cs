namespace Emiss.Reporting.Plots;

/// <summary>The two files a figure is written to.</summary>
/// <param name="PngPath">Raster image with provenance in PNG text chunks.</param>
/// <param name="SvgPath">Vector image with provenance in &lt;metadata&gt;.</param>
public sealed record FigureFiles(string PngPath, string SvgPath);

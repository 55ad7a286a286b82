namespace Emiss.Reporting.Figures;

/// <summary>The four files of a publication figure.</summary>
/// <param name="Png">Raster, 300 dpi at one column width, provenance in tEXt chunks.</param>
/// <param name="Svg">Vector, provenance in &lt;metadata&gt;.</param>
/// <param name="Pdf">Vector at one column width (3.4 in), provenance in the document's subject and keywords.</param>
/// <param name="Csv">Every curve and band edge as numbers, provenance in '#' lines.</param>
public sealed record PublicationFigureFiles(string Png, string Svg, string Pdf, string Csv)
{
    /// <summary>The file names for a stem (no directory).</summary>
    public static string[] NamesFor(string stem) => [stem + ".png", stem + ".svg", stem + ".pdf", stem + ".csv"];
}

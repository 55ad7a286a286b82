namespace Emiss.Reporting.Figures;

/// <summary>A filled region between two curves (expected-limit bands, the g−2 band, an excluded region up to the top edge).</summary>
/// <param name="Label">Name in the CSV; written on the plot when <paramref name="LabelOnPlot"/>.</param>
/// <param name="X">Abscissae (&gt; 0, increasing).</param>
/// <param name="Lower">Lower edge.</param>
/// <param name="Upper">Upper edge; null fills up to the top of the axes (an excluded region).</param>
/// <param name="Colour">Index into <see cref="OkabeIto"/>.</param>
/// <param name="Opacity">Fill opacity in (0, 1].</param>
/// <param name="LabelOnPlot">Write the label inside the band.</param>
public sealed record FigureBand(string Label, double[] X, double[] Lower, double[]? Upper, int Colour, double Opacity, bool LabelOnPlot = false);

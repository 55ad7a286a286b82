namespace Emiss.Reporting.Figures;

/// <summary>A curve of a publication figure, labelled on the plot in its own colour.</summary>
/// <param name="Label">Text written on the plot (and the curve's name in the CSV).</param>
/// <param name="X">Abscissae (&gt; 0).</param>
/// <param name="Y">Ordinates; points that are not finite and &gt; 0 are gaps.</param>
/// <param name="Colour">Index into <see cref="OkabeIto"/>.</param>
/// <param name="Style">Stroke.</param>
/// <param name="Width">Stroke width in figure pixels.</param>
/// <param name="LabelAt">Where along the x axis (fraction of its log range) the label goes; null staggers the labels of successive curves.</param>
public sealed record FigureLine(string Label, double[] X, double[] Y, int Colour, LineStyle Style = LineStyle.Solid, float Width = 3f, double? LabelAt = null);

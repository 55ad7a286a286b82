namespace Emiss.Reporting.Figures;

/// <summary>What a publication figure shows: log–log axes, bands below lines, a caption in the lower left.</summary>
/// <param name="XLabel">Abscissa title with unit.</param>
/// <param name="YLabel">Ordinate title.</param>
/// <param name="Bands">Filled regions, drawn first in order.</param>
/// <param name="Lines">Curves, drawn over the bands in order.</param>
/// <param name="Caption">Short text in a corner (inputs, conventions), or null.</param>
/// <param name="XRange">Axis range (min, max) or null for the data range.</param>
/// <param name="YRange">Axis range (min, max) or null for whole decades around the data.</param>
public sealed record PublicationFigureData(
    string XLabel, string YLabel, IReadOnlyList<FigureBand> Bands, IReadOnlyList<FigureLine> Lines, string? Caption = null,
    (double Min, double Max)? XRange = null, (double Min, double Max)? YRange = null);

namespace Emiss.Reporting.Figures;

/// <summary>Stroke of a figure line.</summary>
public enum LineStyle
{
    /// <summary>Solid (results).</summary>
    Solid,

    /// <summary>Dashed (projections, expected limits).</summary>
    Dashed,

    /// <summary>Dotted (theory lines, other experiments).</summary>
    Dotted,
}

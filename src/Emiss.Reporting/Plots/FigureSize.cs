namespace Emiss.Reporting.Plots;

/// <summary>Figure size in pixels.</summary>
/// <param name="Width">Width in pixels (≥ 100).</param>
/// <param name="Height">Height in pixels (≥ 100).</param>
public sealed record FigureSize(int Width, int Height)
{
    /// <summary>The default 900 × 650 px.</summary>
    public static FigureSize Default { get; } = new(900, 650);
}

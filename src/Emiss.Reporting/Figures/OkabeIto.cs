using ScottPlot;

namespace Emiss.Reporting.Figures;

/// <summary>
/// The colour-blind-safe palette of M. Okabe and K. Ito, "Color Universal Design" (2002), as recommended by
/// B. Wong, Nature Methods 8, 441 (2011): distinguishable under protanopia, deuteranopia and tritanopia.
/// </summary>
public static class OkabeIto
{
    /// <summary>Black.</summary>
    public const int Black = 0;

    /// <summary>Orange.</summary>
    public const int Orange = 1;

    /// <summary>Sky blue.</summary>
    public const int SkyBlue = 2;

    /// <summary>Bluish green.</summary>
    public const int BluishGreen = 3;

    /// <summary>Yellow.</summary>
    public const int Yellow = 4;

    /// <summary>Blue.</summary>
    public const int Blue = 5;

    /// <summary>Vermillion.</summary>
    public const int Vermillion = 6;

    /// <summary>Reddish purple.</summary>
    public const int ReddishPurple = 7;

    private static readonly string[] Hex = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];

    /// <summary>Number of colours.</summary>
    public static int Count => Hex.Length;

    /// <summary>The colour at <paramref name="index"/> (modulo <see cref="Count"/>).</summary>
    public static Color Colour(int index) => Color.FromHex(Hex[((index % Hex.Length) + Hex.Length) % Hex.Length]);

    /// <summary>The hex code at <paramref name="index"/>.</summary>
    public static string HexCode(int index) => Hex[((index % Hex.Length) + Hex.Length) % Hex.Length];
}

namespace Emiss.Reporting.Plots;

/// <summary>Decade labels in the style of the log axes, for text outside the axes (captions, curve labels).</summary>
public static class LogAxesLabel
{
    /// <summary>"10¹³" for 13, "1" for 0.</summary>
    public static string Decade(int exponent) => LogAxes.Label(exponent);
}

using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Emiss.Reporting.Plots;

/// <summary>
/// ScottPlot 5 has no native log axis: values are plotted as log10 and the ticks relabelled
/// (ScottPlot cookbook "Log Scale Tick Marks", docs/physics/formats.md#figures).
/// </summary>
internal static class LogAxes
{
    public static double[] Log10(IReadOnlyList<double> v)
    {
        var r = new double[v.Count];
        for (int i = 0; i < r.Length; i++) r[i] = Math.Log10(v[i]);
        return r;
    }

    public static NumericAutomatic Ticks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = Label,
    };

    /// <summary>"10⁻³" style labels for integer decades.</summary>
    public static string Label(double exponent)
    {
        int e = (int)Math.Round(exponent);
        if (e == 0) return "1";
        if (e == 1) return "10";
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string s = Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        var chars = s.Select(c => digits[c - '0']).ToArray();
        return "10" + (e < 0 ? "⁻" : "") + new string(chars);
    }

    public static void Apply(Plot plot, bool logX, bool logY)
    {
        if (logX) plot.Axes.Bottom.TickGenerator = Ticks();
        if (logY) plot.Axes.Left.TickGenerator = Ticks();
    }
}

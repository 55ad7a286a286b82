namespace Emiss.Reporting.Plots;

/// <summary>Contiguous index runs where a curve can be drawn on log axes (a limit is +∞ where the signal vanishes, e.g. above a threshold).</summary>
internal static class PlottableRuns
{
    /// <summary>Whether <paramref name="v"/> is finite and &gt; 0.</summary>
    public static bool Plottable(double v) => v > 0 && double.IsFinite(v);

    /// <summary>[start, end) runs of length ≥ 2 of indices 0 … n−1 where <paramref name="ok"/> holds.</summary>
    public static List<(int Start, int End)> Of(int n, Func<int, bool> ok)
    {
        var runs = new List<(int, int)>();
        int i = 0;
        while (i < n)
        {
            if (!ok(i)) { i++; continue; }
            int start = i;
            while (i < n && ok(i)) i++;
            if (i - start >= 2) runs.Add((start, i));
        }
        return runs;
    }

    /// <summary>Runs where the values themselves are plottable.</summary>
    public static List<(int Start, int End)> Of(double[] v) => Of(v.Length, i => Plottable(v[i]));
}

using System.Globalization;

namespace Emiss.Core.Numerics;

/// <summary>
/// Parses value lists as users write them on the command line or in run cards:
/// "1,10,100" (explicit), "1:1000:log40" (40 log-spaced points, both ends included),
/// "0:1:lin11" (11 linear points), and mixtures separated by commas ("1,2,5:50:log4").
/// </summary>
public static class ValueGrid
{
    /// <summary>Parses a grid specification; <paramref name="field"/> names the option in error messages.</summary>
    /// <exception cref="FormatException">The text is not a valid grid; the message names the field and the fix.</exception>
    public static double[] Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<double>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = raw.Split(':');
            if (parts.Length == 1)
            {
                values.Add(Number(parts[0], field, raw));
                continue;
            }
            if (parts.Length != 3)
                throw new FormatException($"{field}: '{raw}' is not a value or a range; write e.g. 1,10,100 or 1:1000:log40");
            double lo = Number(parts[0], field, raw), hi = Number(parts[1], field, raw);
            string kind = parts[2].ToLowerInvariant();
            bool log = kind.StartsWith("log", StringComparison.Ordinal);
            if (!log && !kind.StartsWith("lin", StringComparison.Ordinal))
                throw new FormatException($"{field}: range '{raw}' must end in logN or linN, e.g. 1:1000:log40");
            if (!int.TryParse(kind.AsSpan(3), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 2 || n > 100_000)
                throw new FormatException($"{field}: range '{raw}' needs a point count 2..100000 after '{kind[..3]}', e.g. {kind[..3]}40");
            if (hi <= lo) throw new FormatException($"{field}: range '{raw}' must go from low to high");
            if (log && lo <= 0) throw new FormatException($"{field}: log range '{raw}' needs a positive lower end");
            values.AddRange(log ? Logspace(lo, hi, n) : Linspace(lo, hi, n));
        }
        if (values.Count == 0) throw new FormatException($"{field}: no values given; write e.g. 1,10,100 or 1:1000:log40");
        return [.. values];
    }

    /// <summary>n log-spaced points from lo to hi inclusive.</summary>
    public static double[] Logspace(double lo, double hi, int n)
    {
        var v = new double[n];
        double a = Math.Log(lo), b = Math.Log(hi);
        for (int i = 0; i < n; i++) v[i] = Math.Exp(a + (b - a) * i / (n - 1));
        v[0] = lo;
        v[^1] = hi;
        return v;
    }

    /// <summary>n linearly spaced points from lo to hi inclusive.</summary>
    public static double[] Linspace(double lo, double hi, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * i / (n - 1);
        v[^1] = hi;
        return v;
    }

    private static double Number(string s, string field, string raw) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{field}: '{s}' in '{raw}' is not a number");
}

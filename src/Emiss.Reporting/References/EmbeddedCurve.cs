using System.Globalization;

namespace Emiss.Reporting.References;

/// <summary>
/// A two-column curve shipped as an embedded CSV of this assembly ('#' comment lines that must name the source, then a
/// header, then x,y rows in the file's order — traced contours are not monotone in x).
/// </summary>
/// <param name="X">First column, in file order.</param>
/// <param name="Y">Second column.</param>
public sealed record EmbeddedCurve(double[] X, double[] Y)
{
    /// <summary>Reads resource <paramref name="fileName"/> (under References/) whose header must be <paramref name="header"/>.</summary>
    public static EmbeddedCurve Load(string fileName, string header)
    {
        string resource = "Emiss.Reporting.References." + fileName;
        using Stream s = typeof(EmbeddedCurve).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(s);
        var x = new List<double>();
        var y = new List<double>();
        bool seenHeader = false, sourced = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                sourced |= line.Contains("source:", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!seenHeader)
            {
                if (line != header) throw new InvalidDataException($"{resource}: unexpected header '{line}' (expected '{header}')");
                seenHeader = true;
                continue;
            }
            string[] f = line.Split(',');
            x.Add(double.Parse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture));
            y.Add(double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        if (!sourced) throw new InvalidDataException($"{resource}: no '# source:' line");
        return new EmbeddedCurve([.. x], [.. y]);
    }

    /// <summary>Y at <paramref name="x"/>, interpolated linearly in log x–log y over the points sorted by x (null outside the curve).</summary>
    public double? LogInterpolate(double x)
    {
        var order = Enumerable.Range(0, X.Length).OrderBy(i => X[i]).ToArray();
        if (!(x >= X[order[0]] && x <= X[order[^1]])) return null;
        for (int k = 1; k < order.Length; k++)
        {
            int lo = order[k - 1], hi = order[k];
            if (x > X[hi]) continue;
            if (X[hi] == X[lo]) return Y[hi];
            double t = Math.Log(x / X[lo]) / Math.Log(X[hi] / X[lo]);
            return Math.Exp(Math.Log(Y[lo]) + t * Math.Log(Y[hi] / Y[lo]));
        }
        return Y[order[^1]];
    }
}

using System.Globalization;
using Emiss.Analysis.Blinding;

namespace Emiss.Analysis.Exposure;

/// <summary>The pseudo-data's true electrons on target per run, from the sealed truth (<c>sealed/truth.csv</c>,
/// column <c>true_eot</c>): readable only once the analysis is unblinded, like every sealed file.</summary>
public static class SealedExposure
{
    /// <summary>True EOT per run.</summary>
    /// <exception cref="BlindingException">The analysis is still blind.</exception>
    /// <exception cref="InvalidDataException">The truth file is missing or malformed.</exception>
    public static IReadOnlyDictionary<string, double> TrueEot(BlindDataSet set, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.IsBlind)
            throw new BlindingException($"{Path.Combine(dataDirectory, "sealed", "truth.csv")}: sealed while the analysis is blind; the true EOT can be compared only after unblinding");
        string path = Path.Combine(dataDirectory, "sealed", "truth.csv");
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing (not a pseudo-data directory?)");
        string[] lines = [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')];
        string[] header = lines.Length > 0 ? lines[0].Split(',') : [];
        int run = Array.IndexOf(header, "run"), eot = Array.IndexOf(header, "true_eot");
        if (run < 0 || eot < 0) throw new InvalidDataException($"{path}: no run/true_eot columns");
        var result = new Dictionary<string, double>();
        foreach (string[] f in lines.Skip(1).Select(l => l.Split(',')))
            result[f[run]] = double.Parse(f[eot], NumberStyles.Float, CultureInfo.InvariantCulture);
        return result;
    }
}

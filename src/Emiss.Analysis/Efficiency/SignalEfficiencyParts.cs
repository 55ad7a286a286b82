using System.Globalization;
using System.Text;
using Emiss.Core.IO;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// The efficiency points a shard of a scan computed (<see cref="SignalEfficiencyScan.Run"/> with a mass filter), written
/// as <c>efficiency.part.tsv</c>: one line per point, every count as an integer and the mass round-trip, so that the
/// points read back are those the shard computed and the merged scan equals the single one.
/// </summary>
public static class SignalEfficiencyParts
{
    /// <summary>File name of a shard's points.</summary>
    public const string FileName = "efficiency.part.tsv";

    /// <summary>Writes <paramref name="points"/> into <paramref name="directory"/> (atomically) and returns the file name.</summary>
    public static string Write(IReadOnlyList<SignalEfficiencyPoint> points, string directory)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sb = new StringBuilder();
        foreach (SignalEfficiencyPoint p in points)
        {
            if (p.Run.Contains('\t', StringComparison.Ordinal) || p.Run.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException($"run name '{p.Run}' holds a tab or newline", nameof(points));
            sb.Append(string.Join('\t', p.Run, p.MassMeV.ToString("R", CultureInfo.InvariantCulture), L(p.Events), L(p.InBoxAfterCuts), L(p.InBoxEcalOnly),
                                  L(p.BeamCountersFired), L(p.EventsWithoutPileUp), L(p.InBoxWithoutPileUp), string.Join(',', p.PassedStage.Select(L))))
              .Append('\n');
        }
        AtomicFile.WriteText(Path.Combine(directory, FileName), sb.ToString());
        return FileName;
    }

    /// <summary>The points of <c>efficiency.part.tsv</c> in <paramref name="directory"/>, in the order written.</summary>
    public static IReadOnlyList<SignalEfficiencyPoint> Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        var points = new List<SignalEfficiencyPoint>();
        foreach (string line in File.ReadAllLines(path))
        {
            string[] f = line.Split('\t');
            if (f.Length != 9) throw new InvalidDataException($"{path}: a line has {f.Length} fields, not 9");
            long[] passed = f[8].Length == 0 ? [] : [.. f[8].Split(',').Select(ParseLong)];
            points.Add(new SignalEfficiencyPoint(f[0], double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture), ParseLong(f[2]), passed,
                                                 ParseLong(f[3]), ParseLong(f[4]))
            {
                BeamCountersFired = ParseLong(f[5]),
                EventsWithoutPileUp = ParseLong(f[6]),
                InBoxWithoutPileUp = ParseLong(f[7]),
            });
        }
        return points;
    }

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static long ParseLong(string s) => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Emiss.Testing;

/// <summary>
/// A reference data file: '#' header lines (one of which must start with "# source:"), a column
/// header line and comma-separated rows. Failing tests quote <see cref="Source"/>.
/// </summary>
public sealed class ReferenceCsv
{
    private ReferenceCsv(string source, string[] header, List<string[]> rows)
    {
        Source = source;
        Columns = header;
        Rows = rows;
    }

    /// <summary>The source line of the file (without "# ").</summary>
    public string Source { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Raw rows.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Loads a reference file from the test output's References folder; rejects files without a source line.</summary>
    public static ReferenceCsv Load(string fileName)
    {
        string path = RepoPaths.Reference(fileName);
        string? source = null;
        string[]? header = null;
        var rows = new List<string[]>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                string body = line.TrimStart('#', ' ');
                if (source is null && body.StartsWith("source:", StringComparison.OrdinalIgnoreCase)) source = body;
                continue;
            }
            if (line.Length == 0) continue;
            string[] cells = line.Split(',');
            if (header is null) header = cells;
            else rows.Add(cells);
        }
        if (source is null) throw new InvalidDataException($"{fileName}: reference file has no '# source:' line");
        if (header is null) throw new InvalidDataException($"{fileName}: reference file has no header line");
        return new ReferenceCsv(source, header, rows);
    }

    /// <summary>Index of a column, with an error naming the file's columns.</summary>
    public int Column(string name)
    {
        int i = Array.IndexOf((string[])Columns, name);
        return i >= 0 ? i : throw new KeyNotFoundException($"column '{name}' not in [{string.Join(",", Columns)}]; {Source}");
    }

    /// <summary>Rows matching a predicate, projected to doubles in the named columns.</summary>
    public IEnumerable<double[]> Numbers(Func<string[], bool> where, params string[] columns)
    {
        int[] idx = columns.Select(Column).ToArray();
        foreach (string[] row in Rows)
            if (where(row))
                yield return idx.Select(i => double.Parse(row[i], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
    }
}

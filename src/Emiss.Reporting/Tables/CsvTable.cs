using System.Globalization;
using System.Text;

namespace Emiss.Reporting.Tables;

/// <summary>A CSV table as written by <see cref="CsvTableWriter"/>: comment lines, column names and string cells.</summary>
/// <param name="Comments">The '#' lines without the leading "# ".</param>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Cells, unquoted.</param>
public sealed record CsvTable(IReadOnlyList<string> Comments, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows)
{
    /// <summary>Reads a file written by <see cref="CsvTableWriter"/> (RFC 4180 quoting; '#' lines before the header are comments).</summary>
    public static CsvTable Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses CSV text written by <see cref="CsvTableWriter"/>.</summary>
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var comments = new List<string>();
        int pos = 0;
        while (pos < text.Length && text[pos] == '#')
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            string line = text[pos..end].TrimEnd('\r');
            comments.Add(line.StartsWith("# ", StringComparison.Ordinal) ? line[2..] : line[1..]);
            pos = end + 1;
        }
        var records = ParseRecords(text, pos);
        if (records.Count == 0) throw new InvalidDataException("CSV has no header line");
        string[] header = records[0];
        for (int i = 1; i < records.Count; i++)
            if (records[i].Length != header.Length)
                throw new InvalidDataException($"CSV row {i} has {records[i].Length} cells, header {header.Length}");
        return new CsvTable(comments, header, records.Skip(1).ToList());
    }

    /// <summary>Index of the named column.</summary>
    public int Column(string name)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i] == name) return i;
        throw new KeyNotFoundException($"column '{name}' not in [{string.Join(",", Columns)}]");
    }

    /// <summary>The named column parsed as doubles (invariant culture).</summary>
    public double[] Doubles(string name)
    {
        int c = Column(name);
        return Rows.Select(r => double.Parse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
    }

    private static List<string[]> ParseRecords(string text, int pos)
    {
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = pos; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || cell.Length > 0) { cells.Add(cell.ToString()); records.Add([.. cells]); }
                    cells.Clear(); cell.Clear(); any = false;
                    break;
                default: cell.Append(c); any = true; break;
            }
        }
        if (quoted) throw new InvalidDataException("unterminated quoted CSV cell");
        if (any || cell.Length > 0) { cells.Add(cell.ToString()); records.Add([.. cells]); }
        return records;
    }
}

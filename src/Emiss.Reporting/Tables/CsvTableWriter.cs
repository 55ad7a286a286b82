using System.Globalization;
using System.Text;
using Emiss.Core.IO;

namespace Emiss.Reporting.Tables;

/// <summary>
/// Writes CSV tables: '#' provenance comment lines (<see cref="Provenance.ToCommentBlock"/>), one
/// header line, then rows. Invariant culture; doubles in shortest round-trip form ("R"), so parsing
/// gives back the identical bits; strings quoted per RFC 4180 when needed. Files are written atomically.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>Writes a table of rows (cells: double, float, integer types, bool, string, null) to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Provenance provenance, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        AtomicFile.WriteText(path, Format(provenance, columns, rows));

    /// <summary>Writes equal-length numeric columns (e.g. mass, limit) to <paramref name="path"/> atomically.</summary>
    public static void WriteColumns(string path, Provenance provenance, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<double>> values) =>
        AtomicFile.WriteText(path, FormatColumns(provenance, columns, values));

    /// <summary>The CSV text of <see cref="WriteColumns"/>.</summary>
    public static string FormatColumns(Provenance provenance, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<double>> values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != columns.Count) throw new ArgumentException($"{values.Count} value columns for {columns.Count} names", nameof(values));
        int n = values.Count == 0 ? 0 : values[0].Count;
        if (values.Any(v => v.Count != n)) throw new ArgumentException("all columns must have the same length", nameof(values));
        var rows = Enumerable.Range(0, n).Select(i => (IReadOnlyList<object?>)values.Select(v => (object?)v[i]).ToArray());
        return Format(provenance, columns, rows);
    }

    /// <summary>The CSV text of <see cref="Write"/>.</summary>
    public static string Format(Provenance provenance, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        var sb = new StringBuilder(provenance.ToCommentBlock());
        AppendRow(sb, columns.Select(c => (object?)c).ToArray());
        int r = 0;
        foreach (IReadOnlyList<object?> row in rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"row {r} has {row.Count} cells, the header {columns.Count}", nameof(rows));
            AppendRow(sb, row);
            r++;
        }
        return sb.ToString();
    }

    /// <summary>Formats one cell: doubles/floats round-trip ("R"), integers and bools invariant, strings quoted when needed, null empty.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        string s => Quote(s),
        bool b => b ? "true" : "false",
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? ""),
    };

    private static void AppendRow(StringBuilder sb, IReadOnlyList<object?> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(FormatCell(cells[i]));
        }
        sb.Append('\n');
    }

    private static string Quote(string s)
    {
        // A leading '#' would read as a comment line, so it is quoted too.
        bool needs = s.AsSpan().IndexOfAny(",\"\n\r") >= 0 || s.StartsWith('#') || s != s.Trim();
        return needs ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}

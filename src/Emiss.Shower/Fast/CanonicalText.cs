using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Emiss.Shower.Fast;

/// <summary>
/// A canonical text of a settings record for content hashes (<see cref="ShowerLibraryKey.Digest()"/>): every public
/// instance property, in ordinal name order, as <c>Name=value;</c> with invariant round-trip formatting. Reflection, not a
/// hand-written list, so that a property added to the record later is part of the hash without anyone remembering it.
/// </summary>
internal static class CanonicalText
{
    /// <summary>Appends the canonical text of <paramref name="record"/> (a settings record) to <paramref name="b"/>.</summary>
    public static void Append(StringBuilder b, object record)
    {
        Type t = record.GetType();
        b.Append(t.Name).Append('{');
        foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            b.Append(p.Name).Append('=');
            AppendValue(b, p.GetValue(record));
            b.Append(';');
        }
        b.Append('}');
    }

    private static void AppendValue(StringBuilder b, object? v)
    {
        switch (v)
        {
            case null: b.Append("null"); break;
            case double d: b.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case float f: b.Append(f.ToString("R", CultureInfo.InvariantCulture)); break;
            case string s: b.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"'); break;
            case Enum e: b.Append(e.GetType().Name).Append('.').Append(e.ToString()); break;
            case IFormattable x: b.Append(x.ToString(null, CultureInfo.InvariantCulture)); break;
            case bool x: b.Append(x ? "true" : "false"); break;
            // Collections of delegates (extra processes) have no canonical content; the key keeps them empty, so their count suffices.
            case IEnumerable items:
                b.Append('[');
                foreach (object? item in items)
                {
                    if (item is Delegate) b.Append("delegate");
                    else AppendValue(b, item);
                    b.Append(',');
                }
                b.Append(']');
                break;
            default: throw new NotSupportedException($"canonical text: no canonical form for {v.GetType().Name}");
        }
    }
}

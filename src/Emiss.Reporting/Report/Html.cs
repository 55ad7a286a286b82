using System.Globalization;
using System.Net;
using System.Text;

namespace Emiss.Reporting.Report;

/// <summary>
/// HTML fragments of the report. Every number is a cell carrying <c>data-key</c> (what it is, e.g.
/// <c>limit/16.7/observed</c>) and <c>data-value</c> (the exact value, shortest round-trip text) beside the rounded
/// text shown, so a reader (and a test) can compare the page with the CSV outputs.
/// </summary>
internal static class Html
{
    public static string Escape(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Exact text of a number: shortest round-trip, invariant ("Infinity" for +∞).</summary>
    public static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rounded text shown to the reader: four significant digits.</summary>
    public static string Shown(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : v > 0 ? "∞" : "—";

    /// <summary>A table cell holding a number.</summary>
    public static void Cell(StringBuilder sb, string key, double value) =>
        sb.Append("<td class=\"num\" data-key=\"").Append(Escape(key)).Append("\" data-value=\"").Append(Exact(value)).Append("\">")
          .Append(Escape(Shown(value))).Append("</td>");

    /// <summary>A table cell holding an integer count.</summary>
    public static void Cell(StringBuilder sb, string key, long value) =>
        sb.Append("<td class=\"num\" data-key=\"").Append(Escape(key)).Append("\" data-value=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append("\">")
          .Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");

    /// <summary>A table cell holding text.</summary>
    public static void Text(StringBuilder sb, string text) => sb.Append("<td>").Append(Escape(text)).Append("</td>");

    /// <summary>A header row.</summary>
    public static void Header(StringBuilder sb, params string[] names)
    {
        sb.Append("<thead><tr>");
        foreach (string n in names) sb.Append("<th>").Append(Escape(n)).Append("</th>");
        sb.Append("</tr></thead>\n");
    }

    /// <summary>A figure: the SVG inlined as a base64 data URI in an &lt;img&gt; (self-contained, and the ids inside one SVG cannot clash with another's).</summary>
    public static void Figure(StringBuilder sb, string id, string svg, string caption)
    {
        string body = SvgIds.Normalise(svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg);
        sb.Append("<figure id=\"").Append(Escape(id)).Append("\"><img alt=\"").Append(Escape(caption)).Append("\" src=\"data:image/svg+xml;base64,")
          .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(body))).Append("\"><figcaption>").Append(Escape(caption)).Append("</figcaption></figure>\n");
    }
}

using System.Text.RegularExpressions;

namespace Emiss.Reporting.Report;

/// <summary>
/// Renames the element ids of an SVG document to their order of first appearance (e0, e1, …) and rewrites the
/// references to them. ScottPlot numbers clip paths from a process-wide counter, so the same figure drawn twice gets
/// different ids; renumbering makes the report byte-identical across runs.
/// </summary>
internal static partial class SvgIds
{
    public static string Normalise(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Id().Matches(svg))
            map.TryAdd(m.Groups[1].Value, "e" + map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (map.Count == 0) return svg;
        return Reference().Replace(svg, m => map.TryGetValue(m.Groups[2].Value, out string? to) ? m.Groups[1].Value + to : m.Value);
    }

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex Id();

    /// <summary>An id attribute's value or a fragment reference (url(#x), href="#x"), the name ending before a quote or parenthesis.</summary>
    [GeneratedRegex(@"(\bid=""|#)([A-Za-z_][\w.\-:]*)(?=[""')])")]
    private static partial Regex Reference();
}

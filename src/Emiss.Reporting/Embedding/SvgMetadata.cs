using System.Xml.Linq;

namespace Emiss.Reporting.Embedding;

/// <summary>Embeds key/value provenance in an SVG document as a &lt;metadata&gt; element (SVG 1.1 §21).</summary>
public static class SvgMetadata
{
    /// <summary>XML namespace of the provenance entries.</summary>
    public const string Namespace = "urn:emiss:provenance:1";

    /// <summary>Returns the SVG text with a &lt;metadata&gt; element inserted as the first child of the root &lt;svg&gt;.</summary>
    public static string Embed(string svg, IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(entries);
        int open = svg.IndexOf("<svg", StringComparison.Ordinal);
        int close = open < 0 ? -1 : svg.IndexOf('>', open);
        if (close < 0) throw new InvalidDataException("no <svg> root element found");
        XNamespace ns = Namespace;
        var provenance = new XElement(ns + "provenance", new XAttribute(XNamespace.Xmlns + "emiss", Namespace),
            entries.Select(e => new XElement(ns + "item", new XAttribute("key", e.Key), e.Value)));
        string metadata = "<metadata>" + provenance.ToString(SaveOptions.DisableFormatting) + "</metadata>";
        return string.Concat(svg.AsSpan(0, close + 1), metadata, svg.AsSpan(close + 1));
    }

    /// <summary>Reads the provenance entries embedded by <see cref="Embed"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string svg)
    {
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = Namespace;
        return doc.Descendants(ns + "item")
            .Select(e => new KeyValuePair<string, string>((string?)e.Attribute("key") ?? "", e.Value))
            .ToList();
    }
}

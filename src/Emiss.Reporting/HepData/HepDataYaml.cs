using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Emiss.Reporting.HepData;

/// <summary>
/// Builds YAML nodes for HEPData files. HEPData reads them with PyYAML (YAML 1.1), so numbers are written in the form
/// YAML 1.1 resolves as numbers — a float needs a '.' in the mantissa and a signed exponent ("1.0e-05", never
/// "1E-05", which PyYAML reads as a string) — and every string is double-quoted so none is read as a number.
/// </summary>
internal static class HepDataYaml
{
    public static YamlScalarNode Text(string s) => new(s) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>A number (finite) as a plain YAML 1.1 scalar; shortest round-trip digits.</summary>
    public static YamlScalarNode Number(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException($"{v} is not a finite number", nameof(v));
        return new YamlScalarNode(Format(v)) { Style = ScalarStyle.Plain };
    }

    public static YamlScalarNode Integer(long v) => new(v.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    /// <summary>A value cell: the number, or the string "-" (HEPData's "no value") when it is not finite.</summary>
    public static YamlNode ValueOrDash(double v) => double.IsFinite(v) ? Number(v) : Text("-");

    /// <summary>Shortest round-trip text in YAML 1.1 float syntax ("0.15", "2.75e+09", "1.0e-05").</summary>
    public static string Format(double v)
    {
        string r = v.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? r : r[..e];
        if (!mantissa.Contains('.', StringComparison.Ordinal)) mantissa += ".0";
        if (e < 0) return mantissa;
        string exponent = r[(e + 1)..];
        if (exponent[0] is not ('+' or '-')) exponent = "+" + exponent;
        return mantissa + "e" + exponent;
    }

    public static YamlMappingNode Map(params (string Key, YamlNode Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (k, v) in entries) map.Add(new YamlScalarNode(k), v);
        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    /// <summary>YAML text of the documents, each starting with "---", after the '#' comment block.</summary>
    public static string Documents(string commentBlock, IEnumerable<YamlNode> documents)
    {
        var sb = new StringBuilder(commentBlock);
        foreach (YamlNode doc in documents)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            new YamlStream(new YamlDocument(doc)).Save(writer, assignAnchors: false);
            string text = writer.ToString().ReplaceLineEndings("\n");
            // YamlStream ends every document with "...": the next "---" already separates them.
            if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
            sb.Append("---\n").Append(text);
        }
        return sb.ToString();
    }

    /// <summary>A data table: independent and dependent variables.</summary>
    public static YamlMappingNode Table(IEnumerable<YamlNode> independent, IEnumerable<YamlNode> dependent) =>
        Map(("independent_variables", Seq(independent)), ("dependent_variables", Seq(dependent)));

    /// <summary>A variable: header (name, units), qualifiers, values.</summary>
    public static YamlMappingNode Variable(string name, string? units, IEnumerable<YamlNode> values, params (string Name, string Value)[] qualifiers)
    {
        YamlMappingNode header = units is null ? Map(("name", Text(name))) : Map(("name", Text(name)), ("units", Text(units)));
        var v = Map(("header", header));
        if (qualifiers.Length > 0)
            v.Add("qualifiers", Seq(qualifiers.Select(q => (YamlNode)Map(("name", Text(q.Name)), ("value", Text(q.Value))))));
        v.Add("values", Seq(values));
        return v;
    }

    /// <summary>An asymmetric error (signed minus and plus).</summary>
    public static YamlMappingNode Asym(double minus, double plus, string label) =>
        Map(("asymerror", Map(("minus", Number(minus)), ("plus", Number(plus)))), ("label", Text(label)));

    /// <summary>A symmetric error.</summary>
    public static YamlMappingNode Sym(double error, string label) => Map(("symerror", Number(error)), ("label", Text(label)));
}

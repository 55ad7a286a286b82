using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// YAML → JSON as HEPData's validator sees it: HEPData loads YAML with PyYAML, which resolves plain scalars by the
/// YAML 1.1 rules (yaml.org/type/float.html, int.html, bool.html, null.html). A float there needs a '.' and a signed
/// exponent, so "1E-05" would stay a string; this converter applies the same rules, so such output fails the tests.
/// </summary>
internal static partial class Yaml11ToJson
{
    public static IReadOnlyList<JsonNode?> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => Convert(d.RootNode)).ToArray();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => throw new InvalidDataException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonValue? Scalar(YamlScalarNode s)
    {
        string v = s.Value ?? "";
        if (s.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(v);
        if (v is "" or "~" or "null" or "Null" or "NULL") return null;
        if (Bool().IsMatch(v)) return JsonValue.Create(v.ToLowerInvariant() is "true" or "yes" or "on" or "y");
        if (Int().IsMatch(v)) return JsonValue.Create(long.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        if (Float().IsMatch(v)) return JsonValue.Create(double.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        return JsonValue.Create(v);
    }

    // PyYAML's resolver patterns (resolver.py, Resolver.add_implicit_resolver), decimal forms only.
    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?(?:0|[1-9][0-9_]*)$")]
    private static partial Regex Int();

    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool();
}

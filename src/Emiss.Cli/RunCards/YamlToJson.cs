using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Emiss.Cli.RunCards;

/// <summary>
/// Converts a YAML document to a JSON tree so YAML and JSON cards share one System.Text.Json path
/// (ARCHITECTURE.md, configuration). Plain (unquoted) scalars that read as numbers, booleans or null
/// become JSON numbers, booleans or null; everything else stays a string.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yamlText, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            throw new RunCardException($"{sourceName}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        if (stream.Documents.Count != 1)
            throw new RunCardException($"{sourceName}: expected exactly one YAML document, found {stream.Documents.Count}");
        return Node(stream.Documents[0].RootNode, sourceName);
    }

    private static JsonNode? Node(YamlNode node, string source) => node switch
    {
        YamlMappingNode map => Mapping(map, source),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => Node(c, source)).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => throw new RunCardException($"{source}: unsupported YAML node at line {node.Start.Line} (anchors/aliases are not supported)"),
    };

    private static JsonObject Mapping(YamlMappingNode map, string source)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map.Children)
        {
            string key = (k as YamlScalarNode)?.Value ?? throw new RunCardException($"{source}: non-scalar key at line {k.Start.Line}");
            if (obj.ContainsKey(key)) throw new RunCardException($"{source}: duplicate key '{key}' at line {k.Start.Line}");
            obj[key] = Node(v, source);
        }
        return obj;
    }

    private static JsonValue? Scalar(YamlScalarNode s)
    {
        string v = s.Value ?? "";
        if (s.Style is ScalarStyle.Plain)
        {
            if (v is "" or "~" or "null") return null;
            if (v is "true" or "True") return JsonValue.Create(true);
            if (v is "false" or "False") return JsonValue.Create(false);
            if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return JsonValue.Create(l);
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
                return JsonValue.Create(d);
        }
        return JsonValue.Create(v);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Emiss.Cli.RunCards;

/// <summary>
/// Converts a YAML document to a JSON tree so YAML and JSON cards share one System.Text.Json path
/// (docs/ARCHITECTURE.md, configuration). Plain (unquoted) scalars that read as numbers, booleans or null
/// become JSON numbers, booleans or null; everything else stays a string.
/// </summary>
internal static class YamlToJson
{
    /// <summary>Converts <paramref name="yamlText"/>; when <paramref name="lines"/> is given, records the line of every
    /// value by its JSON path ("$.beam.energyGeV", "$.runs[0].name") so that errors can point into the user's file.</summary>
    public static JsonNode? Convert(string yamlText, string sourceName, IDictionary<string, int>? lines = null)
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
        return Node(stream.Documents[0].RootNode, sourceName, "$", lines ?? new Dictionary<string, int>());
    }

    private static JsonNode? Node(YamlNode node, string source, string path, IDictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        return node switch
        {
            YamlMappingNode map => Mapping(map, source, path, lines),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select((c, i) => Node(c, source, $"{path}[{i}]", lines)).ToArray()),
            YamlScalarNode s => Scalar(s),
            _ => throw new RunCardException($"{source}: unsupported YAML node at line {node.Start.Line} (anchors/aliases are not supported)"),
        };
    }

    private static JsonObject Mapping(YamlMappingNode map, string source, string path, IDictionary<string, int> lines)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map.Children)
        {
            string key = (k as YamlScalarNode)?.Value ?? throw new RunCardException($"{source}: non-scalar key at line {k.Start.Line}");
            if (obj.ContainsKey(key)) throw new RunCardException($"{source}: duplicate key '{key}' at line {k.Start.Line}");
            string child = $"{path}.{key}";
            obj[key] = Node(v, source, child, lines);
            lines[child] = (int)k.Start.Line;   // the key's line: a block mapping or list value starts on the next one
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

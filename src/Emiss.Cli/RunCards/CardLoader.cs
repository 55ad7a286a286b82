using System.Text.Json;
using System.Text.Json.Nodes;
using Emiss.Core.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Emiss.Cli.RunCards;

/// <summary>
/// Loads run cards: an embedded card by name (e.g. "na64-2016") or a user file (.yaml, .yml, .json),
/// rejecting unknown keys and invalid values with messages that name the field and the fix.
/// </summary>
internal static class CardLoader
{
    /// <summary>Names of the embedded run cards.</summary>
    public static IReadOnlyList<string> EmbeddedNames => CardSource.RunCard.EmbeddedNames;

    /// <summary>Reads the text of an embedded card or a file, returning (text, source name, isJson).</summary>
    public static (string Text, string Source, bool IsJson) ReadText(string nameOrPath, CardSource? kind = null)
    {
        kind ??= CardSource.RunCard;
        using Stream? embedded = typeof(CardLoader).Assembly.GetManifestResourceStream(kind.ResourcePrefix + nameOrPath + ".yaml");
        if (embedded is not null)
        {
            using var reader = new StreamReader(embedded);
            return (reader.ReadToEnd(), $"{kind.Noun} '{nameOrPath}'", false);
        }
        if (!File.Exists(nameOrPath))
            throw new RunCardException(
                $"{kind.Option}: '{nameOrPath}' is neither {Article(kind.Noun)} ({string.Join(", ", kind.EmbeddedNames)}) nor an existing file");
        string ext = Path.GetExtension(nameOrPath).ToLowerInvariant();
        if (ext is not (".yaml" or ".yml" or ".json"))
            throw new RunCardException($"{kind.Option}: '{nameOrPath}' must be a .yaml, .yml or .json file");
        return (File.ReadAllText(nameOrPath), nameOrPath, ext == ".json");
    }

    /// <summary>Reads an embedded card or a file as a JSON tree (YAML converted), returning it with its source name
    /// and the YAML line of every JSON path (empty for JSON cards).</summary>
    public static (JsonNode? Node, string Source, CardLines Lines) ReadJson(string nameOrPath, CardSource? kind = null)
    {
        var (text, source, isJson) = ReadText(nameOrPath, kind);
        var lines = new CardLines(source);
        if (!isJson) return (YamlToJson.Convert(text, source, lines.ByPath), source, lines);
        try { return (JsonNode.Parse(text), source, lines); }
        catch (JsonException e) { throw new RunCardException($"{source}: not valid JSON at line {e.LineNumber + 1}: {JsonErrorText.Describe(e)}", e); }
    }

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    /// <summary>Loads and validates a card of type <typeparamref name="T"/>.</summary>
    public static T Load<T>(string nameOrPath, Func<T, IReadOnlyList<string>> validate)
    {
        var (node, source, lines) = ReadJson(nameOrPath);
        T card;
        try
        {
            card = StrictJsonBinder.Bind<T>(node, source);
        }
        catch (RunCardException e)
        {
            throw lines.Locate(e);
        }
        IReadOnlyList<string> problems = validate(card);
        if (problems.Count > 0)
            throw lines.Locate(new RunCardException(string.Join("\n", problems.Select(p => $"{source}: run card error at {p}"))));
        return card;
    }

    /// <summary>The resolved card as YAML (what run.yaml and every output's provenance record).</summary>
    public static string ToYaml<T>(T card) where T : notnull =>
        new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Serialize(card);
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Emiss.Cli.RunCards;

/// <summary>
/// Loads run cards: an embedded card by name (e.g. "na64-2016") or a user file (.yaml, .yml, .json),
/// rejecting unknown keys and invalid values with messages that name the field and the fix.
/// </summary>
internal static class CardLoader
{
    private const string ResourcePrefix = "Emiss.Cli.Cards.";

    /// <summary>Names of the embedded cards.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(CardLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads the text of an embedded card or a file, returning (text, source name, isJson).</summary>
    public static (string Text, string Source, bool IsJson) ReadText(string nameOrPath)
    {
        Assembly asm = typeof(CardLoader).Assembly;
        using Stream? embedded = asm.GetManifestResourceStream(ResourcePrefix + nameOrPath + ".yaml");
        if (embedded is not null)
        {
            using var reader = new StreamReader(embedded);
            return (reader.ReadToEnd(), $"embedded card '{nameOrPath}'", false);
        }
        if (!File.Exists(nameOrPath))
            throw new RunCardException(
                $"--config: '{nameOrPath}' is neither an embedded card ({string.Join(", ", EmbeddedNames)}) nor an existing file");
        string ext = Path.GetExtension(nameOrPath).ToLowerInvariant();
        if (ext is not (".yaml" or ".yml" or ".json"))
            throw new RunCardException($"--config: '{nameOrPath}' must be a .yaml, .yml or .json file");
        return (File.ReadAllText(nameOrPath), nameOrPath, ext == ".json");
    }

    /// <summary>Loads and validates a card of type <typeparamref name="T"/>.</summary>
    public static T Load<T>(string nameOrPath, Func<T, IReadOnlyList<string>> validate)
    {
        var (text, source, isJson) = ReadText(nameOrPath);
        JsonNode? node;
        if (isJson)
        {
            try { node = JsonNode.Parse(text); }
            catch (JsonException e) { throw new RunCardException($"{source}: not valid JSON: {e.Message}", e); }
        }
        else node = YamlToJson.Convert(text, source);
        T card = StrictJsonBinder.Bind<T>(node, source);
        IReadOnlyList<string> problems = validate(card);
        if (problems.Count > 0)
            throw new RunCardException(string.Join("\n", problems.Select(p => $"{source}: run card error at {p}")));
        return card;
    }

    /// <summary>The resolved card as YAML (what run.yaml and every output's provenance record).</summary>
    public static string ToYaml<T>(T card) where T : notnull =>
        new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Serialize(card);
}

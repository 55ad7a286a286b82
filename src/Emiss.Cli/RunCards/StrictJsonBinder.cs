using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Emiss.Core.Text;

namespace Emiss.Cli.RunCards;

/// <summary>
/// Binds a JSON tree to an immutable card record, first reporting every unknown key with its JSON
/// path and the closest known key ("did you mean 'energyGeV'?"), then type errors with their path.
/// </summary>
internal static class StrictJsonBinder
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        WriteIndented = true,
    };

    public static T Bind<T>(JsonNode? node, string source)
    {
        IReadOnlyList<UnknownKeys.Problem> unknown = UnknownKeys.Find(node, typeof(T));
        if (unknown.Count > 0)
            throw new RunCardException(string.Join("\n", unknown.Select(p =>
                $"{source}: run card error at {p.Path}: unknown key '{p.Key}'" + (p.Suggestion is null ? "" : $"; did you mean '{p.Suggestion}'?") +
                $" (known keys: {string.Join(", ", p.Known)})")));
        try
        {
            return node.Deserialize<T>(Options) ?? throw new RunCardException($"{source}: run card is empty");
        }
        catch (JsonException e)
        {
            throw new RunCardException($"{source}: run card error at {e.Path ?? "$"}: {JsonErrorText.Describe(e)}", e);
        }
    }
}

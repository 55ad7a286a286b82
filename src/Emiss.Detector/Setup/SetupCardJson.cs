using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Emiss.Core.Text;

namespace Emiss.Detector.Setup;

/// <summary>
/// Strict JSON binding of set-up cards (YAML cards are converted to JSON by the CLI). A user card overrides a
/// built-in card: its optional <c>base</c> key names the preset (default <see cref="SetupPresets.Na64_2016_PbSc"/>),
/// objects merge key by key, arrays replace. Unknown keys are errors naming the path and the closest key, e.g.
/// <c>setup card error at $.beam.energy: unknown key 'energy'; did you mean 'energyGeV'?</c>.
/// </summary>
public static class SetupCardJson
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>The resolved card as indented JSON (what outputs record in their provenance).</summary>
    public static string Serialize(SetupCard card) => JsonSerializer.Serialize(card, Json);

    /// <summary>Resolves a user card (JSON text) on top of its base preset, checks keys and values, and returns
    /// the card; throws <see cref="SetupCardException"/> listing every problem.</summary>
    public static SetupCard Parse(string json)
    {
        JsonNode? user;
        try
        {
            user = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SetupCardException($"setup card error: not valid JSON/YAML ({e.Message})", e);
        }
        if (user is not JsonObject userObj)
            throw new SetupCardException("setup card error at $: the card must be a mapping of keys to values");

        string baseName = SetupPresets.Na64_2016_PbSc;
        if (userObj["base"] is JsonNode b)
        {
            baseName = b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : throw new SetupCardException("setup card error at $.base: must be a preset name string");
            userObj = (JsonObject)userObj.DeepClone();
            userObj.Remove("base");
        }
        var merged = (JsonObject)JsonNode.Parse(Serialize(SetupPresets.ByName(baseName)))!;
        Merge(merged, userObj);

        List<string> problems = UnknownKeys.Find(merged, typeof(SetupCard)).Select(p => p.Suggestion is null
            ? $"setup card error at {p.Path}: unknown key '{p.Key}'; allowed keys: {string.Join(", ", p.Known)}"
            : $"setup card error at {p.Path}: unknown key '{p.Key}'; did you mean '{p.Suggestion}'?").ToList();
        if (problems.Count > 0) throw new SetupCardException(problems);

        SetupCard card;
        try
        {
            card = merged.Deserialize<SetupCard>(Json) ?? throw new SetupCardException("setup card error at $: empty card");
        }
        catch (JsonException e)
        {
            throw new SetupCardException($"setup card error at {e.Path ?? "$"}: {JsonErrorText.Describe(e)}", e);
        }
        IReadOnlyList<string> invalid = card.Validate();
        if (invalid.Count > 0) throw new SetupCardException(invalid);
        return card;
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach ((string key, JsonNode? value) in overrides.ToList())
        {
            if (value is JsonObject o && target[key] is JsonObject t) Merge(t, o);
            else target[key] = value?.DeepClone();
        }
    }
}

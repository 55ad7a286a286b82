using System.Reflection;
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
        var problems = new List<string>();
        CheckKeys(node, typeof(T), "$", problems);
        if (problems.Count > 0) throw new RunCardException(string.Join("\n", problems.Select(p => $"{source}: run card error at {p}")));
        try
        {
            return node.Deserialize<T>(Options) ?? throw new RunCardException($"{source}: run card is empty");
        }
        catch (JsonException e)
        {
            throw new RunCardException($"{source}: run card error at {e.Path ?? "$"}: {Explain(e)}", e);
        }
    }

    private static string Explain(JsonException e)
    {
        string m = e.Message;
        int cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? m[..cut] : m;
    }

    private static void CheckKeys(JsonNode? node, Type type, string path, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonObject obj && IsRecordLike(type))
        {
            Dictionary<string, Type> known = KnownProperties(type);
            foreach (var (key, child) in obj)
            {
                if (known.TryGetValue(key, out Type? childType)) CheckKeys(child, childType, $"{path}.{key}", problems);
                else
                {
                    string? near = NameSuggestions.Closest(key, known.Keys);
                    problems.Add($"{path}.{key}: unknown key '{key}'" + (near is null ? "" : $"; did you mean '{near}'?") +
                                 $" (known keys: {string.Join(", ", known.Keys)})");
                }
            }
        }
        else if (node is JsonArray arr && ElementType(type) is { } et)
        {
            for (int i = 0; i < arr.Count; i++) CheckKeys(arr[i], et, $"{path}[{i}]", problems);
        }
    }

    private static bool IsRecordLike(Type t) => t.IsClass && t != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t);

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : null;

    private static Dictionary<string, Type> KnownProperties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
         .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
         .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                       p => p.PropertyType, StringComparer.Ordinal);
}

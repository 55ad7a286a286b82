using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Emiss.Core.Text;

/// <summary>
/// Finds keys of a JSON tree that an immutable card record does not have, recursively through
/// nested records and lists, before binding, so that every unknown key is reported with its path and
/// the closest known key. Known keys are the public settable properties (camelCase or
/// [JsonPropertyName]); computed properties cannot be set by a card and are not keys.
/// </summary>
public static class UnknownKeys
{
    /// <summary>One unknown key.</summary>
    /// <param name="Path">JSON path of the key, e.g. "$.beam.energy".</param>
    /// <param name="Key">The key as written.</param>
    /// <param name="Suggestion">The closest known key, or null.</param>
    /// <param name="Known">The keys allowed at that place.</param>
    public sealed record Problem(string Path, string Key, string? Suggestion, IReadOnlyList<string> Known);

    /// <summary>All unknown keys of <paramref name="node"/> read as a <paramref name="type"/>, in document order.</summary>
    public static IReadOnlyList<Problem> Find(JsonNode? node, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var problems = new List<Problem>();
        Walk(node, type, "$", problems);
        return problems;
    }

    private static void Walk(JsonNode? node, Type type, string path, List<Problem> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonObject obj && IsRecordLike(type))
        {
            Dictionary<string, Type> known = KnownProperties(type);
            foreach (var (key, child) in obj)
            {
                if (known.TryGetValue(key, out Type? childType)) Walk(child, childType, $"{path}.{key}", problems);
                else problems.Add(new Problem($"{path}.{key}", key, NameSuggestions.Closest(key, known.Keys), [.. known.Keys]));
            }
        }
        else if (node is JsonArray arr && ElementType(type) is { } et)
        {
            for (int i = 0; i < arr.Count; i++) Walk(arr[i], et, $"{path}[{i}]", problems);
        }
    }

    private static bool IsRecordLike(Type t) => t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t);

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : null;

    private static Dictionary<string, Type> KnownProperties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
         .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
         .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                       p => p.PropertyType, StringComparer.Ordinal);
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Emiss.Core.Text;

/// <summary>
/// Rewrites System.Text.Json's binding errors for people who write cards: what the value should be, in words,
/// without .NET type names ("System.Double") or the internal document's line and byte position (cards written in
/// YAML are converted to JSON first, so those positions would point into a document the user never saw).
/// </summary>
public static partial class JsonErrorText
{
    /// <summary>The problem of <paramref name="e"/>, without the path (callers print the path themselves).</summary>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string m = e.Message;
        int cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) m = m[..cut];
        if (Conversion().Match(m) is { Success: true } c) return $"expected {Kind(c.Groups[1].Value)}";
        if (MissingRequired().Match(m) is { Success: true } r) return $"missing required key(s) {r.Groups[1].Value}";
        if (NoNull().Match(m) is { Success: true } n) return $"'{n.Groups[1].Value}' must have a value (null or empty is not allowed)";
        return TypeName().Replace(m.TrimEnd('.'), "a value of another kind");
    }

    private static string Kind(string type) => Unwrap(type) switch
    {
        "System.Double" or "System.Single" or "System.Decimal" =>
            "a number (unquoted, '.' as the decimal point, no thousands separators, e.g. 1.5 or 2e9)",
        "System.Int32" or "System.Int64" or "System.UInt32" or "System.UInt64" =>
            "a whole number (unquoted, no thousands separators, e.g. 1000)",
        "System.Boolean" => "true or false",
        "System.String" => "a text value",
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list, e.g. [1, 10]",
        _ when type.StartsWith("Emiss.", StringComparison.Ordinal) && !type.Contains('+', StringComparison.Ordinal) && type.EndsWith("Kind", StringComparison.Ordinal) => "one of the documented names",
        _ => "a mapping of keys to values or one of the documented names",
    };

    /// <summary>"System.Nullable`1[System.Double]" → "System.Double".</summary>
    private static string Unwrap(string type) =>
        type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) && type.EndsWith(']') ? type["System.Nullable`1[".Length..^1] : type;

    [GeneratedRegex("^The JSON value could not be converted to (.+?)\\.?$")]
    private static partial Regex Conversion();

    [GeneratedRegex("missing required properties,? including:? (.+?)\\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("property or constructor parameter '([^']+)' on type '[^']+' doesn't allow null values")]
    private static partial Regex NoNull();

    [GeneratedRegex(@"'?(System|Emiss)\.[A-Za-z0-9_.`+\[\]]+'?")]
    private static partial Regex TypeName();
}

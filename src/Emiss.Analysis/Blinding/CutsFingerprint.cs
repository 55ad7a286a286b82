using System.Text.Json;
using Emiss.Core.IO;
using Emiss.Events.Selection;

namespace Emiss.Analysis.Blinding;

/// <summary>
/// The canonical form of a set of cuts and its SHA-256: JSON with camelCase keys in declaration order, no white
/// space, numbers in shortest round-trip form, prefixed by a version tag. Two cut sets have the same fingerprint
/// exactly when every value is bit-identical. docs/physics/blinding.md#freeze.
/// </summary>
public static class CutsFingerprint
{
    /// <summary>Version tag of the canonical form.</summary>
    public const string Version = "emiss-cuts/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The canonical JSON of <paramref name="cuts"/>.</summary>
    public static string Canonical(SelectionCuts cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        return JsonSerializer.Serialize(cuts, Options);
    }

    /// <summary>Parses canonical (or any strict) JSON back into cuts.</summary>
    /// <exception cref="InvalidDataException">Not valid cuts JSON.</exception>
    public static SelectionCuts Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<SelectionCuts>(json, Options) ?? throw new InvalidDataException($"{source}: no cuts");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: cuts are not valid at {e.Path ?? "$"} ({e.Message})", e);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the version tag, a newline and the canonical JSON.</summary>
    public static string Sha256(SelectionCuts cuts) => Sha256Hex.OfText(Version + "\n" + Canonical(cuts));
}

using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: lateral world boundary ("box" with halfWidthCm, or "cylinder" with radiusCm).</summary>
internal sealed class TransverseDocument
{
    [JsonRequired] public string Shape { get; init; } = "";
    public double? HalfWidthCm { get; init; }
    public double? RadiusCm { get; init; }
}

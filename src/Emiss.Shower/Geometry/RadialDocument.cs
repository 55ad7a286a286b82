using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: radial scoring rings, width given in cm or in X0 of the first slab's material.</summary>
internal sealed class RadialDocument
{
    public double? BinCm { get; init; }
    public double? BinX0 { get; init; }
    [JsonRequired] public int Bins { get; init; }
}

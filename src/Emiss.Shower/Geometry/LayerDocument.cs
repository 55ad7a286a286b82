using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: one layer: material name, thickness (exactly one of thicknessCm / thicknessX0), active flag.</summary>
internal sealed class LayerDocument
{
    [JsonRequired] public string Material { get; init; } = "";
    public double? ThicknessCm { get; init; }
    public double? ThicknessX0 { get; init; }
    public bool Active { get; init; }
}

using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: one layer: material name, thickness (exactly one of thicknessCm / thicknessX0), active flag, and for a
/// scintillating active layer its Birks constant (mm/MeV).</summary>
internal sealed class LayerDocument
{
    [JsonRequired] public string Material { get; init; } = "";
    public double? ThicknessCm { get; init; }
    public double? ThicknessX0 { get; init; }
    public bool Active { get; init; }
    public double? BirksMmPerMeV { get; init; }
}

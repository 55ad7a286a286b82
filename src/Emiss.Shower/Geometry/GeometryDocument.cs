using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON form of a geometry data file (schema "emiss-geometry/1"); unknown keys are errors.</summary>
internal sealed class GeometryDocument
{
    [JsonRequired] public string Schema { get; init; } = "";
    [JsonRequired] public string Name { get; init; } = "";
    [JsonRequired] public string Description { get; init; } = "";
    [JsonRequired] public TransverseDocument Transverse { get; init; } = new();
    public CellsDocument? Cells { get; init; }
    public RadialDocument? Radial { get; init; }
    public Dictionary<string, double>? ElectronCutsMeV { get; init; }
    [JsonRequired] public List<SectionDocument> Sections { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: a readout section: a list of layers repeated <see cref="Repeat"/> times. With <see cref="OneVolume"/> its
/// slabs (all of one material) are readout bins of one volume rather than separate volumes.</summary>
internal sealed class SectionDocument
{
    [JsonRequired] public string Name { get; init; } = "";
    public int Repeat { get; init; } = 1;
    public bool OneVolume { get; init; }
    [JsonRequired] public List<LayerDocument> Layers { get; init; } = [];
}

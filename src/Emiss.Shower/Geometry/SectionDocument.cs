using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: a readout section: a list of layers repeated <see cref="Repeat"/> times.</summary>
internal sealed class SectionDocument
{
    [JsonRequired] public string Name { get; init; } = "";
    public int Repeat { get; init; } = 1;
    [JsonRequired] public List<LayerDocument> Layers { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace Emiss.Shower.Geometry;

/// <summary>JSON: readout cell grid.</summary>
internal sealed class CellsDocument
{
    [JsonRequired] public int Nx { get; init; }
    [JsonRequired] public int Ny { get; init; }
    [JsonRequired] public double SizeCm { get; init; }
}

using System.Globalization;

namespace Emiss.Detector.Setup;

/// <summary>
/// One passive element of the beam line's material map (docs/physics/beam-line.md#material-map): a slab of a catalog
/// material from <see cref="ZCm"/> to <see cref="ZCm"/> + <see cref="ThicknessCm"/> across the whole beam (vacuum
/// windows, air gaps, magnet-chamber windows). Counters and trackers carry their own material and may sit inside an
/// air gap; passive elements may lie inside a dipole field, but never overlap each other.
/// </summary>
public sealed record PassiveElementOptions
{
    /// <summary>Name, e.g. "vessel-exit-window".</summary>
    public string Name { get; init; } = "element";

    /// <summary>Upstream face, cm (ECAL front face at z = 0).</summary>
    public double ZCm { get; init; }

    /// <summary>Catalog material ("Mylar", "Al", "Air", "Fe", ...; docs/physics/materials.md#material-table).</summary>
    public string Material { get; init; } = "Mylar";

    /// <summary>Length along the beam, cm.</summary>
    public double ThicknessCm { get; init; } = 0.01;

    /// <summary>Downstream face, cm.</summary>
    public double ZEndCm() => ZCm + ThicknessCm;

    /// <summary>Thickness in radiation lengths (the material's X0 from the catalog).</summary>
    public double RadiationLengthFraction() => ThicknessCm / Core.Materials.MaterialCatalog.ByName(Material).RadiationLengthCm;

    internal void Validate(string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name))
            errors.Add($"setup card error at {path}.name: empty name; give every element of the material map a name");
        SetupChecks.Material(Material, path + ".material", errors);
        SetupChecks.Positive(ThicknessCm, path + ".thicknessCm", errors);
        if (!(ZCm >= -1e5))
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"setup card error at {path}.zCm: value {ZCm} lies more than 1 km upstream of the ECAL; give z in cm with the ECAL face at z = 0"));
        else if (!(ZCm + ThicknessCm <= 0))
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"setup card error at {path}.zCm: element '{Name}' spans [{ZCm}, {ZCm + ThicknessCm}] cm; it must end at or before the ECAL face (z = 0)"));
    }
}

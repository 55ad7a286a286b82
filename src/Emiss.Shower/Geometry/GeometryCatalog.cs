using System.Collections.Frozen;
using System.Text.Json;
using Emiss.Core.Materials;

namespace Emiss.Shower.Geometry;

/// <summary>
/// Geometry data files: the built-in ones are JSON embedded resources (Geometries/*.json); users may load their
/// own file. Parsing is strict (unknown keys are errors) and every error names the offending field.
/// </summary>
public static class GeometryCatalog
{
    private const string Prefix = "Emiss.Shower.Geometries.";

    /// <summary>1 mm/MeV in cm/GeV (the data files give k_B in mm/MeV, the unit of the scintillator literature).</summary>
    public const double BirksUnitCmPerGeV = 100.0;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private static readonly FrozenSet<string> Names = typeof(GeometryCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Names of the built-in geometries (e.g. "na64-ecal", "testem2-pbwo4").</summary>
    public static IReadOnlyList<string> BuiltIn => [.. Names.Order(StringComparer.Ordinal)];

    /// <summary>Loads a built-in geometry by name, or a JSON file if <paramref name="nameOrPath"/> ends in ".json".</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the built-in ones).</exception>
    /// <exception cref="InvalidDataException">The data file is invalid; the message names the field.</exception>
    public static SlabStack Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using FileStream fs = File.OpenRead(nameOrPath);
            return Parse(fs, nameOrPath);
        }
        if (!Names.Contains(nameOrPath))
            throw new ArgumentException($"unknown geometry '{nameOrPath}'; built-in: {string.Join(", ", BuiltIn)} (or give a path to a .json file)", nameof(nameOrPath));
        using Stream s = typeof(GeometryCatalog).Assembly.GetManifestResourceStream(Prefix + nameOrPath + ".json")!;
        return Parse(s, nameOrPath);
    }

    /// <summary>Parses a geometry JSON document from a stream; <paramref name="origin"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">Invalid document; the message names the field.</exception>
    public static SlabStack Parse(Stream json, string origin)
    {
        GeometryDocument doc;
        try
        {
            doc = JsonSerializer.Deserialize<GeometryDocument>(json, Json)
                ?? throw new InvalidDataException($"geometry '{origin}': empty document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"geometry '{origin}' error at {e.Path}: {Core.Text.JsonErrorText.Describe(e)}", e);
        }
        return Resolve(doc, origin);
    }

    private static SlabStack Resolve(GeometryDocument d, string origin)
    {
        string Err(string path, string what) => $"geometry '{origin}' error at $.{path}: {what}";
        if (d.Schema != "emiss-geometry/1") throw new InvalidDataException(Err("schema", $"expected 'emiss-geometry/1', got '{d.Schema}'"));
        TransverseShape shape;
        double size;
        switch (d.Transverse.Shape)
        {
            case "box":
                shape = TransverseShape.Box;
                size = d.Transverse.HalfWidthCm ?? throw new InvalidDataException(Err("transverse.halfWidthCm", "required for shape 'box'"));
                if (d.Transverse.RadiusCm is not null) throw new InvalidDataException(Err("transverse.radiusCm", "not allowed for shape 'box'"));
                break;
            case "cylinder":
                shape = TransverseShape.Cylinder;
                size = d.Transverse.RadiusCm ?? throw new InvalidDataException(Err("transverse.radiusCm", "required for shape 'cylinder'"));
                if (d.Transverse.HalfWidthCm is not null) throw new InvalidDataException(Err("transverse.halfWidthCm", "not allowed for shape 'cylinder'"));
                break;
            default:
                throw new InvalidDataException(Err("transverse.shape", $"'{d.Transverse.Shape}' is not 'box' or 'cylinder'"));
        }
        if (!(size > 0)) throw new InvalidDataException(Err("transverse", "size must be > 0"));
        if (d.Sections.Count == 0) throw new InvalidDataException(Err("sections", "at least one section is required"));
        var layers = new List<SlabLayer>();
        for (int s = 0; s < d.Sections.Count; s++)
        {
            SectionDocument sec = d.Sections[s];
            if (sec.Repeat < 1) throw new InvalidDataException(Err($"sections[{s}].repeat", $"must be ≥ 1, got {sec.Repeat}"));
            if (sec.Layers.Count == 0) throw new InvalidDataException(Err($"sections[{s}].layers", "at least one layer is required"));
            var one = new List<SlabLayer>();
            for (int l = 0; l < sec.Layers.Count; l++)
            {
                LayerDocument ld = sec.Layers[l];
                string p = $"sections[{s}].layers[{l}]";
                Material m;
                try { m = MaterialCatalog.ByName(ld.Material); }
                catch (ArgumentException e) { throw new InvalidDataException(Err(p + ".material", e.Message), e); }
                if ((ld.ThicknessCm is null) == (ld.ThicknessX0 is null))
                    throw new InvalidDataException(Err(p, "give exactly one of thicknessCm or thicknessX0"));
                double t = ld.ThicknessCm ?? ld.ThicknessX0!.Value * m.RadiationLengthCm;
                if (!(t > 0)) throw new InvalidDataException(Err(p + (ld.ThicknessCm is null ? ".thicknessX0" : ".thicknessCm"), "must be > 0"));
                double birks = 0;
                if (ld.BirksMmPerMeV is double kb)
                {
                    if (!(kb >= 0) || !double.IsFinite(kb))
                        throw new InvalidDataException(Err(p + ".birksMmPerMeV", $"must be a finite number ≥ 0 (mm/MeV), got {kb}"));
                    if (!ld.Active && kb > 0)
                        throw new InvalidDataException(Err(p + ".birksMmPerMeV", "only an active (read-out) layer has a light yield; set active: true or remove the key"));
                    birks = kb * BirksUnitCmPerGeV;
                }
                one.Add(new SlabLayer(m, t, ld.Active, sec.Name, birks));
            }
            if (sec.OneVolume && one.Any(x => x.Material.Name != one[0].Material.Name))
                throw new InvalidDataException(Err($"sections[{s}].oneVolume",
                    $"layers of {string.Join(" and ", one.Select(x => x.Material.Name).Distinct())} cannot form one volume; give the section layers of one material or remove oneVolume"));
            for (int r = 0; r < sec.Repeat; r++)
                for (int l = 0; l < one.Count; l++)
                    layers.Add(sec.OneVolume && (r > 0 || l > 0) ? one[l] with { SameVolumeAsPrevious = true } : one[l]);
        }
        CellGrid cells = d.Cells is null ? new CellGrid(1, 1, 2 * size) : new CellGrid(d.Cells.Nx, d.Cells.Ny, d.Cells.SizeCm);
        if (cells.Nx < 1 || cells.Ny < 1 || !(cells.SizeCm > 0)) throw new InvalidDataException(Err("cells", "nx, ny ≥ 1 and sizeCm > 0 required"));
        double binCm = 0.1;
        int bins = 50;
        if (d.Radial is not null)
        {
            if ((d.Radial.BinCm is null) == (d.Radial.BinX0 is null)) throw new InvalidDataException(Err("radial", "give exactly one of binCm or binX0"));
            binCm = d.Radial.BinCm ?? d.Radial.BinX0!.Value * layers[0].Material.RadiationLengthCm;
            bins = d.Radial.Bins;
            if (!(binCm > 0) || bins < 1) throw new InvalidDataException(Err("radial", "bin width > 0 and bins ≥ 1 required"));
        }
        var cuts = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (d.ElectronCutsMeV is not null)
            foreach ((string mat, double mev) in d.ElectronCutsMeV)
            {
                if (!MaterialCatalog.All.ContainsKey(mat)) throw new InvalidDataException(Err($"electronCutsMeV.{mat}", "unknown material"));
                if (!(mev > 0)) throw new InvalidDataException(Err($"electronCutsMeV.{mat}", "must be > 0"));
                cuts[mat] = mev * 1e-3;
            }
        return SlabStack.Build(d.Name, d.Description, layers, shape, size, cells, binCm, bins, cuts);
    }
}

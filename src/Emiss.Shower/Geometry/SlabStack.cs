using System.Collections.Immutable;
using Emiss.Core.Materials;

namespace Emiss.Shower.Geometry;

/// <summary>
/// The resolved geometry: slabs stacked along z from z = 0, a lateral world boundary, the readout cell grid and
/// the radial scoring rings. Everything outside (z &lt; 0, z &gt; length, or beyond the lateral boundary) is leakage.
/// Built from a data file (<see cref="GeometryCatalog"/>) or in code with <see cref="Build"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "SlabStack is the architecture's name for the geometry of stacked slabs, not a Stack<T>.")]
public sealed class SlabStack
{
    private SlabStack(string name, string description, IReadOnlyList<SlabLayer> layers, TransverseShape shape,
        double transverseSizeCm, CellGrid cells, double radialBinCm, int radialBins,
        ImmutableDictionary<string, double> electronCutsGeV)
    {
        Name = name;
        Description = description;
        Shape = shape;
        TransverseSizeCm = transverseSizeCm;
        Cells = cells;
        RadialBinCm = radialBinCm;
        RadialBins = radialBins;
        ElectronCutOverridesGeV = electronCutsGeV;
        Layers = [.. layers];
        var materials = new List<Material>();
        var sections = new List<string>();
        int n = layers.Count;
        ZEdgesCm = new double[n + 1];
        DepthEdgesX0 = new double[n + 1];
        SlabMaterial = new int[n];
        SlabActive = new bool[n];
        SlabBirksCmPerGeV = new double[n];
        SlabSection = new int[n];
        for (int i = 0; i < n; i++)
        {
            SlabLayer l = layers[i];
            int m = materials.FindIndex(x => x.Name == l.Material.Name);
            if (m < 0) { materials.Add(l.Material); m = materials.Count - 1; }
            int s = sections.IndexOf(l.Section);
            if (s < 0) { sections.Add(l.Section); s = sections.Count - 1; }
            SlabMaterial[i] = m;
            SlabActive[i] = l.Active;
            SlabBirksCmPerGeV[i] = l.BirksCmPerGeV;          // Build admits a constant only on active layers
            if (l.BirksCmPerGeV > 0) HasBirksSaturation = true;
            SlabSection[i] = s;
            ZEdgesCm[i + 1] = ZEdgesCm[i] + l.ThicknessCm;
            DepthEdgesX0[i + 1] = DepthEdgesX0[i] + l.ThicknessCm / l.Material.RadiationLengthCm;
        }
        Materials = [.. materials];
        SectionNames = [.. sections];
        // Navigation volumes: runs of slabs joined by SameVolumeAsPrevious (readout bins of one volume); every other slab is
        // its own volume, so these arrays equal the slab edges and transport is unchanged.
        VolumeLowZCm = new double[n];
        VolumeHighZCm = new double[n];
        VolumeFirstSlab = new int[n];
        VolumeLastSlab = new int[n];
        for (int first = 0; first < n;)
        {
            int last = first;
            while (last + 1 < n && layers[last + 1].SameVolumeAsPrevious) last++;
            if (last > first) HasMultiSlabVolumes = true;
            for (int i = first; i <= last; i++)
            {
                VolumeLowZCm[i] = ZEdgesCm[first];
                VolumeHighZCm[i] = ZEdgesCm[last + 1];
                VolumeFirstSlab[i] = first;
                VolumeLastSlab[i] = last;
            }
            first = last + 1;
        }
    }

    /// <summary>Low z face of the volume that holds each slab, cm (the slab's own face unless it is a readout bin of a larger
    /// volume, <see cref="SlabLayer.SameVolumeAsPrevious"/>).</summary>
    public double[] VolumeLowZCm { get; }

    /// <summary>High z face of the volume that holds each slab, cm.</summary>
    public double[] VolumeHighZCm { get; }

    /// <summary>First slab of the volume that holds each slab.</summary>
    public int[] VolumeFirstSlab { get; }

    /// <summary>Last slab of the volume that holds each slab.</summary>
    public int[] VolumeLastSlab { get; }

    /// <summary>Whether some volume holds several slabs (readout bins): transport then follows the slab from z inside it.</summary>
    public bool HasMultiSlabVolumes { get; }

    /// <summary>Geometry name (e.g. "na64-ecal").</summary>
    public string Name { get; }

    /// <summary>Human-readable description including any assumed dimensions.</summary>
    public string Description { get; }

    /// <summary>The slabs in beam order.</summary>
    public ImmutableArray<SlabLayer> Layers { get; }

    /// <summary>Distinct materials; slabs refer to them by index.</summary>
    public ImmutableArray<Material> Materials { get; }

    /// <summary>Distinct readout section names in beam order.</summary>
    public ImmutableArray<string> SectionNames { get; }

    /// <summary>Slab boundaries along z, cm (length = slab count + 1, first = 0).</summary>
    public double[] ZEdgesCm { get; }

    /// <summary>Slab boundaries in cumulative radiation lengths (each slab's own X0).</summary>
    public double[] DepthEdgesX0 { get; }

    /// <summary>Material index of each slab.</summary>
    public int[] SlabMaterial { get; }

    /// <summary>Whether each slab is active (read out).</summary>
    public bool[] SlabActive { get; }

    /// <summary>Birks constant of each slab, cm/GeV (0 where the read-out signal is the deposited energy).</summary>
    public double[] SlabBirksCmPerGeV { get; }

    /// <summary>Whether any slab's read-out signal is saturated (Birks constant &gt; 0): only then does the visible energy
    /// differ from the deposited energy.</summary>
    public bool HasBirksSaturation { get; }

    /// <summary>Section index of each slab.</summary>
    public int[] SlabSection { get; }

    /// <summary>Lateral world boundary shape.</summary>
    public TransverseShape Shape { get; }

    /// <summary>Half-width (box) or radius (cylinder) of the lateral world boundary, cm.</summary>
    public double TransverseSizeCm { get; }

    /// <summary>x–y readout cells (the same grid in every section).</summary>
    public CellGrid Cells { get; }

    /// <summary>Width of the radial scoring rings, cm.</summary>
    public double RadialBinCm { get; }

    /// <summary>Number of radial scoring rings.</summary>
    public int RadialBins { get; }

    /// <summary>Per-material e± production-cut overrides from the geometry file, GeV (key: material name).</summary>
    public ImmutableDictionary<string, double> ElectronCutOverridesGeV { get; }

    /// <summary>Number of slabs.</summary>
    public int SlabCount => SlabMaterial.Length;

    /// <summary>Total length along z, cm.</summary>
    public double LengthCm => ZEdgesCm[^1];

    /// <summary>Total depth in radiation lengths.</summary>
    public double DepthX0 => DepthEdgesX0[^1];

    /// <summary>Builds a stack in code (the Detector layer uses this); validates every argument.</summary>
    /// <exception cref="ArgumentException">Empty stack, non-positive sizes, or inconsistent scoring parameters.</exception>
    public static SlabStack Build(string name, string description, IReadOnlyList<SlabLayer> layers, TransverseShape shape,
        double transverseSizeCm, CellGrid cells, double radialBinCm, int radialBins,
        IReadOnlyDictionary<string, double>? electronCutOverridesGeV = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(cells);
        if (layers.Count == 0) throw new ArgumentException("a slab stack needs at least one layer", nameof(layers));
        for (int i = 0; i < layers.Count; i++)
            if (!(layers[i].ThicknessCm > 0) || !double.IsFinite(layers[i].ThicknessCm))
                throw new ArgumentException($"layer {i} ({layers[i].Material.Name}): thickness must be > 0 cm, got {layers[i].ThicknessCm}", nameof(layers));
        for (int i = 0; i < layers.Count; i++)
            if (layers[i].SameVolumeAsPrevious && (i == 0 || layers[i - 1].Material.Name != layers[i].Material.Name))
                throw new ArgumentException($"layer {i} ({layers[i].Material.Name}): only a slab of the previous slab's material can share its volume", nameof(layers));
        for (int i = 0; i < layers.Count; i++)
            if (!(layers[i].BirksCmPerGeV >= 0) || !double.IsFinite(layers[i].BirksCmPerGeV) || (layers[i].BirksCmPerGeV > 0 && !layers[i].Active))
                throw new ArgumentException($"layer {i} ({layers[i].Material.Name}): a Birks constant must be finite, ≥ 0 and on an active layer, got {layers[i].BirksCmPerGeV} cm/GeV", nameof(layers));
        if (!(transverseSizeCm > 0)) throw new ArgumentException($"transverse size must be > 0 cm, got {transverseSizeCm}", nameof(transverseSizeCm));
        if (cells.Nx < 1 || cells.Ny < 1 || !(cells.SizeCm > 0)) throw new ArgumentException("cells: nx, ny ≥ 1 and sizeCm > 0 required", nameof(cells));
        if (!(radialBinCm > 0) || radialBins < 1) throw new ArgumentException("radial scoring: binCm > 0 and bins ≥ 1 required", nameof(radialBinCm));
        return new SlabStack(name, description, layers, shape, transverseSizeCm, cells, radialBinCm, radialBins,
            (electronCutOverridesGeV ?? new Dictionary<string, double>()).ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));
    }
}

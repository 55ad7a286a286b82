using Emiss.Shower.Geometry;

namespace Emiss.Signal.Run;

/// <summary>
/// The NA64 downstream detector as one slab stack for signal events: the built-in na64-ecal (preshower + ecal
/// sections, 6×6 cells of 3.8 cm), na64-veto and na64-hcal (hcal1–hcal4) geometries placed back to back along z
/// (no air gaps). The lateral world is the HCAL's (30 cm half-width) for every section, and the ECAL cell grid
/// is the readout grid; HCAL and veto energies are used as section sums only. A simplification until the detector
/// layer provides the full chain (gaps, HCAL cells, per-detector transverse sizes).
/// </summary>
public static class Na64SignalGeometry
{
    /// <summary>Builds the stack.</summary>
    public static SlabStack Build()
    {
        SlabStack ecal = GeometryCatalog.Load("na64-ecal"), veto = GeometryCatalog.Load("na64-veto"), hcal = GeometryCatalog.Load("na64-hcal");
        var cuts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (SlabStack s in new[] { ecal, veto, hcal })
            foreach (KeyValuePair<string, double> kv in s.ElectronCutOverridesGeV) cuts.TryAdd(kv.Key, kv.Value);
        return SlabStack.Build("na64-ecal-veto-hcal",
            "NA64 ECAL + V2 veto + HCAL back to back: " + ecal.Description + " | " + veto.Description + " | " + hcal.Description +
            " Lateral world 30 cm half-width for all sections (signal-sample simplification).",
            [.. ecal.Layers, .. veto.Layers, .. hcal.Layers], hcal.Shape, hcal.TransverseSizeCm, ecal.Cells, ecal.RadialBinCm, ecal.RadialBins, cuts);
    }
}

using Emiss.Core.Materials;
using Emiss.Detector.Setup;
using Emiss.Shower.Geometry;

namespace Emiss.Detector.Calorimetry;

/// <summary>The set-up card's ECAL as a slab stack for the shower engine: alternating absorber and active layers (the
/// active ones read out with the card's Birks constant, docs/physics/birks-saturation.md),
/// the first <see cref="EcalOptions.PreshowerLayers"/> in the "preshower" section and the rest in "ecal", on the card's
/// cell grid (used by the full ECAL model and by the signal emission sample, which must see the same layering). The full
/// model also appends V2, the plastic plane behind the ECAL, as a passive slab of section "v2", so that what leaks out
/// of the ECAL's back is transported through it.</summary>
public static class EcalLayering
{
    /// <summary>Section name of the V2 slab appended when <c>v2ThicknessCm</c> &gt; 0.</summary>
    public const string V2Section = "v2";

    /// <summary>Builds the stack named <paramref name="name"/> with transverse half-width <paramref name="halfWidthCm"/>,
    /// followed directly by a polystyrene V2 slab of <paramref name="v2ThicknessCm"/> when that is &gt; 0.</summary>
    public static SlabStack FromCard(EcalOptions e, string name, string description, double halfWidthCm, double v2ThicknessCm = 0)
    {
        ArgumentNullException.ThrowIfNull(e);
        Material absorber = MaterialCatalog.ByName(e.AbsorberMaterial), active = MaterialCatalog.ByName(e.ActiveMaterial);
        var layers = new List<SlabLayer>(2 * e.Layers);
        for (int i = 0; i < e.Layers; i++)
        {
            string section = i < e.PreshowerLayers ? "preshower" : "ecal";
            layers.Add(new SlabLayer(absorber, e.LeadThicknessCm, false, section));
            layers.Add(new SlabLayer(active, e.ScintillatorThicknessCm, true, section, e.ActiveBirksMmPerMeV * GeometryCatalog.BirksUnitCmPerGeV));
        }
        if (v2ThicknessCm > 0) layers.Add(new SlabLayer(MaterialCatalog.Polystyrene, v2ThicknessCm, false, V2Section));
        return SlabStack.Build(name, description, layers, TransverseShape.Box, halfWidthCm, new CellGrid(e.CellsX, e.CellsY, e.CellSizeCm), 0.25, 46);
    }
}

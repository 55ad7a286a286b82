using Emiss.Core.Materials;
using Emiss.Detector.Setup;
using Emiss.Shower.Geometry;

namespace Emiss.Detector.Calorimetry;

/// <summary>The set-up card's ECAL as a slab stack for the shower engine: alternating absorber and active layers,
/// the first <see cref="EcalOptions.PreshowerLayers"/> in the "preshower" section and the rest in "ecal", on the card's
/// cell grid (used by the full ECAL model and by the signal emission sample, which must see the same layering).</summary>
public static class EcalLayering
{
    /// <summary>Builds the stack named <paramref name="name"/> with transverse half-width <paramref name="halfWidthCm"/>.</summary>
    public static SlabStack FromCard(EcalOptions e, string name, string description, double halfWidthCm)
    {
        ArgumentNullException.ThrowIfNull(e);
        Material absorber = MaterialCatalog.ByName(e.AbsorberMaterial), active = MaterialCatalog.ByName(e.ActiveMaterial);
        var layers = new List<SlabLayer>(2 * e.Layers);
        for (int i = 0; i < e.Layers; i++)
        {
            string section = i < e.PreshowerLayers ? "preshower" : "ecal";
            layers.Add(new SlabLayer(absorber, e.LeadThicknessCm, false, section));
            layers.Add(new SlabLayer(active, e.ScintillatorThicknessCm, true, section));
        }
        return SlabStack.Build(name, description, layers, TransverseShape.Box, halfWidthCm, new CellGrid(e.CellsX, e.CellsY, e.CellSizeCm), 0.25, 46);
    }
}

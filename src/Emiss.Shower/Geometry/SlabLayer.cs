using Emiss.Core.Materials;

namespace Emiss.Shower.Geometry;

/// <summary>One slab of the stack: material, thickness along the beam (cm), whether it is read out (active), and its readout section.</summary>
/// <param name="Material">Slab material.</param>
/// <param name="ThicknessCm">Thickness along z, cm (&gt; 0).</param>
/// <param name="Active">True for sensitive (read-out) material, e.g. scintillator.</param>
/// <param name="Section">Readout section name (e.g. "preshower", "ecal").</param>
/// <param name="BirksCmPerGeV">Birks constant k_B of a scintillating active slab, cm/GeV (0: the read-out signal is the
/// deposited energy; 0.07943 mm/MeV = 7.943 cm/GeV for polystyrene, docs/physics/birks-saturation.md).</param>
/// <param name="SameVolumeAsPrevious">True when the face between this slab and the previous one is a readout bin edge, not a
/// material boundary: both are one volume of one material, which transport crosses without stopping (Geant4's TestEm2 scores
/// its 0.5 X0 bins by position inside one cylinder; docs/physics/transport.md#readout-bins-inside-one-volume).</param>
public sealed record SlabLayer(Material Material, double ThicknessCm, bool Active, string Section, double BirksCmPerGeV = 0,
                               bool SameVolumeAsPrevious = false);

namespace Emiss.Shower.PhysicsList;

/// <summary>How multiple scattering limits the steps of charged particles near boundaries (Urban, CERN-OPEN-2006-077,
/// sect. 4; the Geant4 step-limit types of the same names).</summary>
public enum MscStepping
{
    /// <summary>On entering a volume (and at the start of a track) a particle that can reach a boundary (range &gt;
    /// safety) steps at most max(f_r · max(range, λ1), 0.6 · safety), f_r growing with λ1 above 1 mm; no boundary skin.</summary>
    UseSafety,

    /// <summary>As <see cref="UseSafety"/> with f_r · range, plus the distance to the boundary ahead (converted to a true
    /// path, divided by 2.5) and a skin of one elastic mean free path on each side of every boundary, crossed in
    /// single-scattering-like steps without lateral displacement or path-length correction.</summary>
    DistanceToBoundary,
}

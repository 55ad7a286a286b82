namespace Emiss.Shower.PhysicsList;

/// <summary>How a condensed-history step of a charged particle turns its multiple-scattering deflection into a change of
/// position (docs/physics/multiple-scattering.md#spatial-algorithm).</summary>
public enum MscSpatial
{
    /// <summary>Urban / Geant4 G4UrbanMscModel: the track advances the mean projection z(t) of its true path along the
    /// initial direction, is displaced laterally (PDG eq. 34.20–34.22 correlated with the deflection) and turns at the end
    /// of the step.</summary>
    MeanProjection,

    /// <summary>Random hinge (Fernández-Varea, Mayol, Baró and Salvat, NIM B 73, 447 (1993); PENELOPE): the track goes a
    /// uniformly sampled fraction ξt of the true path t straight, turns by the deflection of the whole step, and goes the
    /// rest (1 − ξ)t straight along the new direction; a face met on either segment ends the step there. No path-length
    /// correction and no displacement model; near faces its steps are bounded by f_r × the current range and by 0.3 λ1.</summary>
    RandomHinge,
}

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

    /// <summary>The electron step of Kawrakow and Bielajew (NIM B 142, 253 (1998)), EGSnrc's PRESTA-II: the deflections of
    /// the two halves of the step are sampled separately, and the end point, a function of both and of a random number,
    /// reproduces the position moments of exact transport to second order in τ and is correlated with the final direction.
    /// Below 100 MeV a particle that can reach a face steps at most its distance to the nearest face and τ = 0.7, and crosses
    /// faces in single-scattering-like steps of one elastic mean free path (<see cref="PhysicsOptions.MscStepping"/> and the
    /// range factor apply only above). The TestEm3 sampling fraction moves by +0.08 % ± 0.18 % when every step is capped at
    /// 20 μm, where the default moves by 2 % (docs/physics/multiple-scattering.md#presta-ii-electron-step).</summary>
    PrestaII,
}

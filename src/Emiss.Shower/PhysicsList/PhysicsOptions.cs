using System.Collections.Immutable;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes;

namespace Emiss.Shower.PhysicsList;

/// <summary>
/// Which processes run and with which cuts and step limits. Defaults follow docs/physics/transport.md#production-cuts (γ cut 100 keV;
/// e± cut 1.0 MeV in Pb, 0.35 MeV in Sc, elsewhere the energy whose CSDA range is 1 mm) and the Geant4
/// e± step function (0.2, 1 mm).
/// </summary>
public sealed record PhysicsOptions
{
    /// <summary>Bremsstrahlung (Tsai, with screening and Coulomb correction).</summary>
    public bool Bremsstrahlung { get; init; } = true;

    /// <summary>LPM suppression of bremsstrahlung (Klein RMP 71, 1501).</summary>
    public bool Lpm { get; init; } = true;

    /// <summary>Dielectric (Ter-Mikaelian) suppression of soft bremsstrahlung.</summary>
    public bool DielectricSuppression { get; init; } = true;

    /// <summary>Pair production γ → e⁺e⁻ (Tsai with screening).</summary>
    public bool PairProduction { get; init; } = true;

    /// <summary>Compton scattering (Klein–Nishina).</summary>
    public bool Compton { get; init; } = true;

    /// <summary>Photoelectric absorption.</summary>
    public bool Photoelectric { get; init; } = true;

    /// <summary>Rayleigh (coherent) scattering.</summary>
    public bool Rayleigh { get; init; } = true;

    /// <summary>Ionisation: continuous restricted loss and Møller/Bhabha δ rays above the cut.</summary>
    public bool Ionisation { get; init; } = true;

    /// <summary>Positron annihilation in flight (Heitler); annihilation at rest always happens.</summary>
    public bool Annihilation { get; init; } = true;

    /// <summary>Muon bremsstrahlung, direct pair production and photonuclear losses (docs/physics/muons.md#radiative-losses).</summary>
    public bool MuonRadiative { get; init; } = true;

    /// <summary>Multiple Coulomb scattering (Urban's model with λ1 from screened Rutherford scattering; docs/physics/multiple-scattering.md).</summary>
    public bool MultipleScattering { get; init; } = true;

    /// <summary>Fluctuations of the continuous loss (Urban's model, as Geant4 G4UniversalFluctuation).</summary>
    public bool EnergyLossFluctuations { get; init; } = true;

    /// <summary>γ production/tracking cut, GeV (docs/physics/transport.md#production-cuts: 100 keV).</summary>
    public double GammaCutGeV { get; init; } = 1e-4;

    /// <summary>
    /// Tracking cut, GeV, for e± and γ (production cuts only decide which secondaries are created). Below their
    /// production cut, e± are killed when their residual range is shorter than the distance to the nearest slab
    /// face (range rejection: the energy cannot leave the slab; the lateral edge is not considered below the cut, see
    /// docs/physics/transport.md#tracking-cut-and-range-rejection) and otherwise tracked down to this energy; photons
    /// are tracked down to it. 10 keV = the lowest table energy.
    /// </summary>
    public double TrackingCutGeV { get; init; } = 1e-5;

    /// <summary>
    /// Range-rejection energy E_save, GeV (EGSnrc's ESAVE: I. Kawrakow, D. W. O. Rogers, NRCC PIRS-701): an e± above its
    /// production cut and at or below E_save whose residual range is shorter than its distance to every boundary of its
    /// slab (faces and lateral edge) deposits its kinetic energy where it is and stops (a positron then annihilates at rest).
    /// Above the cut this neglects the bremsstrahlung the particle would still radiate: the safety condition keeps it to
    /// e± of ≤ 1.49 MeV in the 2.3 mm Pb of TestEm3 (docs/physics/transport.md#tracking-cut-and-range-rejection). 0 (the
    /// default) = below the cut only.
    /// </summary>
    public double RangeRejectionGeV { get; init; }

    /// <summary>If set, one e± cut (GeV) for every material, overriding geometry and defaults.</summary>
    public double? ElectronCutGeV { get; init; }

    /// <summary>Range cut used to derive e± cuts for materials without an explicit value, cm.</summary>
    public double ElectronRangeCutCm { get; init; } = 0.1;

    /// <summary>Step function: maximum fraction of the residual range per step (docs/physics/transport.md#step-limitation: 0.2).</summary>
    public double StepFraction { get; init; } = 0.2;

    /// <summary>Step function final range, cm (Geant4 default 1 mm): below it a particle ranges out in one step.</summary>
    public double FinalRangeCm { get; init; } = 0.1;

    /// <summary>The multiple-scattering step limitation near boundaries (docs/physics/multiple-scattering.md#step-limitation).</summary>
    public MscStepping MscStepping { get; init; } = MscStepping.DistanceToBoundary;

    /// <summary>How a charged step turns its scattering into a change of position (docs/physics/multiple-scattering.md#spatial-algorithm).
    /// The random hinge is a cross-check of the default's step dependence, not a tuned alternative.</summary>
    public MscSpatial MscSpatial { get; init; } = MscSpatial.MeanProjection;

    /// <summary>Whether a mean-projection step that cannot reach a boundary (straight-line reach below the safety) is displaced
    /// laterally (true, the default: the displacement is part of the step's physics wherever it happens). False follows
    /// Geant4's G4UrbanMscModel, which switches the displacement off for such steps since it cannot change the volume a track
    /// ends in, and so narrows lateral profiles scored by position inside a volume
    /// (docs/physics/multiple-scattering.md#lateral-displacement-far-from-boundaries).</summary>
    public bool MscDisplacementFarFromBoundaries { get; init; } = true;

    /// <summary>Range factor f_r of the multiple-scattering step limit (Geant4 default 0.04): near a boundary a step is at
    /// most f_r times the range the particle had on entering the volume.</summary>
    public double MscRangeFactor { get; init; } = 0.04;

    /// <summary>Largest true step of a charged particle, cm (+∞ = none). Results must not depend on it; the step-size
    /// independence tests shrink it.</summary>
    public double MaxStepCm { get; init; } = double.PositiveInfinity;

    /// <summary>Additional processes (e.g. A′-strahlung, γ → μμ), built for the geometry's materials.</summary>
    public ImmutableArray<Func<ShowerMaterialSet, IProcess>> ExtraProcesses { get; init; } = [];

    /// <summary>The standard set-up (all processes on).</summary>
    public static PhysicsOptions Standard { get; } = new();

    /// <summary>
    /// Rossi Approximation-A-like physics: bremsstrahlung and pair production only, no LPM/dielectric suppression,
    /// no ionisation, Compton, photoelectric, Rayleigh, annihilation or scattering. Used for the V13–V15 anchors.
    /// </summary>
    public static PhysicsOptions RadiationOnly { get; } = new()
    {
        Lpm = false, DielectricSuppression = false, Compton = false, Photoelectric = false, Rayleigh = false, Ionisation = false,
        Annihilation = false, MultipleScattering = false, EnergyLossFluctuations = false,
    };
}

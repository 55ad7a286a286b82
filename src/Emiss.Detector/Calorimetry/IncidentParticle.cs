using Emiss.Detector.Beam;

namespace Emiss.Detector.Calorimetry;

/// <summary>A particle arriving at the ECAL face plane (z = 0), position relative to the nominal beam axis.</summary>
/// <param name="Kind">Species.</param>
/// <param name="EnergyGeV">Total energy, GeV.</param>
/// <param name="XCm">x at z = 0, cm.</param>
/// <param name="YCm">y at z = 0, cm.</param>
public readonly record struct IncidentParticle(DetectorSpecies Kind, double EnergyGeV, double XCm, double YCm)
{
    /// <summary>
    /// Depth in the calorimeter stack (radiation lengths from the ECAL face) at which an electromagnetic shower starts;
    /// 0 for particles entering at the face. Used for showers that begin inside the ECAL, such as the recoil of an A′
    /// emitted by a shower lepton (docs/physics/signal-efficiency.md#signal-event). Only e±/γ may start below the face.
    /// </summary>
    public double DepthX0 { get; init; }

    /// <summary>
    /// For a hadron: the interaction lengths λ_I it crosses before its first nuclear interaction, counted from where it
    /// enters the stack, when the caller has sampled it (importance sampling with its own weight,
    /// docs/physics/hadron-biasing.md); null lets the shower model draw it from e^(−λ).
    /// </summary>
    public double? FirstInteractionLambda { get; init; }

    /// <summary>
    /// For a muon: its proper time at decay in mean lifetimes, s = ∫ dτ/τ along its path from where it enters the stack,
    /// when the caller has sampled it (forced decays with their own weight, docs/physics/muon-pairs.md#decay-in-the-calorimeters);
    /// null lets the calorimeter draw it from e^(−s). A muon whose path through the stack ends before s is reached does not decay.
    /// </summary>
    public double? DecayLifetimes { get; init; }
}

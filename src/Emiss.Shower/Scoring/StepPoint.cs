namespace Emiss.Shower.Scoring;

/// <summary>One transport step, as seen by observers (e.g. the track-length estimator n·σ(E)·ℓ of the signal yield).</summary>
/// <param name="Type">Species.</param>
/// <param name="IsPrimary">True for the beam particle (and its continuation after interactions).</param>
/// <param name="KineticEnergyGeV">Kinetic energy at the start of the step, GeV.</param>
/// <param name="EnergyLossGeV">Continuous energy lost along the step, GeV.</param>
/// <param name="LengthCm">Step length, cm.</param>
/// <param name="Slab">Slab index.</param>
/// <param name="MaterialIndex">Material index.</param>
/// <param name="RadiationLengthCm">X0 of the material, cm.</param>
public readonly record struct StepPoint(ShowerSpecies Type, bool IsPrimary, double KineticEnergyGeV, double EnergyLossGeV,
    double LengthCm, int Slab, int MaterialIndex, double RadiationLengthCm);

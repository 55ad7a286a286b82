namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>One charged step as the scattering model sees it.</summary>
/// <param name="Type">Species.</param>
/// <param name="Material">Material index.</param>
/// <param name="KineticStartGeV">Kinetic energy at the start of the step, GeV.</param>
/// <param name="KineticEndGeV">Kinetic energy at the end of the step, GeV.</param>
/// <param name="TrueCm">True path length t, cm.</param>
/// <param name="GeometricCm">Geometric advance z along the initial direction, cm.</param>
/// <param name="Lambda1StartCm">λ1 at the start of the step, cm.</param>
/// <param name="Lambda1EndCm">λ1 at the end of the step, cm.</param>
/// <param name="MinimumStepCm">The smallest step the model describes (<see cref="ScatteringScales.MinimumStepCm"/>).</param>
/// <param name="Displace">False inside a boundary skin: no lateral displacement (the step is single-scattering like).</param>
public readonly record struct ScatteringStep(ShowerSpecies Type, int Material, double KineticStartGeV, double KineticEndGeV,
    double TrueCm, double GeometricCm, double Lambda1StartCm, double Lambda1EndCm, double MinimumStepCm, bool Displace);

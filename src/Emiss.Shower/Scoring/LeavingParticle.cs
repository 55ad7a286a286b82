namespace Emiss.Shower.Scoring;

/// <summary>A particle leaving the world: species, kinetic energy, the point where it leaves and its direction. In fast mode
/// the energy that escapes from a library shower is reported with the substituted particle's state.</summary>
/// <param name="Type">Species.</param>
/// <param name="KineticEnergyGeV">Kinetic energy, GeV.</param>
/// <param name="XCm">Exit point x, cm.</param>
/// <param name="YCm">Exit point y, cm.</param>
/// <param name="ZCm">Exit point z, cm (0 = front face).</param>
/// <param name="Ux">Direction cosine x.</param>
/// <param name="Uy">Direction cosine y.</param>
/// <param name="Uz">Direction cosine z (negative: out of the front face).</param>
public readonly record struct LeavingParticle(ShowerSpecies Type, double KineticEnergyGeV, double XCm, double YCm, double ZCm,
    double Ux, double Uy, double Uz);

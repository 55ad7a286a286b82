namespace Emiss.Shower.Processes;

/// <summary>A particle created in an interaction (kinetic energy in GeV, unit direction).</summary>
/// <param name="Type">Species.</param>
/// <param name="KineticEnergyGeV">Kinetic energy, GeV.</param>
/// <param name="Ux">Direction cosine x.</param>
/// <param name="Uy">Direction cosine y.</param>
/// <param name="Uz">Direction cosine z.</param>
public readonly record struct SecondaryParticle(ShowerSpecies Type, double KineticEnergyGeV, double Ux, double Uy, double Uz);

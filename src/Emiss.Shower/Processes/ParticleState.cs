namespace Emiss.Shower.Processes;

/// <summary>The incoming particle at an interaction point.</summary>
/// <param name="Type">Species.</param>
/// <param name="KineticEnergyGeV">Kinetic energy, GeV.</param>
/// <param name="Ux">Direction cosine x.</param>
/// <param name="Uy">Direction cosine y.</param>
/// <param name="Uz">Direction cosine z.</param>
/// <param name="MaterialIndex">Index of the material it is in (see <see cref="Materials.ShowerMaterialSet"/>).</param>
public readonly record struct ParticleState(ShowerSpecies Type, double KineticEnergyGeV, double Ux, double Uy, double Uz, int MaterialIndex);

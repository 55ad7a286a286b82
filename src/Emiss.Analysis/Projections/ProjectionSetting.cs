using Emiss.Core.Materials;
using Emiss.Physics.DarkProduction;

namespace Emiss.Analysis.Projections;

/// <summary>One beam configuration and signal hypothesis of a projection: beam lepton and energy, target, mediator.</summary>
/// <param name="Particle">Beam lepton.</param>
/// <param name="EnergyGeV">Beam energy E0, GeV.</param>
/// <param name="Target">Absorber whose nuclei (A′-strahlung) and electrons (annihilation) produce the A′.</param>
/// <param name="Mediator">Mediator of the hypothesis.</param>
public sealed record ProjectionSetting(BeamParticle Particle, double EnergyGeV, Material Target, Mediator Mediator);

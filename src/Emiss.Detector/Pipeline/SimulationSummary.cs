namespace Emiss.Detector.Pipeline;

/// <summary>Counts from a simulation run (deterministic: independent of threads).</summary>
/// <param name="Events">Events simulated.</param>
/// <param name="PhysicsTriggers">Events with the physics trigger bit.</param>
/// <param name="Electrons">Beam electrons.</param>
/// <param name="Hadrons">Beam π and K.</param>
/// <param name="Muons">Beam muons.</param>
/// <param name="WithPileUp">Events with at least one pile-up particle.</param>
public sealed record SimulationSummary(long Events, long PhysicsTriggers, long Electrons, long Hadrons, long Muons, long WithPileUp);

namespace Emiss.Backgrounds.PseudoData;

/// <summary>DAQ record of one SPS spill (what a real run's spill database holds).</summary>
/// <param name="Spill">Spill number within the run.</param>
/// <param name="BeamParticles">Beam particles delivered (from the intensity; the beam counters' scaler).</param>
/// <param name="PhysicsTriggers">Physics triggers issued in the spill (all of them, recorded or not).</param>
/// <param name="LiveFraction">DAQ live fraction, 1/(1 + R·τ) for trigger rate R and dead time τ (non-paralysable).</param>
public sealed record SpillRecord(int Spill, long BeamParticles, long PhysicsTriggers, double LiveFraction);

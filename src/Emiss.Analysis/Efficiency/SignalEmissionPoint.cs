namespace Emiss.Analysis.Efficiency;

/// <summary>One A′ emission of the signal Monte Carlo, in units of the beam energy E0.</summary>
/// <param name="EmitterFraction">Energy of the emitting lepton at the emission point / E0.</param>
/// <param name="InvisibleFraction">E_A′ / E0 (above the signal threshold by construction).</param>
/// <param name="DepthFromX0">Front of the slab in which the emission happened, radiation lengths from the ECAL face.</param>
/// <param name="DepthToX0">Back of that slab, radiation lengths.</param>
/// <param name="ByPrimary">True if the emitter is the beam electron.</param>
/// <param name="Weight">Importance weight of the biased emission (docs/physics/aprime-emission.md#biasing-and-weights), per EOT at ε = 1.</param>
public readonly record struct SignalEmissionPoint(double EmitterFraction, double InvisibleFraction, double DepthFromX0, double DepthToX0, bool ByPrimary, double Weight);

using Emiss.Shower.Geometry;

namespace Emiss.Analysis.Limits;

/// <summary>The Monte Carlo signal yield of a limit: A′ emission by every e± of simulated showers.</summary>
/// <param name="Geometry">Slab geometry of the showers (e.g. the NA64 ECAL).</param>
/// <param name="Events">Showers, shared by every mass of the grid.</param>
public sealed record ShowerYieldSettings(SlabStack Geometry, long Events);

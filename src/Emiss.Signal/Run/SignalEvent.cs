using Emiss.Signal.Biasing;

namespace Emiss.Signal.Run;

/// <summary>
/// One simulated event with an A′ emission. <see cref="WeightPerEotEps1"/> = w/ε², so that the sum of weights over
/// the events of a run divided by the number of simulated electrons is n_A′ per EOT at ε = 1. Deposit arrays are
/// empty in yield mode; in detector mode they follow the geometry's sections (<see cref="SignalRunResult.SectionNames"/>)
/// and cells (section-major, <see cref="SignalRunResult.CellsPerSection"/> per section).
/// </summary>
/// <param name="EventIndex">Global event index (RNG stream key).</param>
/// <param name="Emission">Truth record of the emission.</param>
/// <param name="WeightPerEotEps1">w / ε².</param>
/// <param name="SectionActiveGeV">Energy in active (read-out) slabs per section, GeV.</param>
/// <param name="SectionTotalGeV">Energy in all slabs per section, GeV.</param>
/// <param name="CellActiveGeV">Active energy per (section, cell), GeV.</param>
/// <param name="LeakedGeV">Energy that left the world (not including the A′), GeV.</param>
public sealed record SignalEvent(long EventIndex, EmissionRecord Emission, double WeightPerEotEps1,
    IReadOnlyList<double> SectionActiveGeV, IReadOnlyList<double> SectionTotalGeV, IReadOnlyList<double> CellActiveGeV, double LeakedGeV);

namespace Emiss.Detector.Pipeline;

/// <summary>What to simulate: a contiguous event range of one run.</summary>
/// <param name="FirstEvent">Index of the first event (RNG stream index).</param>
/// <param name="EventCount">Number of events.</param>
/// <param name="Run">Run number stored with every row.</param>
/// <param name="ChunkSize">Events per batch (one Parquet row group per batch).</param>
/// <param name="MaxThreads">Worker threads (≤ 0: all cores). Results do not depend on it.</param>
/// <param name="ForcedKind">If set, every primary is of this species instead of the beam mixture (validation samples).</param>
public sealed record SimulationRequest(long FirstEvent, long EventCount, int Run, int ChunkSize = 4096, int MaxThreads = 0,
                                       Beam.DetectorSpecies? ForcedKind = null);

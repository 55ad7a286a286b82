namespace Emiss.Detector.Soak;

/// <summary>One of the slowest events of a soak run: enough to replay it alone
/// (<c>emiss simulate --setup … --seed Seed --first-event EventIndex --events 1</c>).</summary>
/// <param name="Seed">Master seed.</param>
/// <param name="EventIndex">Event index.</param>
/// <param name="CpuSeconds">CPU time of the event's thread in the run (wall time where no thread clock exists; see
/// <see cref="SoakResult.CpuClock"/>), which selects the candidates.</param>
/// <param name="WallSeconds">Wall time of the event in the run, including any wait for a core on a busy machine.</param>
/// <param name="ReplayCpuSeconds">CPU time of the event replayed alone after the run, which ranks the slowest events:
/// the physics is identical, so a costly event is costly in both, while a run time inflated by the machine is not
/// reproduced.</param>
public readonly record struct SlowEvent(ulong Seed, long EventIndex, double CpuSeconds, double WallSeconds, double ReplayCpuSeconds);

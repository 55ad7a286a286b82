using Emiss.Detector.Setup;

namespace Emiss.Detector.Soak;

/// <summary>Throughput and tail of a soak run of one set-up.</summary>
/// <param name="Setup">Set-up card name.</param>
/// <param name="Model">ECAL shower model.</param>
/// <param name="Seeds">Seeds run.</param>
/// <param name="Events">Events simulated (failed ones included).</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="WallSeconds">Wall time of the measured events (set-up and warm-up excluded).</param>
/// <param name="EventCpuSeconds">Sum of the per-event thread CPU times.</param>
/// <param name="CpuClock">True if per-event times are thread CPU times (Linux), false if wall times.</param>
/// <param name="Slowest">Slowest events by replayed CPU time, slowest first.</param>
/// <param name="Failures">Failed events (at most <see cref="SoakRequest.MaxFailuresRecorded"/>).</param>
/// <param name="FailureCount">All failed events.</param>
public sealed record SoakResult(string Setup, EcalModel Model, IReadOnlyList<ulong> Seeds, long Events, int Threads, double WallSeconds,
                                double EventCpuSeconds, bool CpuClock, IReadOnlyList<SlowEvent> Slowest, IReadOnlyList<SoakFailure> Failures,
                                long FailureCount)
{
    /// <summary>Events per second of wall time, all threads together.</summary>
    public double EventsPerSecond => Events / WallSeconds;

    /// <summary>Mean CPU time per event, s.</summary>
    public double MeanEventCpuSeconds => EventCpuSeconds / Events;
}

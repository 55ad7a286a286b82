namespace Emiss.Detector.Soak;

/// <summary>What a soak run simulates for one set-up: events [<see cref="FirstEvent"/>, <see cref="FirstEvent"/> +
/// <see cref="EventsPerSeed"/>) of every seed.</summary>
/// <param name="Seeds">Master seeds (at least one).</param>
/// <param name="EventsPerSeed">Events per seed (≥ 1).</param>
/// <param name="FirstEvent">Index of the first event of every seed (≥ 0).</param>
/// <param name="Threads">Worker threads (≤ 0: all cores).</param>
/// <param name="Slowest">How many of the slowest events to report (≥ 0; ten times as many are replayed).</param>
/// <param name="WarmupSeconds">Single-thread warm-up before timing (JIT tiering), on event indices from 2⁶² that no
/// measured event uses; at least one event.</param>
public sealed record SoakRequest(IReadOnlyList<ulong> Seeds, long EventsPerSeed, long FirstEvent = 0, int Threads = 0, int Slowest = 10,
                                 double WarmupSeconds = 2.0)
{
    /// <summary>Events per parallel work item (also the scratch batch size).</summary>
    public const int ChunkSize = 512;

    /// <summary>Most failures recorded (a failing set-up usually fails everywhere; the first ones say why).</summary>
    public const int MaxFailuresRecorded = 100;

    /// <summary>Total events: seeds × events per seed.</summary>
    public long TotalEvents => Seeds.Count * EventsPerSeed;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Seeds);
        if (Seeds.Count == 0) throw new ArgumentException("a soak run needs at least one seed", nameof(Seeds));
        ArgumentOutOfRangeException.ThrowIfLessThan(EventsPerSeed, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(FirstEvent);
        if (FirstEvent > (1L << 62) - EventsPerSeed)
            throw new ArgumentOutOfRangeException(nameof(FirstEvent), FirstEvent, "the event range must stay below 2^62 (the warm-up range)");
        ArgumentOutOfRangeException.ThrowIfNegative(Slowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Slowest, 1000);
        if (!(WarmupSeconds >= 0 && WarmupSeconds <= 600)) throw new ArgumentOutOfRangeException(nameof(WarmupSeconds), WarmupSeconds, "warm-up must be 0–600 s");
    }
}

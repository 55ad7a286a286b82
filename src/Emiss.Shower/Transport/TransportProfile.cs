using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Emiss.Shower.Transport;

/// <summary>Optional timing of the transport: stopwatch ticks and calls per process interactor, ticks in multiple
/// scattering (adds ~50 ns per measured call when enabled; nothing when disabled), and charged steps counted by what set
/// their length and by kinetic energy (<see cref="StepCauseCounts"/>).</summary>
internal sealed class TransportProfile(int processCount, bool enabled)
{
    private readonly long[] _processTicks = new long[processCount], _processCalls = new long[processCount];
    private readonly long[] _stepCounts = new long[enabled ? StepCauseCounts.Length : 0];
    private long _scatteringTicks, _substitutionTicks;

    /// <summary>Whether timing is on.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Ticks per process index.</summary>
    public IReadOnlyList<long> ProcessTicks => _processTicks;

    /// <summary>Measured interactor calls per process index.</summary>
    public IReadOnlyList<long> ProcessCalls => _processCalls;

    /// <summary>Ticks in multiple scattering.</summary>
    public long ScatteringTicks => _scatteringTicks;

    /// <summary>Charged steps by (cause, energy band), flat as <see cref="StepCauseCounts"/> lays them out (empty when disabled).</summary>
    public IReadOnlyList<long> StepCounts => _stepCounts;

    /// <summary>Counts one charged step of kinetic energy <paramref name="kineticGeV"/> whose length <paramref name="cause"/> set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountStep(StepCause cause, double kineticGeV)
    {
        if (Enabled) _stepCounts[StepCauseCounts.Index(cause, kineticGeV)]++;
    }

    /// <summary>Ticks in fast-mode substitution (placing library showers, including the observer's scoring of their spots).</summary>
    public long SubstitutionTicks => _substitutionTicks;

    /// <summary>A start timestamp (0 when disabled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Books one interactor call of process <paramref name="process"/> started at <paramref name="t0"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndProcess(int process, long t0)
    {
        if (!Enabled) return;
        _processTicks[process] += Stopwatch.GetTimestamp() - t0;
        _processCalls[process]++;
    }

    /// <summary>Books substitution time started at <paramref name="t0"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndSubstitution(long t0)
    {
        if (Enabled) _substitutionTicks += Stopwatch.GetTimestamp() - t0;
    }

    /// <summary>Books multiple-scattering time started at <paramref name="t0"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndScattering(long t0)
    {
        if (Enabled) _scatteringTicks += Stopwatch.GetTimestamp() - t0;
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Emiss.Shower.Transport;

/// <summary>Optional timing of the transport: stopwatch ticks and calls per process interactor, and ticks in multiple
/// scattering (adds ~50 ns per measured call when enabled; nothing when disabled).</summary>
internal sealed class TransportProfile(int processCount, bool enabled)
{
    private readonly long[] _processTicks = new long[processCount], _processCalls = new long[processCount];
    private long _scatteringTicks, _substitutionTicks;

    /// <summary>Whether timing is on.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Ticks per process index.</summary>
    public IReadOnlyList<long> ProcessTicks => _processTicks;

    /// <summary>Measured interactor calls per process index.</summary>
    public IReadOnlyList<long> ProcessCalls => _processCalls;

    /// <summary>Ticks in multiple scattering.</summary>
    public long ScatteringTicks => _scatteringTicks;

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

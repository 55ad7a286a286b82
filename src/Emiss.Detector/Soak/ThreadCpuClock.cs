using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Emiss.Detector.Soak;

/// <summary>
/// CPU time of the calling thread, so that per-event times do not include the time a thread waited for a core on a
/// shared machine (which dominates wall-time outliers there). Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID), a
/// syscall of ~0.1–0.3 µs; elsewhere, or if libc cannot be loaded, wall time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;   // <time.h>, Linux

    /// <summary>True if <see cref="NowSeconds"/> reads thread CPU time, false if wall time.</summary>
    public static bool MeasuresCpu { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>The clock in seconds (only differences are meaningful).</summary>
    public static double NowSeconds()
    {
        if (MeasuresCpu && ClockGetTime(ClockThreadCpuTimeId, out Timespec t) == 0) return t.Seconds + 1e-9 * t.Nanoseconds;
        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out Timespec time);
}

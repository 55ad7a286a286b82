using System.Globalization;

namespace Emiss.Cli.Batch;

/// <summary>This process's peak resident set size (VmHWM in /proc/self/status, Linux), for the merge's report.</summary>
internal static class PeakMemory
{
    /// <summary>Peak RSS in MiB, or null where /proc is absent.</summary>
    public static double? ResidentMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null) return null;
        string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
    }
}

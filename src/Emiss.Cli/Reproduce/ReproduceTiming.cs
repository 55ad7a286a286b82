using System.Globalization;
using Emiss.Core.IO;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// Wall time of each stage of one <c>emiss reproduce</c> invocation, written as <c>timing.csv</c>
/// (<c>stage,status,seconds</c>, then a <c>total</c> row) with the threads, the machine's logical processors and its
/// load average at the end in the notes. A stage skipped because it had finished earlier reads <c>skipped</c> with 0 s.
/// The seed-reproduction budget is <see cref="TargetSeconds"/> on 2 cores; <c>emiss bench reproduce</c> compares with it.
/// </summary>
internal sealed class ReproduceTiming(int threads)
{
    /// <summary>File name in the output directory.</summary>
    public const string FileName = "timing.csv";

    /// <summary>Wall-time budget of a full-scale reproduce on 2 cores (the analysis issue's target), seconds.</summary>
    public const double TargetSeconds = 300;

    private readonly List<(string Stage, string Status, double Seconds)> _rows = [];

    /// <summary>The stages in order.</summary>
    public IReadOnlyList<(string Stage, string Status, double Seconds)> Rows => _rows;

    /// <summary>Sum of the stages' wall times, seconds.</summary>
    public double TotalSeconds => _rows.Sum(r => r.Seconds);

    public void Done(string stage, TimeSpan elapsed) => _rows.Add((stage, "done", elapsed.TotalSeconds));

    public void Skipped(string stage) => _rows.Add((stage, "skipped", 0));

    /// <summary>Writes <c>timing.csv</c> at <paramref name="path"/> (atomically, as every CSV of Emiss).</summary>
    public void Write(string path, Provenance provenance)
    {
        var rows = new List<IReadOnlyList<object?>>(_rows.Count + 1);
        foreach (var (stage, status, seconds) in _rows) rows.Add([stage, status, Math.Round(seconds, 3)]);
        rows.Add(["total", _rows.All(r => r.Status == "done") ? "done" : "resumed", Math.Round(TotalSeconds, 3)]);
        CsvTableWriter.Write(path, provenance.WithNotes(string.Create(CultureInfo.InvariantCulture,
                $"wall time per stage of this invocation; threads {threads}, logical processors {Environment.ProcessorCount}, load average {LoadAverage()}; budget {TargetSeconds:F0} s on 2 cores")),
            ["stage", "status", "seconds"], rows);
    }

    /// <summary>The 1-minute load average (Linux /proc/loadavg), or "n/a": a wall time means little on a loaded machine.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

using System.Globalization;
using System.Text;
using Emiss.Backgrounds.Estimates;
using Emiss.Core.IO;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Storage.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// How a pseudo-data campaign is cut into shards and what a shard leaves for the merge. The runs' chunks (4096 events of
/// one source each, <see cref="RunPlan.ChunkCount"/>), taken run after run, are dealt out as consecutive ranges; the
/// background estimate is dealt out by whole (run, source) units, so each estimate's per-chunk sums are added in the
/// single run's chunk order by one process. Per run a shard writes <c>RUN.part.txt</c> (the run's summary with the
/// counts over its chunks, and the spills) and, when it recorded any event, <c>RUN.part.parquet</c> (those events in
/// chunk order, event column = key); for the estimate <c>estimates.part.tsv</c> (values written round-trip).
/// </summary>
public static class ShardCampaign
{
    /// <summary>File-name patterns a campaign shard writes.</summary>
    public static IReadOnlyList<string> OwnedNames { get; } = ["*.part.txt", "*.part.parquet", EstimatesFile];

    private const string EstimatesFile = "estimates.part.tsv";

    /// <summary>Total chunks of the campaign (the sharded "events" of a pseudo-data run).</summary>
    public static long TotalChunks(IReadOnlyList<RunPlan> plans) => plans?.Sum(p => (long)p.ChunkCount) ?? throw new ArgumentNullException(nameof(plans));

    /// <summary>Per run, the chunk range [From, To) that campaign chunks [<paramref name="first"/>, first + count) cover.</summary>
    public static IReadOnlyList<(int From, int To)> ChunkRanges(IReadOnlyList<RunPlan> plans, long first, long count)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var ranges = new List<(int, int)>(plans.Count);
        long offset = 0;
        foreach (RunPlan p in plans)
        {
            long from = Math.Clamp(first - offset, 0, p.ChunkCount), to = Math.Clamp(first + count - offset, 0, p.ChunkCount);
            ranges.Add(((int)from, (int)to));
            offset += p.ChunkCount;
        }
        return ranges;
    }

    /// <summary>The estimate units [From, To) of shard <paramref name="index"/> of <paramref name="count"/> among
    /// <paramref name="units"/> (run r, source i) = r·sources + i, dealt out as ⌊U·i/N⌋ … ⌊U·(i+1)/N⌋.</summary>
    public static (int From, int To) EstimateUnits(int units, int index, int count) =>
        ((int)((long)units * index / count), (int)((long)units * (index + 1) / count));

    internal static IEnumerable<string> WritePart(RunPart part, PseudoDataRun run, Provenance provenance, string dir, CancellationToken ct)
    {
        var text = new StringBuilder(part.Summary.Format());
        foreach (SpillRecord s in part.Spills)
            text.Append(string.Create(CultureInfo.InvariantCulture, $"spill,{s.Spill},{s.BeamParticles},{s.PhysicsTriggers},{s.LiveFraction:R}\n"));
        AtomicFile.WriteText(Path.Combine(dir, run.Name + ".part.txt"), text.ToString());
        yield return run.Name + ".part.txt";
        if (part.Rows.Count == 0) yield break;
        SetupCard card = run.Card;
        EventStoreWriter w = EventStoreWriter.CreateAsync(Path.Combine(dir, run.Name + ".part.parquet"), card.Ecal.CellsX, card.Ecal.CellsY, card.Hcal.Modules,
            provenance.WithNotes($"part of pseudo-data run {run.Name}: recorded events in chunk order, event column = event key"),
            SetupCardJson.Serialize(card), ct).GetAwaiter().GetResult();
        try
        {
            foreach (EventBatch b in part.Rows) w.WriteAsync(b, ct).GetAwaiter().GetResult();
            w.CompleteAsync().GetAwaiter().GetResult();
        }
        finally
        {
            w.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        yield return run.Name + ".part.parquet";
    }

    internal static RunPart ReadPart(string dir, PseudoDataRun run, CancellationToken ct)
    {
        string[] lines = File.ReadAllLines(Path.Combine(dir, run.Name + ".part.txt"));
        var ci = CultureInfo.InvariantCulture;
        RunSummary summary = RunSummary.Parse(string.Join('\n', lines.Where(l => !l.StartsWith("spill,", StringComparison.Ordinal))));
        if (summary.Run != run.Name) throw new InvalidDataException($"{dir}: part of run '{summary.Run}', expected '{run.Name}'");
        SpillRecord[] spills = [.. lines.Where(l => l.StartsWith("spill,", StringComparison.Ordinal)).Select(l => l.Split(','))
            .Select(f => new SpillRecord(int.Parse(f[1], ci), long.Parse(f[2], ci), long.Parse(f[3], ci), double.Parse(f[4], ci)))];
        var rows = new List<EventBatch>();
        string parquet = Path.Combine(dir, run.Name + ".part.parquet");
        if (File.Exists(parquet))
        {
            EventStoreReader r = EventStoreReader.OpenAsync(parquet, ct).GetAwaiter().GetResult();
            try
            {
                for (int g = 0; g < r.RowGroupCount; g++) rows.Add(r.ReadRowGroupAsync(g, ct).GetAwaiter().GetResult());
            }
            finally
            {
                r.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        if (rows.Sum(b => (long)b.Count) != summary.RecordedEvents)
            throw new InvalidDataException($"{dir}: {run.Name}.part.parquet holds {rows.Sum(b => (long)b.Count)} events, its summary says {summary.RecordedEvents}");
        return new RunPart(summary, spills, rows);
    }

    internal static string WriteEstimates(IReadOnlyList<SourceEstimate> estimates, IReadOnlyList<SourceCutFlow> cutFlow, string dir)
    {
        var sb = new StringBuilder();
        foreach (SourceEstimate e in estimates)
            sb.Append(Line("estimate", e.Run, e.Region, e.Source, e.TableRow, R(e.ExpectedEvents), R(e.StatError), R(e.SystError), L(e.Generated), L(e.InRegion), R(e.UpperLimit90)));
        foreach (SourceCutFlow c in cutFlow)
            sb.Append(Line("cutflow", c.Run, L(c.RunNumber), c.Source, L((int)c.Stage), L(c.Simulated), R(c.ExpectedEvents)));
        AtomicFile.WriteText(Path.Combine(dir, EstimatesFile), sb.ToString());
        return EstimatesFile;
    }

    internal static void ReadEstimates(string dir, List<SourceEstimate> estimates, List<SourceCutFlow> cutFlow)
    {
        var ci = CultureInfo.InvariantCulture;
        foreach (string line in File.ReadAllLines(Path.Combine(dir, EstimatesFile)))
        {
            string[] f = line.Split('\t');
            if (f[0] == "estimate")
                estimates.Add(new SourceEstimate(f[1], f[2], f[3], f[4], double.Parse(f[5], ci), double.Parse(f[6], ci), double.Parse(f[7], ci),
                                                 long.Parse(f[8], ci), long.Parse(f[9], ci), double.Parse(f[10], ci)));
            else if (f[0] == "cutflow")
                cutFlow.Add(new SourceCutFlow(f[1], int.Parse(f[2], ci), f[3], (CutStage)int.Parse(f[4], ci), long.Parse(f[5], ci), double.Parse(f[6], ci)));
            else throw new InvalidDataException($"{dir}/{EstimatesFile}: unknown line kind '{f[0]}'");
        }
    }

    private static string Line(params string[] fields)
    {
        if (fields.Any(f => f.Contains('\t', StringComparison.Ordinal) || f.Contains('\n', StringComparison.Ordinal)))
            throw new ArgumentException("a field holds a tab or newline", nameof(fields));
        return string.Join('\t', fields) + "\n";
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);
}

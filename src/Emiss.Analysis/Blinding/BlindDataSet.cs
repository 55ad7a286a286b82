using System.Globalization;
using System.Text;
using Emiss.Analysis.CutFlow;
using Emiss.Analysis.EventData;
using Emiss.Core.IO;
using Emiss.Events.Selection;

namespace Emiss.Analysis.Blinding;

/// <summary>
/// The only public way to read data events (docs/physics/blinding.md). While blind (no entry in the analysis
/// directory's <see cref="UnblindingLedger"/>):
/// <list type="bullet">
/// <item>no call returns, counts, histograms or exports an event inside <see cref="BlindingRegion"/>: rows there are
/// dropped as each row group is read, before anything sees them, except in the fixed 10 % <see cref="OptimisationPartition"/>;</item>
/// <item>the truth columns (<c>true_*</c>, the injected signal) are never read (after unblinding,
/// <see cref="BoxEventsAsync"/> reads <c>true_process</c> of the box events of generated files);</item>
/// <item>cut flows count only events outside the region and report no signal-box row.</item>
/// </list>
/// <see cref="Unblind"/> freezes the cuts (their <see cref="CutsFingerprint"/>) in the ledger; from then on cut
/// flows include the box, but only for exactly those cuts and that data, and an edited ledger refuses everything.
/// </summary>
public sealed class BlindDataSet : IAsyncDisposable
{
    private readonly EventFile[] _files;
    private readonly string _analysisDirectory;
    private UnblindingEntry? _unblinding;

    private BlindDataSet(EventFile[] files, string analysisDirectory, string dataSha256, UnblindingEntry? unblinding)
    {
        _files = files;
        _analysisDirectory = analysisDirectory;
        DataSha256 = dataSha256;
        _unblinding = unblinding;
    }

    /// <summary>Sample names (event files without extension), in read order.</summary>
    public IReadOnlyList<string> Samples => [.. _files.Select(f => EventDirectory.SampleName(f.Path))];

    /// <summary>Rows per sample (the file's row count, public knowledge).</summary>
    public IReadOnlyList<long> RowCounts => [.. _files.Select(f => f.RowCount)];

    /// <summary>Fingerprint of the data: SHA-256 of every file's name, size and row count.</summary>
    public string DataSha256 { get; }

    /// <summary>The ledger entry that unblinded this analysis, or null while blind.</summary>
    public UnblindingEntry? Unblinding => _unblinding;

    /// <summary>True while blind.</summary>
    public bool IsBlind => _unblinding is null;

    /// <summary>Opens every event file of <paramref name="dataDirectory"/> for the analysis in <paramref name="analysisDirectory"/>
    /// (whose ledger decides blind or not).</summary>
    /// <exception cref="BlindingException">The ledger was edited, or it unblinded other data.</exception>
    /// <exception cref="InvalidDataException">A file is unreadable (the message names it).</exception>
    public static async Task<BlindDataSet> OpenAsync(string dataDirectory, string analysisDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(analysisDirectory);
        IReadOnlyList<string> paths = EventDirectory.Files(dataDirectory);
        IReadOnlyList<UnblindingEntry> ledger = UnblindingLedger.Read(analysisDirectory);
        var files = new List<EventFile>();
        try
        {
            foreach (string p in paths) files.Add(await EventFile.OpenAsync(p, cancellationToken).ConfigureAwait(false));
            if (files.Any(f => f.CellsX != files[0].CellsX || f.CellsY != files[0].CellsY))
                throw new InvalidDataException($"{dataDirectory}: the event files have different ECAL layouts; analyse them separately");
            string data = Fingerprint(files);
            // The first entry is the freeze: a later line (only a hand-made one can exist, Unblind refuses a second)
            // cannot move it.
            UnblindingEntry? last = ledger.Count == 0 ? null : ledger[0];
            if (last is not null && last.DataSha256 != data)
                throw new BlindingException(
                    $"{Path.Combine(analysisDirectory, UnblindingLedger.FileName)}: this analysis was unblinded on other data (data fingerprint {last.DataSha256[..12]}…, " +
                    $"now {data[..12]}…); an unblinded analysis is bound to its data: use the data it was unblinded on");
            return new BlindDataSet([.. files], analysisDirectory, data, last);
        }
        catch
        {
            foreach (EventFile f in files) await f.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The cut flow per run: while blind, of events outside the blinded region and without a signal-box row;
    /// once unblinded, of every event, with the box, and only for the frozen cuts.</summary>
    /// <exception cref="BlindingException">Unblinded with other cuts.</exception>
    public async Task<CutFlowResult> CutFlowAsync(SelectionCuts cuts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (!IsBlind) RequireFrozen(cuts);
        var evaluator = new SelectionEvaluator(cuts, _files[0].CellsX, _files[0].CellsY);
        bool blind = IsBlind;
        (int File, int Group)[] jobs = [.. _files.SelectMany((f, i) => Enumerable.Range(0, f.RowGroupCount).Select(g => (i, g)))];
        var counters = new CutFlowCounter[jobs.Length];
        int next = -1;
        // Row groups are counted in parallel, each worker with its own file handles (a Parquet reader is not
        // thread-safe), each row group into its own counter; merging in row-group order keeps the weighted sums
        // bit-identical whatever the scheduling. Per row group: E_ECAL and E_HCAL are read first and the blinded rows
        // dropped; the staged counter then reads the other columns for the kept rows only as far as the cuts need them.
        async Task Work()
        {
            var handles = new Dictionary<int, EventFile>();
            var staged = new StagedCutFlow(evaluator);
            SelectionColumns? buffer = null;
            int[] rows = [];
            try
            {
                int j;
                while ((j = Interlocked.Increment(ref next)) < jobs.Length)
                {
                    var (fi, g) = jobs[j];
                    if (!handles.TryGetValue(fi, out EventFile? handle))
                        handles[fi] = handle = await EventFile.OpenAsync(_files[fi].Path, cancellationToken).ConfigureAwait(false);
                    using RowGroupColumns group = handle.OpenRowGroup(g, buffer);
                    buffer = group.Columns;
                    // E_ECAL and E_HCAL first, blind or not: they decide the blinding, and the counter's regions and
                    // cut (iii) read them.
                    await LoadFilterColumnsAsync(group, RowFilter.OutsideRegion, cancellationToken).ConfigureAwait(false);
                    int kept = SelectRows(buffer, blind ? RowFilter.OutsideRegion : RowFilter.None, ref rows);
                    var counter = new CutFlowCounter(evaluator);
                    await staged.CountAsync(group, rows, kept, EventDirectory.SampleName(handle.Path), counter, cancellationToken).ConfigureAwait(false);
                    counters[j] = counter;
                }
            }
            finally
            {
                foreach (EventFile h in handles.Values) await h.DisposeAsync().ConfigureAwait(false);
            }
        }
        int workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(jobs.Length, 1));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Work, cancellationToken))).ConfigureAwait(false);
        var total = new CutFlowCounter(evaluator);
        foreach (CutFlowCounter c in counters) total.Merge(c);
        return total.Result(includeSignalBox: !blind);
    }

    /// <summary>Streams every event outside the blinded region (the full sample for background estimates), per sample.
    /// The columns handed to <paramref name="sink"/> are reused for the next row group: copy what must outlive the call.</summary>
    public Task ForEachOutsideRegionAsync(Action<string, SelectionColumns> sink, CancellationToken cancellationToken = default) =>
        ScanAsync(RowFilter.OutsideRegion, sink, cancellationToken);

    /// <summary>Streams the events of the 10 % optimisation partition (all regions), per sample; columns reused as above.</summary>
    public Task ForEachOptimisationEventAsync(Action<string, SelectionColumns> sink, CancellationToken cancellationToken = default) =>
        ScanAsync(RowFilter.Partition, sink, cancellationToken);

    /// <summary>
    /// The events of the signal box after every cut, in file and row order: refused while blind, and after unblinding
    /// only for the frozen cuts. The true process is read only here, only after unblinding and only from files whose
    /// provenance names an Emiss generator (<see cref="IsGeneratedCommand"/>): a pseudo-data box event can then be
    /// traced to its source, as the seed traced its background candidates (docs/physics/blinding.md#box-events).
    /// </summary>
    /// <exception cref="BlindingException">Still blind, or unblinded with other cuts.</exception>
    public async Task<IReadOnlyList<BoxEvent>> BoxEventsAsync(SelectionCuts cuts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (IsBlind)
            throw new BlindingException(
                $"{_analysisDirectory}: the analysis is blind: the signal box's events are listed only after unblinding; " +
                "validate the background estimate in the sidebands, then run `emiss unblind`");
        RequireFrozen(cuts);
        var evaluator = new SelectionEvaluator(cuts, _files[0].CellsX, _files[0].CellsY);
        SelectionField[] region = [SelectionField.EcalEnergy, SelectionField.HcalEnergy];
        SelectionField[] rest = [.. Enum.GetValues<SelectionField>().Except(region)];
        var list = new List<BoxEvent>();
        foreach (EventFile f in _files)
        {
            string sample = EventDirectory.SampleName(f.Path);
            bool truth = IsGeneratedCommand(f.Command);
            int[] allCells = [.. Enumerable.Range(0, f.CellsX * f.CellsY)];
            SelectionColumns? buffer = null;
            int[] rows = [];
            for (int g = 0; g < f.RowGroupCount; g++)
            {
                // E_ECAL and E_HCAL first: the other columns (and the cells, only of the rows in the box) are read only
                // for row groups with an event in the box, which are few in a full-scale sample.
                using RowGroupColumns group = f.OpenRowGroup(g, buffer);
                buffer = group.Columns;
                foreach (SelectionField field in region) await group.LoadAsync(field, cancellationToken).ConfigureAwait(false);
                if (rows.Length < buffer.Count) rows = new int[buffer.Count];
                int n = 0;
                for (int r = 0; r < buffer.Count; r++)
                    if (evaluator.RegionOf(buffer.EcalEnergyGeV[r], buffer.HcalEnergyGeV[r]) == SignalRegion.SignalBox) rows[n++] = r;
                if (n == 0) continue;
                foreach (SelectionField field in rest) await group.LoadAsync(field, cancellationToken).ConfigureAwait(false);
                await group.LoadCellsAsync(allCells, new ReadOnlyMemory<int>(rows, 0, n), cancellationToken).ConfigureAwait(false);
                int[]? codes = null;
                for (int i = 0; i < n; i++)
                {
                    int r = rows[i];
                    if (evaluator.LastPassed(buffer, r) != CutStage.V2) continue;
                    if (truth) codes ??= await f.ReadTruthAsync(g, cancellationToken).ConfigureAwait(false);
                    list.Add(new BoxEvent(sample, buffer.Run[r], buffer.Event[r], buffer.EcalEnergyGeV[r], buffer.HcalEnergyGeV[r], buffer.SrdEnergyMeV[r],
                                          buffer.TrackMomentumGeV[r], buffer.TrackThetaMrad[r], buffer.V2EnergyMeV[r], buffer.Weight[r], codes?[r]));
                }
            }
        }
        return list;
    }

    /// <summary>True if <paramref name="command"/> (an event file's provenance) is an Emiss command that generates events
    /// (pseudo-data, a reproduction, a simulation or signal sample, a merge of their shards): their files carry a
    /// <c>true_process</c> that means something.</summary>
    public static bool IsGeneratedCommand(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (string verb in (ReadOnlySpan<string>)["pseudodata", "reproduce", "simulate", "signal", "merge"])
            if (command == "emiss " + verb || command.StartsWith("emiss " + verb + " ", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Unblinds: freezes <paramref name="cuts"/> by appending who, when, why and their fingerprint to the ledger.
    /// </summary>
    /// <exception cref="BlindingException">Already unblinded (the cuts are frozen; a second unblinding is refused).</exception>
    public UnblindingEntry Unblind(SelectionCuts cuts, string reason, string who, DateTimeOffset utc)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("reason: is empty; say why the box is opened", nameof(reason));
        if (string.IsNullOrWhiteSpace(who)) throw new ArgumentException("who: is empty; name who opens the box", nameof(who));
        // Re-read: another process may have unblinded since this set was opened.
        IReadOnlyList<UnblindingEntry> ledger = UnblindingLedger.Read(_analysisDirectory);
        if (ledger.Count > 0 || _unblinding is not null)
        {
            UnblindingEntry e = ledger.Count > 0 ? ledger[0] : _unblinding!;
            throw new BlindingException(
                $"{Path.Combine(_analysisDirectory, UnblindingLedger.FileName)}: already unblinded on {e.Utc} by {e.Who} with cuts {e.CutsSha256[..12]}…; " +
                "the box is open once and the cuts stay frozen: analyse with those cuts, or start a new blind analysis on new data");
        }
        _unblinding = UnblindingLedger.Append(_analysisDirectory, utc, who, reason, CutsFingerprint.Sha256(cuts), DataSha256);
        return _unblinding;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (EventFile f in _files) await f.DisposeAsync().ConfigureAwait(false);
    }

    private void RequireFrozen(SelectionCuts cuts)
    {
        string now = CutsFingerprint.Sha256(cuts);
        if (now != _unblinding!.CutsSha256)
            throw new BlindingException(
                $"{Path.Combine(_analysisDirectory, UnblindingLedger.FileName)}: the cuts differ from those frozen at unblinding " +
                $"(line {_unblinding.Sequence.ToString(CultureInfo.InvariantCulture)}, {_unblinding.Utc}, cuts {_unblinding.CutsSha256[..12]}…; now {now[..12]}…); " +
                "after unblinding the selection cannot change: rerun with the frozen cuts (cuts.json in the analysis directory)");
    }

    private enum RowFilter
    {
        None,
        OutsideRegion,
        Partition,
    }

    private async Task ScanAsync(RowFilter filter, Action<string, SelectionColumns> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        SelectionField[] rest = [.. Enum.GetValues<SelectionField>().Except(FilterFields(filter))];
        foreach (EventFile f in _files)
        {
            string sample = EventDirectory.SampleName(f.Path);
            SelectionColumns? buffer = null, kept = null;
            int[] rows = [];
            int[] allCells = [.. Enumerable.Range(0, f.CellsX * f.CellsY)];
            for (int g = 0; g < f.RowGroupCount; g++)
            {
                using RowGroupColumns group = f.OpenRowGroup(g, buffer);
                buffer = group.Columns;
                await LoadFilterColumnsAsync(group, filter, cancellationToken).ConfigureAwait(false);
                int n = SelectRows(buffer, filter, ref rows);
                foreach (SelectionField field in rest) await group.LoadAsync(field, cancellationToken).ConfigureAwait(false);
                await group.LoadCellsAsync(allCells, new ReadOnlyMemory<int>(rows, 0, n), cancellationToken).ConfigureAwait(false);
                // The sink sees only the kept buffer, which never holds a row the filter dropped; the read buffer
                // (all rows) never leaves this class.
                if (kept is null || kept.Capacity < n || kept.CellsX != buffer.CellsX || kept.CellsY != buffer.CellsY)
                    kept = new SelectionColumns(Math.Max(n, buffer.Count), buffer.CellsX, buffer.CellsY);
                kept.Gather(buffer, rows.AsSpan(0, n));
                sink(sample, kept);
            }
        }
    }

    /// <summary>The columns <paramref name="filter"/> decides by.</summary>
    private static SelectionField[] FilterFields(RowFilter filter) => filter switch
    {
        RowFilter.OutsideRegion => [SelectionField.EcalEnergy, SelectionField.HcalEnergy],
        RowFilter.Partition => [SelectionField.Run, SelectionField.Event],
        _ => [],
    };

    /// <summary>Reads the columns <paramref name="filter"/> decides by, before anything else of the row group.</summary>
    private static async Task LoadFilterColumnsAsync(RowGroupColumns group, RowFilter filter, CancellationToken cancellationToken)
    {
        foreach (SelectionField f in FilterFields(filter)) await group.LoadAsync(f, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of <paramref name="buffer"/> that <paramref name="filter"/> keeps, ascending, into
    /// <paramref name="rows"/> (reallocated when too small); returns their number. Reads only the filter's columns.</summary>
    private static int SelectRows(SelectionColumns buffer, RowFilter filter, ref int[] rows)
    {
        if (rows.Length < buffer.Count) rows = new int[buffer.Count];
        int n = 0;
        double[] ecal = buffer.EcalEnergyGeV, hcal = buffer.HcalEnergyGeV;
        for (int i = 0; i < buffer.Count; i++)
        {
            bool keep = filter switch
            {
                RowFilter.Partition => OptimisationPartition.Contains(buffer.Run[i], buffer.Event[i]),
                RowFilter.OutsideRegion => !BlindingRegion.Contains(ecal[i], hcal[i]),
                _ => true,
            };
            if (keep) rows[n++] = i;
        }
        return n;
    }

    private static string Fingerprint(IEnumerable<EventFile> files)
    {
        var sb = new StringBuilder();
        foreach (EventFile f in files)
            sb.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(f.Path)}\t{new FileInfo(f.Path).Length}\t{f.RowCount}\n");
        return Sha256Hex.OfText(sb.ToString());
    }
}

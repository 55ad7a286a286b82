using System.Globalization;
using Emiss.Events.Selection;
using Emiss.Storage.Events;
using Parquet;
using Parquet.Schema;

namespace Emiss.Analysis.EventData;

/// <summary>
/// One event-store file (<see cref="EventSchema"/>) opened for analysis: checks the schema identifier and that every
/// column the selection reads is present, then reads row groups, only those columns (column projection: the ECAL
/// cells, the selection's scalars; never the truth unless asked by <see cref="ReadTruthAsync"/>): whole
/// (<see cref="ReadAsync"/>) or column by column as a reader needs them (<see cref="OpenRowGroup"/>), REQUIRED
/// numeric chunks of an uncompressed store by the plain fast path (<see cref="PlainColumnChunk"/>).
/// Internal: the public ways in are <see cref="Blinding.BlindDataSet"/> (data, blind) and
/// <see cref="SimulationSample"/> (simulation, with truth), so that no public call returns unblinded data rows.
/// Every failure names the file: unknown schema, missing columns, truncated or corrupt content. Not thread-safe
/// (one instance per reading thread).
/// </summary>
internal sealed class EventFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly EventSchema _schema;
    private float[] _cellBuffer = [];
    private double[] _denseBuffer = [];
    private int[] _levelBuffer = [];
    private byte[] _chunkBuffer = [];
    // A handle of its own for the positioned reads of the fast path, so that the stream Parquet.Net reads keeps its state.
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _plainHandle;

    private EventFile(string path, FileStream stream, ParquetReader reader, EventSchema schema, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _stream = stream;
        _reader = reader;
        _schema = schema;
        Metadata = metadata;
        RowCount = Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.RowGroups[i].RowCount);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>File key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>ECAL cells along x.</summary>
    public int CellsX => _schema.CellsX;

    /// <summary>ECAL cells along y.</summary>
    public int CellsY => _schema.CellsY;

    /// <summary>Rows in the file.</summary>
    public long RowCount { get; }

    /// <summary>Row groups.</summary>
    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>The command that wrote the file (provenance), or "" if not recorded.</summary>
    public string Command => Metadata.GetValueOrDefault("emiss.command", "");

    /// <summary>Opens <paramref name="path"/> and checks schema and columns.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a readable event store of this schema (the message names the file and the fix).</exception>
    public static async Task<EventFile> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such event file", path);
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        ParquetReader? r = null;
        try
        {
            try
            {
                r = await ParquetReader.CreateAsync(fs, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidDataException(
                    $"{path}: not a readable Parquet file, truncated or corrupt ({e.Message.TrimEnd('.')}); re-create it with `emiss simulate` or `emiss pseudodata`", e);
            }
            var meta = new Dictionary<string, string>(r.CustomMetadata, StringComparer.Ordinal);
            if (!meta.TryGetValue(EventSchema.SchemaKey, out string? id))
                throw new InvalidDataException($"{path}: not an Emiss event store (no '{EventSchema.SchemaKey}' metadata); this Emiss reads {EventSchema.Identifier}");
            if (id != EventSchema.Identifier)
                throw new InvalidDataException(
                    $"{path}: event-store schema '{id}' is not supported; this Emiss reads {EventSchema.Identifier} only; re-create the file with this version");
            EventSchema schema = new(Layout(meta, "emiss.ecal_cells_x", path), Layout(meta, "emiss.ecal_cells_y", path), Layout(meta, "emiss.hcal_modules", path));
            var present = r.Schema.GetDataFields().ToDictionary(f => f.Name, f => f, StringComparer.Ordinal);
            string[] missing = [.. ProjectedFields(schema, truth: true).Where(f => !present.ContainsKey(f.Name)).Select(f => f.Name)];
            if (missing.Length > 0)
                throw new InvalidDataException($"{path}: missing column(s) {string.Join(", ", missing)} of {EventSchema.Identifier}; the file is incomplete or was written by another tool");
            string[] mistyped = [.. ProjectedFields(schema, truth: true)
                .Where(f => present[f.Name].ClrType != f.ClrType || present[f.Name].IsNullable != f.IsNullable)
                .Select(f => $"{f.Name} ({present[f.Name].ClrType.Name}{(present[f.Name].IsNullable ? "?" : "")}, expected {f.ClrType.Name}{(f.IsNullable ? "?" : "")})")];
            if (mistyped.Length > 0)
                throw new InvalidDataException($"{path}: column type(s) differ from {EventSchema.Identifier}: {string.Join(", ", mistyped)}");
            return new EventFile(path, fs, r, schema, meta);
        }
        catch
        {
            if (r is not null) await r.DisposeAsync().ConfigureAwait(false);
            await fs.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the selection's columns of row group <paramref name="index"/>, every row and every ECAL cell, into
    /// <paramref name="into"/> (reallocated when too small; returned).</summary>
    public async Task<SelectionColumns> ReadAsync(int index, SelectionColumns? into, CancellationToken cancellationToken = default)
    {
        using RowGroupColumns g = OpenRowGroup(index, into);
        foreach (SelectionField f in Enum.GetValues<SelectionField>())
            await g.LoadAsync(f, cancellationToken).ConfigureAwait(false);
        await g.LoadCellsAsync([.. Enumerable.Range(0, CellsX * CellsY)], rows: null, cancellationToken).ConfigureAwait(false);
        return g.Columns;
    }

    /// <summary>Opens row group <paramref name="index"/> for column-by-column loading into <paramref name="into"/>
    /// (reallocated when too small): nothing is read until <see cref="RowGroupColumns.LoadAsync"/> asks for a column.</summary>
    public RowGroupColumns OpenRowGroup(int index, SelectionColumns? into)
    {
        ParquetRowGroupReader g;
        try
        {
            g = _reader.OpenRowGroupReader(index);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException))
        {
            throw Corrupt(index, e);
        }
        int n = checked((int)g.RowCount);
        SelectionColumns c = into is not null && into.Capacity >= n && into.CellsX == CellsX && into.CellsY == CellsY
            ? into : new SelectionColumns(n, CellsX, CellsY);
        c.Count = n;
        return new RowGroupColumns(this, g, index, c);
    }

    /// <summary>Reads the <c>true_process</c> column of row group <paramref name="index"/>. Only for simulated samples
    /// (<see cref="SimulationSample"/> checks that before calling).</summary>
    public async Task<int[]> ReadTruthAsync(int index, CancellationToken cancellationToken = default)
    {
        try
        {
            using ParquetRowGroupReader g = _reader.OpenRowGroupReader(index);
            int n = checked((int)g.RowCount);
            var codes = new int[n];
            await g.ReadAsync(_schema.TrueProcess, new Memory<int>(codes), cancellationToken: cancellationToken).ConfigureAwait(false);
            return codes;
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException))
        {
            throw Corrupt(index, e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _plainHandle?.Dispose();
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    internal InvalidDataException Corrupt(int index, Exception e) =>
        new($"{Path}: row group {index.ToString(CultureInfo.InvariantCulture)} cannot be read, the file is truncated or corrupt ({e.Message.TrimEnd('.')}); re-create it", e);

    private static int Layout(Dictionary<string, string> meta, string key, string path) =>
        meta.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new InvalidDataException($"{path}: metadata '{key}' is missing or not a positive integer; the file was not written by `emiss simulate`");

    /// <summary>Scratch buffer for one float column of <paramref name="n"/> rows (reused: one reader per thread).</summary>
    internal float[] CellBuffer(int n) => _cellBuffer.Length >= n ? _cellBuffer : _cellBuffer = new float[n];

    /// <summary>Scratch buffers for one OPTIONAL double column: the dense non-null values and the definition levels.</summary>
    internal (double[] Values, int[] Levels) OptionalBuffers(int n)
    {
        if (_denseBuffer.Length < n) _denseBuffer = new double[n];
        if (_levelBuffer.Length < n) _levelBuffer = new int[n];
        return (_denseBuffer, _levelBuffer);
    }

    /// <summary>Reads a REQUIRED column chunk by the plain fast path (<see cref="PlainColumnChunk"/>); false when it does not apply.</summary>
    internal bool TryReadPlain<T>(Parquet.Meta.ColumnChunk? chunk, Span<T> destination) where T : unmanaged =>
        PlainColumnChunk.TryRead(_plainHandle ??= File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess),
            chunk, destination, ref _chunkBuffer);

    /// <summary>The schema of the file.</summary>
    internal EventSchema Schema => _schema;

    /// <summary>The columns read (truth only when <paramref name="truth"/>).</summary>
    private static IEnumerable<DataField> ProjectedFields(EventSchema s, bool truth)
    {
        DataField[] scalars = [s.Run, s.Event, s.Weight, s.TriggerBits, s.TrackOk, s.TrackP, s.TrackTheta, s.SrdEnergy, s.SrdTime,
            s.EcalEnergy, s.EcalPreshower, s.EcalMaxCell, s.V2Energy, s.HcalEnergy];
        IEnumerable<DataField> all = scalars.Concat(s.EcalCells);
        return truth ? all.Append(s.TrueProcess) : all;
    }
}

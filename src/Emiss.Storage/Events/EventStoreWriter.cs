using System.Globalization;
using Emiss.Core.IO;
using Emiss.Events;
using Parquet;

namespace Emiss.Storage.Events;

/// <summary>
/// Writes an event store (Parquet, <see cref="EventSchema"/>): one row group per <see cref="EventBatch"/>, in the
/// order given, into a temporary file in the target directory that <see cref="CompleteAsync"/> flushes and renames
/// over the target (atomic; an incomplete or failed write leaves no output). The provenance and the resolved
/// set-up card go into the file key-value metadata. The temporary file is registered with <see cref="TemporaryPaths"/>,
/// so that an interrupt removes it and a rerun removes the one of a killed run.
/// </summary>
public sealed class EventStoreWriter : IAsyncDisposable
{
    private readonly string _path, _tmp;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly EventSchema _schema;
    private float[] _cellBuf = [];
    private double[] _modBuf = [];
    private double?[] _optBuf = [];
    private bool _completed, _disposed;

    private EventStoreWriter(string path, string tmp, FileStream stream, ParquetWriter writer, EventSchema schema)
    {
        _path = path;
        _tmp = tmp;
        _stream = stream;
        _writer = writer;
        _schema = schema;
    }

    /// <summary>
    /// Column chunks are written uncompressed (Parquet codec UNCOMPRESSED; encodings unchanged, PLAIN with RLE levels).
    /// The columns are mostly pedestal-subtracted noise, which compresses poorly (Snappy, Parquet.Net's default, saved
    /// about 30 % on the cut-flow benchmark's store), while decompressing was most of the cost of reading: the blind cut
    /// flow reads 4–5 times faster without it (docs/physics/formats.md#event-store-parquet). A codec is per column chunk in the file's
    /// own metadata, so every reader reads either kind, older Snappy stores included; the schema is unchanged.
    /// </summary>
    public static ParquetOptions StorageOptions => new() { CompressionMethod = CompressionMethod.None };

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Opens a writer for <paramref name="path"/> with the given layout, provenance and resolved set-up card JSON.</summary>
    public static async Task<EventStoreWriter> CreateAsync(string path, int cellsX, int cellsY, int hcalModules,
                                                           Provenance provenance, string setupCardJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        string full = Path.GetFullPath(path);
        var (tmp, fs) = TemporaryPaths.CreateFile(full);   // creates the directory if missing
        try
        {
            var schema = new EventSchema(cellsX, cellsY, hcalModules);
            ParquetWriter w = await ParquetWriter.CreateAsync(schema.Parquet, fs, StorageOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> kv in provenance.ToKeyValues()) meta[kv.Key] = kv.Value;
            meta[EventSchema.SchemaKey] = EventSchema.Identifier;
            meta["emiss.setup_card"] = setupCardJson;
            meta["emiss.ecal_cells_x"] = cellsX.ToString(CultureInfo.InvariantCulture);
            meta["emiss.ecal_cells_y"] = cellsY.ToString(CultureInfo.InvariantCulture);
            meta["emiss.hcal_modules"] = hcalModules.ToString(CultureInfo.InvariantCulture);
            meta["emiss.true_process_codes"] = string.Join(",", Enum.GetValues<TrueProcess>().Select(p => $"{(int)p}={p}"));
            meta["emiss.trigger_bit_names"] = string.Join(",", Enum.GetValues<TriggerBits>().Where(b => b != TriggerBits.None).Select(b => $"{(int)b}={b}"));
            meta["emiss.nullable_columns"] = EventSchema.NullableColumns;
            meta["emiss.signed_columns"] = EventSchema.SignedColumns;
            w.CustomMetadata = meta;
            return new EventStoreWriter(full, tmp, fs, w, schema);
        }
        catch
        {
            await fs.DisposeAsync().ConfigureAwait(false);
            TemporaryPaths.Remove(tmp);
            throw;
        }
    }

    /// <summary>Appends the batch as one row group (no-op for an empty batch).</summary>
    public async Task WriteAsync(EventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        int n = batch.Count;
        if (n == 0) return;
        if (batch.EcalCells != _schema.CellsX * _schema.CellsY || batch.HcalModules != _schema.HcalModules)
            throw new ArgumentException("batch layout differs from the store's schema", nameof(batch));
        EventSchema s = _schema;
        using ParquetRowGroupWriter g = _writer.CreateRowGroup();
        CancellationToken ct = cancellationToken;
        await g.WriteAsync(s.Run, new ReadOnlyMemory<int>(batch.Run, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync(s.Event, new ReadOnlyMemory<long>(batch.Event, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.Weight, batch, batch.Weight, n, ct).ConfigureAwait(false);
        await g.WriteAsync(s.TrueProcess, new ReadOnlyMemory<int>(batch.TrueProcessCode, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync(s.TruePdg, new ReadOnlyMemory<int>(batch.TruePdg, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.TrueEnergy, batch, batch.TrueEnergyGeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.TrueBrem, batch, batch.TrueUpstreamBremGeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.TrueSr, batch, batch.TrueSrGeV, n, ct).ConfigureAwait(false);
        await g.WriteAsync(s.PileUp, new ReadOnlyMemory<int>(batch.PileUpCount, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync(s.TrackOk, new ReadOnlyMemory<bool>(batch.TrackOk, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await WriteOptionalAsync(g, s.TrackP, batch.TrackMomentumGeV, n, ct).ConfigureAwait(false);
        await WriteOptionalAsync(g, s.TrackTheta, batch.TrackThetaMrad, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.SrdEnergy, batch, batch.SrdEnergyMeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.SrdTime, batch, batch.SrdTimeNs, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.EcalEnergy, batch, batch.EcalEnergyGeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.EcalPreshower, batch, batch.EcalPreshowerGeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.EcalTime, batch, batch.EcalTimeNs, n, ct).ConfigureAwait(false);
        await g.WriteAsync(s.EcalMaxCell, new ReadOnlyMemory<int>(batch.EcalMaxCell, 0, n), cancellationToken: ct).ConfigureAwait(false);
        int cells = batch.EcalCells;
        if (_cellBuf.Length < n) _cellBuf = new float[n];
        for (int c = 0; c < cells; c++)
        {
            for (int i = 0; i < n; i++)
            {
                float v = batch.EcalCellGeV[i * cells + c];
                if (float.IsNaN(v)) throw Missing(s.EcalCells[c].Name, batch, i);
                _cellBuf[i] = v;
            }
            await g.WriteAsync(s.EcalCells[c], new ReadOnlyMemory<float>(_cellBuf, 0, n), cancellationToken: ct).ConfigureAwait(false);
        }
        await WriteRequiredAsync(g, s.V2Energy, batch, batch.V2EnergyMeV, n, ct).ConfigureAwait(false);
        int mods = batch.HcalModules;
        if (_modBuf.Length < n) _modBuf = new double[n];
        for (int k = 0; k < mods; k++)
        {
            for (int i = 0; i < n; i++) _modBuf[i] = batch.HcalModuleGeV[i * mods + k];
            await WriteRequiredAsync(g, s.HcalModuleFields[k], batch, _modBuf, n, ct).ConfigureAwait(false);
        }
        await WriteRequiredAsync(g, s.HcalEnergy, batch, batch.HcalEnergyGeV, n, ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.HcalTime, batch, batch.HcalTimeNs, n, ct).ConfigureAwait(false);
        await g.WriteAsync(s.MuonHits, new ReadOnlyMemory<int>(batch.MuonHits, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await WriteRequiredAsync(g, s.TriggerSum, batch, batch.TriggerEcalSumGeV, n, ct).ConfigureAwait(false);
        await g.WriteAsync(s.TriggerBits, new ReadOnlyMemory<int>(batch.Trigger, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync(s.Spill, new ReadOnlyMemory<int>(batch.Spill, 0, n), cancellationToken: ct).ConfigureAwait(false);
        g.CompleteValidate();
        Rows += n;
    }

    /// <summary>Writes a REQUIRED column; a NaN there is a bug upstream (an absent value in a column that is always measured).</summary>
    private static async Task WriteRequiredAsync(ParquetRowGroupWriter g, Parquet.Schema.DataField<double> field, EventBatch batch, double[] values, int n,
        CancellationToken ct)
    {
        for (int i = 0; i < n; i++)
            if (double.IsNaN(values[i])) throw Missing(field.Name, batch, i);
        await g.WriteAsync(field, new ReadOnlyMemory<double>(values, 0, n), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>Writes an OPTIONAL column: NaN (absent in memory) becomes null.</summary>
    private async Task WriteOptionalAsync(ParquetRowGroupWriter g, Parquet.Schema.DataField<double?> field, double[] values, int n, CancellationToken ct)
    {
        if (_optBuf.Length < n) _optBuf = new double?[n];
        for (int i = 0; i < n; i++) _optBuf[i] = double.IsNaN(values[i]) ? null : values[i];
        await g.WriteAsync(field, new ReadOnlyMemory<double?>(_optBuf, 0, n), cancellationToken: ct).ConfigureAwait(false);
    }

    private static InvalidDataException Missing(string column, EventBatch batch, int row) =>
        new($"event store: NaN in required column {column} (run {batch.Run[row]}, event {batch.Event[row]}); only {EventSchema.NullableColumns}");

    /// <summary>Finishes the file and atomically moves it to the target path.</summary>
    public async Task CompleteAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync().ConfigureAwait(false);
        TemporaryPaths.Publish(() => File.Move(_tmp, _path, overwrite: true), _path, _tmp);
        _completed = true;
    }

    /// <summary>Releases the file; without <see cref="CompleteAsync"/> the temporary file is deleted and the target untouched.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_completed)
        {
            try
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                TemporaryPaths.Remove(_tmp);
            }
        }
    }
}

using System.Globalization;
using Emiss.Events;
using Parquet;
using Parquet.Schema;

namespace Emiss.Storage.Events;

/// <summary>Reads an event store written by <see cref="EventStoreWriter"/> back into <see cref="EventBatch"/>es,
/// one per row group (null, an absent measurement, becomes NaN in memory); refuses files of another schema version
/// with an error naming the file and both versions.</summary>
public sealed class EventStoreReader : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly EventSchema _schema;

    private EventStoreReader(FileStream stream, ParquetReader reader, EventSchema schema, IReadOnlyDictionary<string, string> metadata)
    {
        _stream = stream;
        _reader = reader;
        _schema = schema;
        Metadata = metadata;
    }

    /// <summary>File key-value metadata (provenance, set-up card, layout).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Number of row groups (batches).</summary>
    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>Opens <paramref name="path"/>.</summary>
    public static async Task<EventStoreReader> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        ParquetReader? r = null;
        try
        {
            r = await ParquetReader.CreateAsync(fs, cancellationToken: cancellationToken).ConfigureAwait(false);
            var meta = new Dictionary<string, string>(r.CustomMetadata, StringComparer.Ordinal);
            if (!meta.TryGetValue(EventSchema.SchemaKey, out string? id))
                throw new InvalidDataException($"{path}: not an Emiss event store (no '{EventSchema.SchemaKey}' metadata; this Emiss reads {EventSchema.Identifier})");
            if (id != EventSchema.Identifier)
                throw new InvalidDataException(
                    $"{path}: event-store schema '{id}' is not supported; this Emiss reads {EventSchema.Identifier} only; re-create the file with this version's `emiss simulate`");
            int Get(string k) => int.Parse(meta[k], CultureInfo.InvariantCulture);
            var schema = new EventSchema(Get("emiss.ecal_cells_x"), Get("emiss.ecal_cells_y"), Get("emiss.hcal_modules"));
            return new EventStoreReader(fs, r, schema, meta);
        }
        catch
        {
            if (r is not null) await r.DisposeAsync().ConfigureAwait(false);
            await fs.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads row group <paramref name="index"/>.</summary>
    public async Task<EventBatch> ReadRowGroupAsync(int index, CancellationToken cancellationToken = default)
    {
        using ParquetRowGroupReader g = _reader.OpenRowGroupReader(index);
        int n = checked((int)g.RowCount);
        EventSchema s = _schema;
        var b = new EventBatch(Math.Max(n, 1), s.CellsX * s.CellsY, s.HcalModules) { Count = n };
        CancellationToken ct = cancellationToken;
        async Task R<T>(DataField<T> f, T[] dest) where T : struct =>
            await g.ReadAsync(f, new Memory<T>(dest, 0, n), cancellationToken: ct).ConfigureAwait(false);
        await R(s.Run, b.Run).ConfigureAwait(false);
        await R(s.Event, b.Event).ConfigureAwait(false);
        await R(s.Weight, b.Weight).ConfigureAwait(false);
        await R(s.TrueProcess, b.TrueProcessCode).ConfigureAwait(false);
        await R(s.TruePdg, b.TruePdg).ConfigureAwait(false);
        await R(s.TrueEnergy, b.TrueEnergyGeV).ConfigureAwait(false);
        await R(s.TrueBrem, b.TrueUpstreamBremGeV).ConfigureAwait(false);
        await R(s.TrueSr, b.TrueSrGeV).ConfigureAwait(false);
        await R(s.PileUp, b.PileUpCount).ConfigureAwait(false);
        await R(s.TrackOk, b.TrackOk).ConfigureAwait(false);
        var opt = new double?[n];
        async Task O(DataField<double?> f, double[] dest)
        {
            await g.ReadAsync(f, new Memory<double?>(opt, 0, n), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < n; i++) dest[i] = opt[i] ?? double.NaN;
        }
        await O(s.TrackP, b.TrackMomentumGeV).ConfigureAwait(false);
        await O(s.TrackTheta, b.TrackThetaMrad).ConfigureAwait(false);
        await R(s.SrdEnergy, b.SrdEnergyMeV).ConfigureAwait(false);
        await R(s.SrdTime, b.SrdTimeNs).ConfigureAwait(false);
        await R(s.EcalEnergy, b.EcalEnergyGeV).ConfigureAwait(false);
        await R(s.EcalPreshower, b.EcalPreshowerGeV).ConfigureAwait(false);
        await R(s.EcalTime, b.EcalTimeNs).ConfigureAwait(false);
        await R(s.EcalMaxCell, b.EcalMaxCell).ConfigureAwait(false);
        int cells = b.EcalCells;
        var cellBuf = new float[n];
        for (int c = 0; c < cells; c++)
        {
            await R(s.EcalCells[c], cellBuf).ConfigureAwait(false);
            for (int i = 0; i < n; i++) b.EcalCellGeV[i * cells + c] = cellBuf[i];
        }
        await R(s.V2Energy, b.V2EnergyMeV).ConfigureAwait(false);
        int mods = b.HcalModules;
        var modBuf = new double[n];
        for (int k = 0; k < mods; k++)
        {
            await R(s.HcalModuleFields[k], modBuf).ConfigureAwait(false);
            for (int i = 0; i < n; i++) b.HcalModuleGeV[i * mods + k] = modBuf[i];
        }
        await R(s.HcalEnergy, b.HcalEnergyGeV).ConfigureAwait(false);
        await R(s.HcalTime, b.HcalTimeNs).ConfigureAwait(false);
        await R(s.MuonHits, b.MuonHits).ConfigureAwait(false);
        await R(s.TriggerSum, b.TriggerEcalSumGeV).ConfigureAwait(false);
        await R(s.TriggerBits, b.Trigger).ConfigureAwait(false);
        await R(s.Spill, b.Spill).ConfigureAwait(false);
        return b;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}

using Emiss.Events.Selection;
using Emiss.Storage.Events;
using Parquet;
using Parquet.Schema;

namespace Emiss.Analysis.EventData;

/// <summary>
/// One row group of an <see cref="EventFile"/> opened for loading column by column into <see cref="Columns"/>:
/// a reader asks only for the columns it needs, in the order its cuts need them, so that a row group whose rows all
/// fail early is never decoded further (Parquet stores each column of a row group as its own chunk, so a column not
/// asked for costs nothing). A column not loaded keeps whatever the reused buffer held: read only what was loaded.
/// Internal, like <see cref="EventFile"/>; every failure names the file and row group.
/// </summary>
internal sealed class RowGroupColumns : IDisposable
{
    private readonly EventFile _file;
    private readonly ParquetRowGroupReader _group;
    private readonly int _index;

    internal RowGroupColumns(EventFile file, ParquetRowGroupReader group, int index, SelectionColumns columns)
    {
        _file = file;
        _group = group;
        _index = index;
        Columns = columns;
    }

    /// <summary>The target columns (<see cref="SelectionColumns.Count"/> = rows of the group).</summary>
    public SelectionColumns Columns { get; }

    /// <summary>Rows in the group.</summary>
    public int Count => Columns.Count;

    /// <summary>Reads column <paramref name="field"/> for every row of the group.</summary>
    public async Task LoadAsync(SelectionField field, CancellationToken cancellationToken = default)
    {
        EventSchema s = _file.Schema;
        SelectionColumns c = Columns;
        try
        {
            Task t = field switch
            {
                SelectionField.Run => Required(s.Run, c.Run, cancellationToken),
                SelectionField.Event => Required(s.Event, c.Event, cancellationToken),
                SelectionField.Weight => Required(s.Weight, c.Weight, cancellationToken),
                SelectionField.Trigger => Required(s.TriggerBits, c.Trigger, cancellationToken),
                SelectionField.TrackOk => Required(s.TrackOk, c.TrackOk, cancellationToken),
                SelectionField.TrackMomentum => Optional(s.TrackP, c.TrackMomentumGeV, cancellationToken),
                SelectionField.TrackTheta => Optional(s.TrackTheta, c.TrackThetaMrad, cancellationToken),
                SelectionField.SrdEnergy => Required(s.SrdEnergy, c.SrdEnergyMeV, cancellationToken),
                SelectionField.SrdTime => Required(s.SrdTime, c.SrdTimeNs, cancellationToken),
                SelectionField.EcalEnergy => Required(s.EcalEnergy, c.EcalEnergyGeV, cancellationToken),
                SelectionField.EcalPreshower => Required(s.EcalPreshower, c.EcalPreshowerGeV, cancellationToken),
                SelectionField.EcalMaxCell => Required(s.EcalMaxCell, c.EcalMaxCell, cancellationToken),
                SelectionField.V2Energy => Required(s.V2Energy, c.V2EnergyMeV, cancellationToken),
                SelectionField.HcalEnergy => Required(s.HcalEnergy, c.HcalEnergyGeV, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
            };
            await t.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException or ArgumentOutOfRangeException))
        {
            throw _file.Corrupt(_index, e);
        }
    }

    /// <summary>Reads the ECAL cells <paramref name="cells"/> (index ix + cellsX·iy) into
    /// <see cref="SelectionColumns.EcalCellGeV"/>, for the rows <paramref name="rows"/> only (null: every row). Each
    /// cell is its own column, so the cost is per cell asked for; the rows only limit the copy into the row-major
    /// cell array.</summary>
    public async Task LoadCellsAsync(IReadOnlyList<int> cells, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        SelectionColumns c = Columns;
        int n = Count, stride = c.Cells;
        float[] buffer = _file.CellBuffer(n);
        try
        {
            foreach (int cell in cells)
            {
                await Required(_file.Schema.EcalCells[cell], buffer, cancellationToken).ConfigureAwait(false);
                Scatter(buffer, c.EcalCellGeV, cell, stride, n, rows);
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException))
        {
            throw _file.Corrupt(_index, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _group.Dispose();

    private static void Scatter(float[] column, float[] rowMajor, int cell, int stride, int n, ReadOnlyMemory<int>? rows)
    {
        if (rows is { } r)
        {
            foreach (int i in r.Span) rowMajor[i * stride + cell] = column[i];
        }
        else
        {
            for (int i = 0, j = cell; i < n; i++, j += stride) rowMajor[j] = column[i];
        }
    }

    /// <summary>A REQUIRED column: the plain fast path when the chunk allows it (<see cref="PlainColumnChunk"/>), else Parquet.Net.</summary>
    private async Task Required<T>(DataField<T> field, T[] destination, CancellationToken ct) where T : unmanaged
    {
        ct.ThrowIfCancellationRequested();
        if (_file.TryReadPlain(_group.GetMetadata(field), destination.AsSpan(0, Count))) return;
        await _group.ReadAsync(field, new Memory<T>(destination, 0, Count), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>An OPTIONAL column read raw (the non-null values packed, plus one definition level per row) and spread
    /// out with NaN for null: no <c>double?</c> array in between.</summary>
    private async Task Optional(DataField<double?> field, double[] destination, CancellationToken ct)
    {
        int n = Count;
        (double[] values, int[] levels) = _file.OptionalBuffers(n);
        await _group.ReadRawAsync<double>(field, new Memory<double>(values, 0, n), new Memory<int>(levels, 0, n), null, ct).ConfigureAwait(false);
        for (int i = 0, j = 0; i < n; i++) destination[i] = levels[i] != 0 ? values[j++] : double.NaN;
    }
}

namespace Emiss.Events.Selection;

/// <summary>
/// The reconstructed columns the selection reads, as a struct of arrays (no truth: this is what a blind analysis may
/// see of an event). Units as in the event store: GeV for calorimeters and momenta, MeV for SRD and V2, ns, mrad.
/// An absent track is NaN in <see cref="TrackMomentumGeV"/> and <see cref="TrackThetaMrad"/>. Per-cell ECAL energies
/// are flat, <see cref="EcalCellGeV"/>[row·cells + ix + cellsX·iy].
/// </summary>
public sealed class SelectionColumns
{
    /// <summary>Allocates <paramref name="capacity"/> rows for an ECAL of <paramref name="cellsX"/> × <paramref name="cellsY"/> cells.</summary>
    public SelectionColumns(int capacity, int cellsX, int cellsY)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellsX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellsY);
        Capacity = capacity;
        CellsX = cellsX;
        CellsY = cellsY;
        Run = new int[capacity];
        Event = new long[capacity];
        Weight = new double[capacity];
        Trigger = new int[capacity];
        TrackOk = new bool[capacity];
        TrackMomentumGeV = new double[capacity];
        TrackThetaMrad = new double[capacity];
        SrdEnergyMeV = new double[capacity];
        SrdTimeNs = new double[capacity];
        EcalEnergyGeV = new double[capacity];
        EcalPreshowerGeV = new double[capacity];
        EcalMaxCell = new int[capacity];
        EcalCellGeV = new float[capacity * cellsX * cellsY];
        V2EnergyMeV = new double[capacity];
        HcalEnergyGeV = new double[capacity];
    }

    /// <summary>Rows allocated.</summary>
    public int Capacity { get; }

    /// <summary>Rows filled.</summary>
    public int Count { get; set; }

    /// <summary>ECAL cells along x.</summary>
    public int CellsX { get; }

    /// <summary>ECAL cells along y.</summary>
    public int CellsY { get; }

    /// <summary>ECAL cells per row.</summary>
    public int Cells => CellsX * CellsY;

    /// <summary>Run number.</summary>
    public int[] Run { get; }

    /// <summary>Event index within the run.</summary>
    public long[] Event { get; }

    /// <summary>Event weight (1 for data).</summary>
    public double[] Weight { get; }

    /// <summary><see cref="TriggerBits"/>.</summary>
    public int[] Trigger { get; }

    /// <summary>True if the track was reconstructed.</summary>
    public bool[] TrackOk { get; }

    /// <summary>Track momentum, GeV, signed by the bend (NaN without a track).</summary>
    public double[] TrackMomentumGeV { get; }

    /// <summary>Incoming angle, mrad (NaN without a track).</summary>
    public double[] TrackThetaMrad { get; }

    /// <summary>SRD energy, MeV.</summary>
    public double[] SrdEnergyMeV { get; }

    /// <summary>SRD time, ns.</summary>
    public double[] SrdTimeNs { get; }

    /// <summary>E_ECAL, GeV.</summary>
    public double[] EcalEnergyGeV { get; }

    /// <summary>ECAL preshower energy, GeV.</summary>
    public double[] EcalPreshowerGeV { get; }

    /// <summary>Hottest ECAL cell, ix + cellsX·iy.</summary>
    public int[] EcalMaxCell { get; }

    /// <summary>ECAL cell energies, GeV, flat.</summary>
    public float[] EcalCellGeV { get; }

    /// <summary>V2 energy, MeV.</summary>
    public double[] V2EnergyMeV { get; }

    /// <summary>E_HCAL (first two modules), GeV.</summary>
    public double[] HcalEnergyGeV { get; }

    /// <summary>The cells of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> CellsOf(int row) => EcalCellGeV.AsSpan(row * Cells, Cells);

    /// <summary>Appends row <paramref name="row"/> of <paramref name="source"/> (same ECAL layout).</summary>
    public void Append(SelectionColumns source, int row)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.CellsX != CellsX || source.CellsY != CellsY)
            throw new ArgumentException($"ECAL layout {source.CellsX}×{source.CellsY} differs from {CellsX}×{CellsY}", nameof(source));
        if (Count >= Capacity) throw new InvalidOperationException($"all {Capacity} rows are filled");
        int i = Count++;
        Run[i] = source.Run[row];
        Event[i] = source.Event[row];
        Weight[i] = source.Weight[row];
        Trigger[i] = source.Trigger[row];
        TrackOk[i] = source.TrackOk[row];
        TrackMomentumGeV[i] = source.TrackMomentumGeV[row];
        TrackThetaMrad[i] = source.TrackThetaMrad[row];
        SrdEnergyMeV[i] = source.SrdEnergyMeV[row];
        SrdTimeNs[i] = source.SrdTimeNs[row];
        EcalEnergyGeV[i] = source.EcalEnergyGeV[row];
        EcalPreshowerGeV[i] = source.EcalPreshowerGeV[row];
        EcalMaxCell[i] = source.EcalMaxCell[row];
        source.CellsOf(row).CopyTo(EcalCellGeV.AsSpan(i * Cells, Cells));
        V2EnergyMeV[i] = source.V2EnergyMeV[row];
        HcalEnergyGeV[i] = source.HcalEnergyGeV[row];
    }

    /// <summary>Replaces the content by rows <paramref name="rows"/> of <paramref name="source"/> (same ECAL layout,
    /// enough capacity), copied column by column.</summary>
    public void Gather(SelectionColumns source, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.CellsX != CellsX || source.CellsY != CellsY)
            throw new ArgumentException($"ECAL layout {source.CellsX}×{source.CellsY} differs from {CellsX}×{CellsY}", nameof(source));
        if (rows.Length > Capacity) throw new ArgumentException($"{rows.Length} rows exceed the capacity {Capacity}", nameof(rows));
        static void G<T>(T[] from, T[] to, ReadOnlySpan<int> idx)
        {
            for (int j = 0; j < idx.Length; j++) to[j] = from[idx[j]];
        }
        G(source.Run, Run, rows);
        G(source.Event, Event, rows);
        G(source.Weight, Weight, rows);
        G(source.Trigger, Trigger, rows);
        G(source.TrackOk, TrackOk, rows);
        G(source.TrackMomentumGeV, TrackMomentumGeV, rows);
        G(source.TrackThetaMrad, TrackThetaMrad, rows);
        G(source.SrdEnergyMeV, SrdEnergyMeV, rows);
        G(source.SrdTimeNs, SrdTimeNs, rows);
        G(source.EcalEnergyGeV, EcalEnergyGeV, rows);
        G(source.EcalPreshowerGeV, EcalPreshowerGeV, rows);
        G(source.EcalMaxCell, EcalMaxCell, rows);
        G(source.V2EnergyMeV, V2EnergyMeV, rows);
        G(source.HcalEnergyGeV, HcalEnergyGeV, rows);
        int cells = Cells;
        for (int j = 0; j < rows.Length; j++) source.EcalCellGeV.AsSpan(rows[j] * cells, cells).CopyTo(EcalCellGeV.AsSpan(j * cells, cells));
        Count = rows.Length;
    }

    /// <summary>Copies the reconstructed columns of an <see cref="EventBatch"/> (the truth columns are not copied).</summary>
    public static SelectionColumns FromBatch(EventBatch batch, int cellsX, int cellsY)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.EcalCells != cellsX * cellsY) throw new ArgumentException($"batch has {batch.EcalCells} ECAL cells, not {cellsX}×{cellsY}", nameof(batch));
        int n = batch.Count;
        var c = new SelectionColumns(n, cellsX, cellsY) { Count = n };
        batch.Run.AsSpan(0, n).CopyTo(c.Run);
        batch.Event.AsSpan(0, n).CopyTo(c.Event);
        batch.Weight.AsSpan(0, n).CopyTo(c.Weight);
        batch.Trigger.AsSpan(0, n).CopyTo(c.Trigger);
        batch.TrackOk.AsSpan(0, n).CopyTo(c.TrackOk);
        batch.TrackMomentumGeV.AsSpan(0, n).CopyTo(c.TrackMomentumGeV);
        batch.TrackThetaMrad.AsSpan(0, n).CopyTo(c.TrackThetaMrad);
        batch.SrdEnergyMeV.AsSpan(0, n).CopyTo(c.SrdEnergyMeV);
        batch.SrdTimeNs.AsSpan(0, n).CopyTo(c.SrdTimeNs);
        batch.EcalEnergyGeV.AsSpan(0, n).CopyTo(c.EcalEnergyGeV);
        batch.EcalPreshowerGeV.AsSpan(0, n).CopyTo(c.EcalPreshowerGeV);
        batch.EcalMaxCell.AsSpan(0, n).CopyTo(c.EcalMaxCell);
        batch.EcalCellGeV.AsSpan(0, n * batch.EcalCells).CopyTo(c.EcalCellGeV);
        batch.V2EnergyMeV.AsSpan(0, n).CopyTo(c.V2EnergyMeV);
        batch.HcalEnergyGeV.AsSpan(0, n).CopyTo(c.HcalEnergyGeV);
        return c;
    }
}

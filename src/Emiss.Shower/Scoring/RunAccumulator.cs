using Emiss.Core.Sharding;
using Emiss.Shower.Transport;

namespace Emiss.Shower.Scoring;

/// <summary>
/// Sums (and sums of squares) of the per-event scores over a block of events. Blocks are merged by addition along a
/// fixed tree (<see cref="Core.Numerics.BlockTree"/>), so totals are bit-identical whatever the thread count or
/// shard split; a shard stores its node sums exactly (<see cref="WriteTo"/>).
/// </summary>
public sealed class RunAccumulator
{
    /// <summary>Creates an empty accumulator shaped like <paramref name="shape"/>.</summary>
    public RunAccumulator(EventTally shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        SlabSum = new double[shape.SlabEdepGeV.Length];
        SlabSumSq = new double[shape.SlabEdepGeV.Length];
        SlabVisibleSum = new double[shape.SlabVisibleGeV.Length];
        CellSum = new double[shape.CellEdepGeV.Length];
        RadialSum = new double[shape.RadialEdepGeV.Length];
        RadialSumSq = new double[shape.RadialEdepGeV.Length];
        TrackLengthLogSum = new double[shape.TrackLengthLogX0.Length];
        TrackLengthLinearSum = new double[shape.TrackLengthLinearX0.Length];
        TrackLengthByMaterialSum = new double[shape.ChargedTrackLengthCmByMaterial.Length];
        InteractionsSum = new double[shape.InteractionsByProcess.Length];
    }

    /// <summary>Events accumulated.</summary>
    public long Events { get; private set; }

    /// <summary>Σ energy per slab, GeV.</summary>
    public double[] SlabSum { get; }

    /// <summary>Σ (energy per slab)², GeV².</summary>
    public double[] SlabSumSq { get; }

    /// <summary>Σ visible energy per slab, GeV (equal to <see cref="SlabSum"/> except in active slabs with Birks saturation).</summary>
    public double[] SlabVisibleSum { get; }

    /// <summary>Σ visible energy per (section, cell), GeV.</summary>
    public double[] CellSum { get; }

    /// <summary>Σ energy per radial ring, GeV.</summary>
    public double[] RadialSum { get; }

    /// <summary>Σ (energy per radial ring)², GeV².</summary>
    public double[] RadialSumSq { get; }

    /// <summary>Σ track length per species row and log bin, X0.</summary>
    public double[] TrackLengthLogSum { get; }

    /// <summary>Σ track length per species row and linear bin, X0.</summary>
    public double[] TrackLengthLinearSum { get; }

    /// <summary>Σ charged track length per material, cm.</summary>
    public double[] TrackLengthByMaterialSum { get; }

    /// <summary>Σ interactions per process.</summary>
    public double[] InteractionsSum { get; }

    /// <summary>Σ active (visible) energy, GeV.</summary>
    public double ActiveSum { get; private set; }

    /// <summary>Σ active energy², GeV².</summary>
    public double ActiveSumSq { get; private set; }

    /// <summary>Σ deposited energy, GeV.</summary>
    public double TotalSum { get; private set; }

    /// <summary>Σ deposited energy², GeV².</summary>
    public double TotalSumSq { get; private set; }

    /// <summary>Σ leaked energy, GeV.</summary>
    public double LeakSum { get; private set; }

    /// <summary>Σ invisible energy, GeV.</summary>
    public double InvisibleSum { get; private set; }

    /// <summary>Σ energy budget, GeV.</summary>
    public double BudgetSum { get; private set; }

    /// <summary>Σ charged track length, X0.</summary>
    public double ChargedTrackLengthSum { get; private set; }

    /// <summary>Σ photon track length, X0.</summary>
    public double NeutralTrackLengthSum { get; private set; }

    /// <summary>Σ charged steps.</summary>
    public long ChargedSteps { get; private set; }

    /// <summary>Σ photon steps.</summary>
    public long NeutralSteps { get; private set; }

    /// <summary>Largest per-event |deposited + leaked + invisible − budget| / budget seen.</summary>
    public double MaxBalanceError { get; private set; }

    /// <summary>Adds one event.</summary>
    public void Add(EventTally tally, in EventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Events++;
        for (int i = 0; i < SlabSum.Length; i++) { double e = tally.SlabEdepGeV[i]; SlabSum[i] += e; SlabSumSq[i] += e * e; }
        for (int i = 0; i < SlabVisibleSum.Length; i++) SlabVisibleSum[i] += tally.SlabVisibleGeV[i];
        for (int i = 0; i < CellSum.Length; i++) CellSum[i] += tally.CellEdepGeV[i];
        for (int i = 0; i < RadialSum.Length; i++) { double e = tally.RadialEdepGeV[i]; RadialSum[i] += e; RadialSumSq[i] += e * e; }
        for (int i = 0; i < TrackLengthLogSum.Length; i++) TrackLengthLogSum[i] += tally.TrackLengthLogX0[i];
        for (int i = 0; i < TrackLengthLinearSum.Length; i++) TrackLengthLinearSum[i] += tally.TrackLengthLinearX0[i];
        for (int i = 0; i < TrackLengthByMaterialSum.Length; i++) TrackLengthByMaterialSum[i] += tally.ChargedTrackLengthCmByMaterial[i];
        for (int i = 0; i < InteractionsSum.Length; i++) InteractionsSum[i] += tally.InteractionsByProcess[i];
        double a = tally.ActiveGeV(), t = tally.TotalGeV();
        ActiveSum += a; ActiveSumSq += a * a;
        TotalSum += t; TotalSumSq += t * t;
        LeakSum += ledger.LeakedGeV;
        InvisibleSum += ledger.InvisibleGeV;
        BudgetSum += ledger.BudgetGeV;
        ChargedTrackLengthSum += tally.ChargedTrackLengthX0;
        NeutralTrackLengthSum += tally.NeutralTrackLengthX0;
        ChargedSteps += ledger.ChargedSteps;
        NeutralSteps += ledger.NeutralSteps;
        double bal = Math.Abs(ledger.DepositedGeV + ledger.LeakedGeV + ledger.InvisibleGeV - ledger.BudgetGeV) / ledger.BudgetGeV;
        MaxBalanceError = Math.Max(MaxBalanceError, bal);
    }

    /// <summary>Adds another block (call in a fixed block order for reproducible sums).</summary>
    public void Merge(RunAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Events += other.Events;
        static void AddTo(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) a[i] += b[i]; }
        AddTo(SlabSum, other.SlabSum); AddTo(SlabSumSq, other.SlabSumSq); AddTo(SlabVisibleSum, other.SlabVisibleSum); AddTo(CellSum, other.CellSum);
        AddTo(RadialSum, other.RadialSum); AddTo(RadialSumSq, other.RadialSumSq);
        AddTo(TrackLengthLogSum, other.TrackLengthLogSum); AddTo(TrackLengthLinearSum, other.TrackLengthLinearSum);
        AddTo(TrackLengthByMaterialSum, other.TrackLengthByMaterialSum); AddTo(InteractionsSum, other.InteractionsSum);
        ActiveSum += other.ActiveSum; ActiveSumSq += other.ActiveSumSq;
        TotalSum += other.TotalSum; TotalSumSq += other.TotalSumSq;
        LeakSum += other.LeakSum; InvisibleSum += other.InvisibleSum; BudgetSum += other.BudgetSum;
        ChargedTrackLengthSum += other.ChargedTrackLengthSum; NeutralTrackLengthSum += other.NeutralTrackLengthSum;
        ChargedSteps += other.ChargedSteps; NeutralSteps += other.NeutralSteps;
        MaxBalanceError = Math.Max(MaxBalanceError, other.MaxBalanceError);
    }

    /// <summary>Payload tag of shower sums in a <see cref="BlockSumsFile"/>.</summary>
    public const string PayloadTag = "shower-run-accumulator/2";

    /// <summary>Writes every sum exactly (for a shard's block sums).</summary>
    public void WriteTo(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Events);
        foreach (double[] a in Arrays) BlockSumsFile.WriteDoubles(w, a);
        foreach (double v in (double[])[ActiveSum, ActiveSumSq, TotalSum, TotalSumSq, LeakSum, InvisibleSum, BudgetSum,
                                         ChargedTrackLengthSum, NeutralTrackLengthSum, MaxBalanceError]) w.Write(v);
        w.Write(ChargedSteps);
        w.Write(NeutralSteps);
    }

    /// <summary>Reads sums written by <see cref="WriteTo"/> into a new accumulator shaped like <paramref name="shape"/>.</summary>
    public static RunAccumulator ReadFrom(BinaryReader r, EventTally shape)
    {
        ArgumentNullException.ThrowIfNull(r);
        var a = new RunAccumulator(shape) { Events = r.ReadInt64() };
        foreach (double[] arr in a.Arrays) BlockSumsFile.ReadDoubles(r, arr);
        a.ActiveSum = r.ReadDouble(); a.ActiveSumSq = r.ReadDouble(); a.TotalSum = r.ReadDouble(); a.TotalSumSq = r.ReadDouble();
        a.LeakSum = r.ReadDouble(); a.InvisibleSum = r.ReadDouble(); a.BudgetSum = r.ReadDouble();
        a.ChargedTrackLengthSum = r.ReadDouble(); a.NeutralTrackLengthSum = r.ReadDouble(); a.MaxBalanceError = r.ReadDouble();
        a.ChargedSteps = r.ReadInt64();
        a.NeutralSteps = r.ReadInt64();
        return a;
    }

    private double[][] Arrays => [SlabSum, SlabSumSq, SlabVisibleSum, CellSum, RadialSum, RadialSumSq, TrackLengthLogSum, TrackLengthLinearSum, TrackLengthByMaterialSum, InteractionsSum];
}

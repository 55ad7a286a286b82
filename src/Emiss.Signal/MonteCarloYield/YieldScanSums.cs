namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// Per-event sums of a scan over a block of events: Σy and Σy² of the A′-strahlung and annihilation tallies of every
/// point, and Σ y_p y_q of the totals over the upper triangle (packed row by row), from which the covariance of the
/// per-EOT means follows. Blocks are filled in event order and merged in block order, so the sums do not depend on
/// the thread count.
/// </summary>
internal sealed class YieldScanSums
{
    public YieldScanSums(int points)
    {
        Points = points;
        SumBrem = new double[points];
        SumBrem2 = new double[points];
        SumAnnihilation = new double[points];
        SumAnnihilation2 = new double[points];
        Total = new double[points];
        Cross = new double[points * (points + 1) / 2];
    }

    public int Points { get; }

    public long Events { get; private set; }

    public long ChargedSteps { get; set; }

    public double[] SumBrem { get; }

    public double[] SumBrem2 { get; }

    public double[] SumAnnihilation { get; }

    public double[] SumAnnihilation2 { get; }

    /// <summary>Σ y_p y_q of the totals, q ≥ p, packed: row p starts at <see cref="RowStart"/>(p).</summary>
    public double[] Cross { get; }

    /// <summary>Scratch: the current event's totals.</summary>
    private double[] Total { get; }

    /// <summary>Start of row p of the packed upper triangle.</summary>
    public int RowStart(int p) => p * Points - p * (p - 1) / 2;

    /// <summary>Adds one event's tallies.</summary>
    public void Add(ReadOnlySpan<double> brem, ReadOnlySpan<double> annihilation)
    {
        int n = Points;
        Span<double> t = Total;
        for (int p = 0; p < n; p++)
        {
            double b = brem[p], a = annihilation[p];
            SumBrem[p] += b;
            SumBrem2[p] += b * b;
            SumAnnihilation[p] += a;
            SumAnnihilation2[p] += a * a;
            t[p] = b + a;
        }
        Span<double> cross = Cross;
        for (int p = 0; p < n; p++)
            Fold.AddScaled(cross.Slice(RowStart(p), n - p), t[p], t[p..]);
        Events++;
    }

    /// <summary>Adds the sums of a later block.</summary>
    public void Merge(YieldScanSums other)
    {
        Fold.Add(SumBrem, other.SumBrem);
        Fold.Add(SumBrem2, other.SumBrem2);
        Fold.Add(SumAnnihilation, other.SumAnnihilation);
        Fold.Add(SumAnnihilation2, other.SumAnnihilation2);
        Fold.Add(Cross, other.Cross);
        Events += other.Events;
        ChargedSteps += other.ChargedSteps;
    }

    /// <summary>Zeroes the sums for reuse.</summary>
    public void Clear()
    {
        Array.Clear(SumBrem);
        Array.Clear(SumBrem2);
        Array.Clear(SumAnnihilation);
        Array.Clear(SumAnnihilation2);
        Array.Clear(Cross);
        Events = 0;
        ChargedSteps = 0;
    }
}

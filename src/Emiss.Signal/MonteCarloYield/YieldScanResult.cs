using Emiss.Signal.Run;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// The yields of every point of a <see cref="MonteCarloYieldScan"/>: n_A′(ε = 1) per EOT with E_A′ &gt; E_cut, split by
/// process, each with its statistical error, and the covariance of the totals between points (the points share
/// their showers, so their errors are strongly correlated; docs/physics/signal-yield.md#multi-mass-scan).
/// </summary>
public sealed class YieldScanResult
{
    private readonly double[] _covariance; // packed upper triangle of Cov(ȳ_p, ȳ_q)

    internal YieldScanResult(IReadOnlyList<YieldScanPoint> points, YieldScanSums sums, double beamGeV, double cutGeV, string geometryName, ulong seed)
    {
        long n = sums.Events;
        int np = points.Count;
        Points = points;
        Events = n;
        Seed = seed;
        BeamGeV = beamGeV;
        CutGeV = cutGeV;
        GeometryName = geometryName;
        ChargedStepsPerEvent = (double)sums.ChargedSteps / n;
        var brem = new YieldEstimate[np];
        var ann = new YieldEstimate[np];
        var tot = new YieldEstimate[np];
        var mean = new double[np];
        for (int p = 0; p < np; p++)
        {
            brem[p] = YieldEstimate.FromSums(sums.SumBrem[p], sums.SumBrem2[p], n);
            ann[p] = YieldEstimate.FromSums(sums.SumAnnihilation[p], sums.SumAnnihilation2[p], n);
            mean[p] = (sums.SumBrem[p] + sums.SumAnnihilation[p]) / n;
            tot[p] = YieldEstimate.FromSums(sums.SumBrem[p] + sums.SumAnnihilation[p], sums.Cross[sums.RowStart(p)], n);
        }
        // Cov(ȳ_p, ȳ_q) = [Σ y_p y_q − n ȳ_p ȳ_q] / [n (n − 1)], the unbiased per-event covariance over n.
        _covariance = new double[sums.Cross.Length];
        for (int p = 0; p < np; p++)
        {
            int row = sums.RowStart(p);
            for (int q = p; q < np; q++)
                _covariance[row + q - p] = n > 1 ? (sums.Cross[row + q - p] - n * mean[p] * mean[q]) / ((double)n * (n - 1)) : double.NaN;
        }
        Bremsstrahlung = brem;
        Annihilation = ann;
        Total = tot;
    }

    /// <summary>The points, in the order of every per-point list.</summary>
    public IReadOnlyList<YieldScanPoint> Points { get; }

    /// <summary>Showers simulated (shared by all points).</summary>
    public long Events { get; }

    /// <summary>Master seed.</summary>
    public ulong Seed { get; }

    /// <summary>Beam energy E0, GeV.</summary>
    public double BeamGeV { get; }

    /// <summary>E_cut, GeV.</summary>
    public double CutGeV { get; }

    /// <summary>Shower geometry.</summary>
    public string GeometryName { get; }

    /// <summary>Transported charged steps per shower.</summary>
    public double ChargedStepsPerEvent { get; }

    /// <summary>A′-strahlung yield per point.</summary>
    public IReadOnlyList<YieldEstimate> Bremsstrahlung { get; }

    /// <summary>Resonant-annihilation yield per point (0 where not included).</summary>
    public IReadOnlyList<YieldEstimate> Annihilation { get; }

    /// <summary>A′-strahlung + annihilation per point; its error is the square root of the covariance diagonal.</summary>
    public IReadOnlyList<YieldEstimate> Total { get; }

    /// <summary>Covariance of the total per-EOT yields of points <paramref name="p"/> and <paramref name="q"/>.</summary>
    public double Covariance(int p, int q)
    {
        if (p > q) (p, q) = (q, p);
        int np = Points.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(q, np);
        return _covariance[p * np - p * (p - 1) / 2 + q - p];
    }

    /// <summary>Correlation of the total yields of points <paramref name="p"/> and <paramref name="q"/>.</summary>
    public double Correlation(int p, int q) => Covariance(p, q) / Math.Sqrt(Covariance(p, p) * Covariance(q, q));

    /// <summary>Index of the point with this model name and mass (relative 1e-9 in mass), or −1.</summary>
    public int IndexOf(string? modelName, double massMeV)
    {
        for (int p = 0; p < Points.Count; p++)
            if (Points[p].Model?.Name == modelName && MassGridLookup.Matches(Points[p].Mass.InMeV, massMeV)) return p;
        return -1;
    }
}

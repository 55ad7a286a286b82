using Emiss.Core.Random;

namespace Emiss.Detector.Calorimetry;

/// <summary>The bootstrap distribution of one fitted parameter.</summary>
/// <param name="Name">Parameter name as written to <c>bootstrap.csv</c>.</param>
/// <param name="Estimate">The fit to the sample itself.</param>
/// <param name="Mean">Mean over the replicas.</param>
/// <param name="StandardDeviation">Standard deviation over the replicas: the error to quote.</param>
/// <param name="Percentile16">16th percentile of the replicas.</param>
/// <param name="Percentile84">84th percentile of the replicas.</param>
public sealed record BootstrapSpread(string Name, double Estimate, double Mean, double StandardDeviation, double Percentile16, double Percentile84);

/// <summary>Outcome of <see cref="ProfileFitBootstrap.Run"/>.</summary>
/// <param name="Replicas">Number of resampled samples.</param>
/// <param name="Parameters">One spread per parameter, in the estimator's order.</param>
public sealed record BootstrapResult(int Replicas, IReadOnlyList<BootstrapSpread> Parameters)
{
    /// <summary>The spread of the parameter named <paramref name="name"/>; null when the fit had none.</summary>
    public BootstrapSpread? this[string name] => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// Errors of the profile tune (<see cref="EcalProfileTune"/>) from a bootstrap over showers (Efron, Ann. Statist. 7, 1
/// (1979); Efron and Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 6): each replica draws as many showers as the
/// sample holds, with replacement, at every energy, and is fitted exactly as the sample was; the spread of the fitted
/// parameters over the replicas is their error.
/// </summary>
/// <remarks>
/// Why: the χ² of <see cref="ProfileShiftFit"/> treats the bins of one energy as independent, but a shower's bin fractions
/// sum to one and a late shower raises every deep bin at once, and the deep bins are carried by a few showers; the
/// Δχ² = 1 errors then understated the spread between two samples of the same engine about fivefold
/// (docs/physics/calorimeter-parametrised.md#statistical-reach-of-the-tune). Resampling whole showers keeps both the
/// correlations and the skewed per-shower distributions. Only the engine sample is resampled: the model's draws are
/// common to every replica (their own noise is in the χ² denominators). Replica <c>r</c> draws energy <c>e</c>'s showers on stream
/// (seed, toys, 2⁴⁰ + 2⁸ r + e), so the result does not depend on the thread count.
/// </remarks>
public static class ProfileFitBootstrap
{
    /// <summary>Replicas of <c>emiss study ecal-profile</c> by default: the standard deviation of a standard deviation
    /// from 200 replicas is 5 %.</summary>
    public const int DefaultReplicas = 200;

    private const ulong StreamOffset = 1UL << 40;

    /// <summary>Fits <paramref name="replicas"/> resampled copies of <paramref name="showers"/> (per energy, each shower's bin
    /// fractions, <see cref="ProfileShiftFit.ShowerFractions"/>) with <paramref name="estimator"/>, which maps bin means to one
    /// value per name of <paramref name="names"/>, and returns each parameter's spread beside <paramref name="estimate"/>, the
    /// estimator on the sample itself. Non-finite replica values (a fit on the grid's edge) are skipped for that parameter.</summary>
    public static BootstrapResult Run(IReadOnlyList<(double EnergyGeV, double[][] Showers)> showers, IReadOnlyList<string> names,
        IReadOnlyList<double> estimate, Func<IReadOnlyList<BinFractions>, double[]> estimator, int replicas, ulong seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(showers);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 2);
        if (estimate.Count != names.Count) throw new ArgumentException("one estimate per parameter name is needed", nameof(estimate));
        if (showers.Count > 256) throw new ArgumentException("at most 256 energies", nameof(showers));
        var values = new double[replicas][];
        Parallel.For(0, replicas, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
        {
            var means = new BinFractions[showers.Count];
            for (int e = 0; e < showers.Count; e++)
            {
                EventRng rng = RngStreams.For(seed, StreamKind.Toys, StreamOffset + ((ulong)r << 8) + (ulong)e);
                means[e] = ProfileShiftFit.FromShowers(showers[e].EnergyGeV, Resample(showers[e].Showers, ref rng));
            }
            double[] v = estimator(means);
            if (v.Length != names.Count) throw new InvalidOperationException($"the estimator returned {v.Length} values for {names.Count} parameters");
            values[r] = v;
        });
        return new BootstrapResult(replicas, [.. names.Select((name, k) => Spread(name, estimate[k], values.Select(v => v[k])))]);
    }

    /// <summary>As many rows as <paramref name="rows"/> holds, drawn uniformly with replacement.</summary>
    internal static double[][] Resample(double[][] rows, ref EventRng rng)
    {
        var drawn = new double[rows.Length][];
        for (int i = 0; i < drawn.Length; i++) drawn[i] = rows[(int)Math.BigMul(rng.NextUInt64(), (ulong)rows.Length, out _)];
        return drawn;
    }

    private static BootstrapSpread Spread(string name, double estimate, IEnumerable<double> replicaValues)
    {
        double[] v = [.. replicaValues.Where(double.IsFinite).Order()];
        if (v.Length < 2) return new BootstrapSpread(name, estimate, double.NaN, double.NaN, double.NaN, double.NaN);
        double m = v.Average();
        double sd = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
        return new BootstrapSpread(name, estimate, m, sd, Quantile(v, 0.16), Quantile(v, 0.84));
    }

    /// <summary>Linear interpolation between order statistics (type 7 of Hyndman and Fan, Am. Stat. 50, 361 (1996)).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}

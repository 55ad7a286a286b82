using System.Globalization;
using System.Text;
using Emiss.Stats.Nuisance;
using Emiss.Stats.Results;

namespace Emiss.Stats;

/// <summary>
/// Exact upper limits for a single-bin counting experiment (docs/physics/statistics.md#reference-values, docs/physics/statistics.md#cls):
/// CL_{s+b}(s) = E_k[P(n ≤ n_obs | k_s s + k_b b)], CL_b = E[P(n ≤ n_obs | k_b b)], CLs = CL_{s+b}/CL_b,
/// and s_up solves CLs(s_up) = 1 − CL (or CL_{s+b}(s_up) = 1 − CL for the Neyman limit).
/// Signal and background spreads are independent, so with N = a + c (a signal, c background events)
/// P(n ≤ N) = Σ_{a ≤ N} E_k[Pois(a | k s)] · E[P(c ≤ N − a | k_b b)], which keeps the double average exact
/// at the cost of one sum per node. Thread-safe; immutable after construction.
/// </summary>
public sealed class CountingLimitCalculator
{
    private const double RelativeRootTolerance = 1e-11;

    private readonly NuisanceQuadrature _signal;
    private readonly NuisanceQuadrature _background;

    /// <summary>Creates a calculator for the model.</summary>
    public CountingLimitCalculator(CountingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(model.Background >= 0.0) || double.IsInfinity(model.Background))
            throw new ArgumentOutOfRangeException(nameof(model), model.Background, "background must be finite and ≥ 0");
        Model = model;
        _signal = model.SignalUncertainty?.ToQuadrature() ?? NuisanceQuadrature.None;
        _background = model.BackgroundUncertainty is { } bu && model.Background > 0.0 ? bu.ToQuadrature() : NuisanceQuadrature.None;
    }

    /// <summary>The model.</summary>
    public CountingModel Model { get; }

    /// <summary>CL_{s+b}: probability of n ≤ n_obs for signal mean s (events), nuisances averaged.</summary>
    public double ClSplusB(int observed, double signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        CheckSignal(signal);
        return ClSplusB(observed, signal, BackgroundCumulative(observed));
    }

    /// <summary>CL_b: probability of n ≤ n_obs for background only.</summary>
    public double ClB(int observed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        return BackgroundCumulative(observed)[observed];
    }

    /// <summary>CLs = CL_{s+b}/CL_b at signal mean s (events).</summary>
    public double Cls(int observed, double signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        CheckSignal(signal);
        double[] bc = BackgroundCumulative(observed);
        return ClSplusB(observed, signal, bc) / bc[observed];
    }

    /// <summary>
    /// Upper limit on the signal count at the confidence level (e.g. 0.90). For
    /// <see cref="LimitMethod.ClsPlusB"/> the limit is 0 when even s = 0 is excluded.
    /// <see cref="LimitMethod.FeldmanCousins"/> is available only without nuisance spreads.
    /// </summary>
    public double UpperLimit(int observed, double confidenceLevel, LimitMethod method = LimitMethod.Cls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        CheckLevel(confidenceLevel);
        if (method == LimitMethod.FeldmanCousins)
        {
            if (Model.HasUncertainties)
                throw new NotSupportedException("Feldman–Cousins with nuisance spreads (would need a profiled or hybrid belt) is not implemented");
            return FeldmanCousins.Interval(observed, Model.Background, confidenceLevel).Upper;
        }
        double alpha = 1.0 - confidenceLevel;
        double[] bc = BackgroundCumulative(observed);
        double clb = method == LimitMethod.Cls ? bc[observed] : 1.0;
        double Excess(double s) => ClSplusB(observed, s, bc) / clb - alpha; // decreasing in s

        if (Excess(0.0) <= 0.0) return 0.0;
        double lo = 0.0;
        double hi = observed + 10.0 + 5.0 * Math.Sqrt(observed + 1.0);
        while (Excess(hi) > 0.0)
        {
            lo = hi;
            hi *= 2.0;
            if (hi > 1e12) throw new InvalidOperationException("upper limit not bracketed below 1e12 events");
        }
        // Bisection: CLs is monotone but flat in the tails; bisection cannot leave the bracket.
        while (hi - lo > RelativeRootTolerance * hi)
        {
            double mid = 0.5 * (lo + hi);
            if (Excess(mid) > 0.0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Expected limits for background only: the limit at the discrete quantiles of the count
    /// distribution (Poisson(b), averaged over the background spread if any) — no interpolation.
    /// The Poisson-weighted mean needs the limit at every count up to the tail (≈ b + 10√b limits); without
    /// <paramref name="withMean"/> only the five quantile limits are computed and Mean is NaN, which keeps large
    /// backgrounds (projections to high exposure) cheap.
    /// </summary>
    public ExpectedLimitBands ExpectedLimits(double confidenceLevel, LimitMethod method = LimitMethod.Cls, bool withMean = true)
    {
        CheckLevel(confidenceLevel);
        IReadOnlyList<double> probs = ExpectedLimitBands.QuantileProbabilities;
        var counts = new int[probs.Count];
        var limits = new Dictionary<int, double>();
        double Limit(int n)
        {
            if (!limits.TryGetValue(n, out double v)) limits[n] = v = UpperLimit(n, confidenceLevel, method);
            return v;
        }

        // Walk the count distribution once: quantiles and the mean (tail below 1e-10 dropped).
        double cumulative = 0.0;
        double mean = 0.0;
        int q = 0;
        for (int n = 0; ; n++)
        {
            double p = BackgroundProbability(n);
            cumulative += p;
            if (withMean) mean += p * Limit(n);
            while (q < probs.Count && cumulative >= probs[q]) counts[q++] = n;
            if (q == probs.Count && 1.0 - cumulative < 1e-10) break;
            if (n > 100_000) throw new InvalidOperationException("background count distribution did not converge");
        }
        return new ExpectedLimitBands(
            Limit(counts[0]), Limit(counts[1]), Limit(counts[2]), Limit(counts[3]), Limit(counts[4]), withMean ? mean : double.NaN, counts);
    }

    /// <summary>Observed limit, expected bands (optional) and the convention text in one record.</summary>
    public UpperLimitResult Compute(int observed, double confidenceLevel, LimitMethod method = LimitMethod.Cls, bool withExpected = true) =>
        new(UpperLimit(observed, confidenceLevel, method),
            withExpected ? ExpectedLimits(confidenceLevel, method) : null,
            method, confidenceLevel, observed, Model.Background, Convention(method, confidenceLevel));

    /// <summary>A statement of the convention, e.g. "CLs (Read 2002), 90% CL, b = 0.15, signal yield uncertainty 19% (log-normal k, mean 1) via Cousins–Highland".</summary>
    public string Convention(LimitMethod method, double confidenceLevel)
    {
        var sb = new StringBuilder();
        sb.Append(method switch
        {
            LimitMethod.Cls => "CLs = CL_{s+b}/CL_b (Read 2002), exact Poisson sums",
            LimitMethod.ClsPlusB => "CL_{s+b} (Neyman), exact Poisson sums",
            LimitMethod.FeldmanCousins => "Feldman–Cousins likelihood-ratio ordering",
            _ => method.ToString(),
        });
        sb.Append(CultureInfo.InvariantCulture, $", {confidenceLevel * 100:0.###}% CL, single bin, b = {Model.Background:G6}");
        if (Model.SignalUncertainty is { RelativeSigma: > 0.0 } su)
            sb.Append(", signal yield uncertainty ").Append(su.Describe()).Append(" averaged à la Cousins–Highland");
        if (Model.BackgroundUncertainty is { RelativeSigma: > 0.0 } bu && Model.Background > 0.0)
            sb.Append(", background uncertainty ").Append(bu.Describe());
        sb.Append("; expected bands at the discrete Poisson quantiles 2.275/15.87/50/84.13/97.725%");
        return sb.ToString();
    }

    private double ClSplusB(int observed, double signal, double[] backgroundCumulative)
    {
        ReadOnlySpan<double> k = _signal.Factors;
        ReadOnlySpan<double> w = _signal.Weights;
        double total = 0.0;
        for (int i = 0; i < k.Length; i++)
        {
            double mu = k[i] * signal;
            // Σ_a Pois(a | μ) · P(c ≤ n_obs − a), terms by recurrence (log space would only matter for μ > 700,
            // where the term at a ≤ n_obs is negligible unless n_obs is also hundreds).
            double term = mu < 700.0 ? Math.Exp(-mu) : 0.0;
            double acc = 0.0;
            if (mu >= 700.0)
            {
                double logMu = Math.Log(mu);
                double logTerm = -mu;
                for (int a = 0; a <= observed; a++)
                {
                    if (a > 0) logTerm += logMu - Math.Log(a);
                    acc += Math.Exp(logTerm) * backgroundCumulative[observed - a];
                }
            }
            else
            {
                for (int a = 0; a <= observed; a++)
                {
                    acc += term * backgroundCumulative[observed - a];
                    term *= mu / (a + 1);
                }
            }
            total += w[i] * acc;
        }
        return Math.Min(total, 1.0);
    }

    /// <summary>Cumulative background-only count distribution P(c ≤ j), j = 0..n, averaged over the background spread.</summary>
    private double[] BackgroundCumulative(int n)
    {
        var pmf = new double[n + 1];
        var terms = new double[n + 1];
        ReadOnlySpan<double> k = _background.Factors;
        ReadOnlySpan<double> w = _background.Weights;
        for (int j = 0; j < k.Length; j++)
        {
            PoissonTerms.Fill(k[j] * Model.Background, terms);
            for (int c = 0; c <= n; c++) pmf[c] += w[j] * terms[c];
        }
        for (int c = 1; c <= n; c++) pmf[c] += pmf[c - 1];
        for (int c = 0; c <= n; c++) pmf[c] = Math.Min(pmf[c], 1.0);
        return pmf;
    }

    private double BackgroundProbability(int n)
    {
        ReadOnlySpan<double> k = _background.Factors;
        ReadOnlySpan<double> w = _background.Weights;
        double p = 0.0;
        for (int j = 0; j < k.Length; j++) p += w[j] * Poisson.Pmf(n, k[j] * Model.Background);
        return p;
    }

    private static void CheckSignal(double signal)
    {
        if (!(signal >= 0.0) || double.IsInfinity(signal))
            throw new ArgumentOutOfRangeException(nameof(signal), signal, "signal mean must be finite and ≥ 0");
    }

    private static void CheckLevel(double confidenceLevel)
    {
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidence level must be in (0, 1)");
    }
}

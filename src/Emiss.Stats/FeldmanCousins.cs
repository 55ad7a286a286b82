using Emiss.Stats.Results;

namespace Emiss.Stats;

/// <summary>
/// Feldman–Cousins confidence intervals for a Poisson signal mean μ with known background b
/// (Feldman &amp; Cousins, PRD 57, 3873 (1998), Sec. IV): for each μ on a grid, counts n are ranked by
/// R = P(n | μ + b)/P(n | μ_best + b), μ_best = max(0, n − b), and accepted in that order until
/// their probability sum reaches CL; the interval for n_obs spans the μ whose acceptance holds n_obs.
/// </summary>
public static class FeldmanCousins
{
    /// <summary>Default grid step in μ (events), as used for the reference numbers in docs/physics/statistics.md#reference-values.</summary>
    public const double DefaultStep = 0.001;

    /// <summary>The interval for <paramref name="observed"/> events on background <paramref name="background"/>.</summary>
    /// <param name="observed">Observed count n_obs ≥ 0.</param>
    /// <param name="background">Known background mean b ≥ 0 (events).</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1), e.g. 0.90.</param>
    /// <param name="step">Grid step in μ (events); the interval ends are known to ± step.</param>
    public static FeldmanCousinsInterval Interval(int observed, double background, double confidenceLevel, double step = DefaultStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (!(background >= 0.0) || double.IsInfinity(background))
            throw new ArgumentOutOfRangeException(nameof(background), background, "background must be finite and ≥ 0");
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidence level must be in (0, 1)");
        if (!(step > 0.0)) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be > 0");

        // The upper end lies well below n + 10 + 10√(n+1) for any CL < 0.9999 (Poisson tail), and the
        // scan stops early once μ + b is so large that n_obs sits far in the lower tail.
        double muMax = observed + 10.0 + 10.0 * Math.Sqrt(observed + 1.0);
        int gridCount = (int)Math.Ceiling(muMax / step) + 1;
        int nMax = (int)Math.Ceiling(muMax + background + 12.0 * Math.Sqrt(muMax + background + 1.0)) + 10;

        var probs = new double[nMax + 1];
        var bestProbs = new double[nMax + 1];
        var keys = new double[nMax + 1];
        var order = new int[nMax + 1];
        for (int n = 0; n <= nMax; n++) bestProbs[n] = Poisson.Pmf(n, Math.Max(0.0, n - background) + background);

        double lower = double.NaN;
        double upper = double.NaN;
        for (int i = 0; i < gridCount; i++)
        {
            double mu = i * step;
            PoissonTerms.Fill(mu + background, probs);
            for (int n = 0; n <= nMax; n++)
            {
                keys[n] = -(probs[n] / bestProbs[n]); // descending R; ties resolved by n (stable via index)
                order[n] = n;
            }
            Array.Sort(keys, order);
            double sum = 0.0;
            bool accepted = false;
            for (int r = 0; r <= nMax && sum < confidenceLevel; r++)
            {
                int n = order[r];
                sum += probs[n];
                if (n == observed) accepted = true;
            }
            if (accepted)
            {
                if (double.IsNaN(lower)) lower = mu;
                upper = mu;
            }
            else if (!double.IsNaN(upper) && Cdf(observed, probs) < 1e-6 * (1.0 - confidenceLevel))
            {
                break; // n_obs is deep in the lower tail for all larger μ
            }
        }
        if (double.IsNaN(upper)) throw new InvalidOperationException($"n_obs = {observed} accepted for no μ ≤ {muMax}");
        return new FeldmanCousinsInterval(lower, upper, confidenceLevel, step);
    }

    private static double Cdf(int n, double[] probs)
    {
        double s = 0.0;
        for (int k = 0; k <= n; k++) s += probs[k];
        return s;
    }
}

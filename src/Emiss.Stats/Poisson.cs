namespace Emiss.Stats;

/// <summary>
/// Poisson probabilities by exact finite sums (no normal approximation), so that counting limits
/// near n = 0 are exact. Means are event counts (dimensionless).
/// </summary>
public static class Poisson
{
    // Below this mean e^{-μ} is a normal double and the direct recurrence is exact to rounding;
    // above it the terms are summed in log space to avoid underflow.
    private const double DirectMeanLimit = 700.0;

    /// <summary>P(N = n | μ) for a Poisson mean μ ≥ 0.</summary>
    public static double Pmf(int n, double mean)
    {
        Validate(n, mean);
        if (mean == 0.0) return n == 0 ? 1.0 : 0.0;
        double logTerm = -mean;
        double logMean = Math.Log(mean);
        for (int k = 1; k <= n; k++) logTerm += logMean - Math.Log(k);
        return Math.Exp(logTerm);
    }

    /// <summary>P(N ≤ n | μ) for a Poisson mean μ ≥ 0; exact sum of the n + 1 terms.</summary>
    public static double Cdf(int n, double mean)
    {
        Validate(n, mean);
        if (mean == 0.0) return 1.0;
        if (mean < DirectMeanLimit)
        {
            double term = Math.Exp(-mean);
            double sum = term;
            for (int k = 1; k <= n; k++)
            {
                term *= mean / k;
                sum += term;
            }
            return Math.Min(sum, 1.0);
        }
        return CdfLogSpace(n, mean);
    }

    private static double CdfLogSpace(int n, double mean)
    {
        // log-sum-exp over k = 0..n, shifted by the largest term (the one nearest min(n, μ)).
        double logMean = Math.Log(mean);
        double logTerm = -mean;
        double maxLog = logTerm;
        for (int k = 1; k <= n; k++)
        {
            logTerm += logMean - Math.Log(k);
            if (logTerm > maxLog) maxLog = logTerm;
        }
        logTerm = -mean;
        double sum = Math.Exp(logTerm - maxLog);
        for (int k = 1; k <= n; k++)
        {
            logTerm += logMean - Math.Log(k);
            sum += Math.Exp(logTerm - maxLog);
        }
        return Math.Min(Math.Exp(maxLog + Math.Log(sum)), 1.0);
    }

    private static void Validate(int n, double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(mean >= 0.0) || double.IsInfinity(mean))
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be finite and ≥ 0.");
    }
}

namespace Emiss.Signal.Run;

/// <summary>A mean per electron on target with its statistical (standard) error.</summary>
/// <param name="Value">Mean per EOT.</param>
/// <param name="StatError">Standard error of the mean.</param>
public readonly record struct YieldEstimate(double Value, double StatError)
{
    /// <summary>Mean and standard error from Σx and Σx² over <paramref name="n"/> events.</summary>
    public static YieldEstimate FromSums(double sum, double sum2, long n)
    {
        if (n <= 0) return new YieldEstimate(double.NaN, double.NaN);
        double mean = sum / n;
        double var = n > 1 ? Math.Max(0.0, (sum2 - n * mean * mean) / (n - 1)) : double.NaN;
        return new YieldEstimate(mean, Math.Sqrt(var / n));
    }

    /// <summary>Relative error.</summary>
    public double RelativeError => StatError / Value;
}

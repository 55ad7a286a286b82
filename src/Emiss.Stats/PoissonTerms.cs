namespace Emiss.Stats;

/// <summary>Fills P(N = 0..n | μ) by the recurrence p_k = p_{k−1}·μ/k (log space for large μ).</summary>
internal static class PoissonTerms
{
    public static void Fill(double mean, Span<double> dest)
    {
        if (dest.Length == 0) return;
        if (mean == 0.0)
        {
            dest.Clear();
            dest[0] = 1.0;
            return;
        }
        if (mean < 700.0)
        {
            double term = Math.Exp(-mean);
            dest[0] = term;
            for (int k = 1; k < dest.Length; k++)
            {
                term *= mean / k;
                dest[k] = term;
            }
            return;
        }
        double logMean = Math.Log(mean);
        double logTerm = -mean;
        dest[0] = Math.Exp(logTerm);
        for (int k = 1; k < dest.Length; k++)
        {
            logTerm += logMean - Math.Log(k);
            dest[k] = Math.Exp(logTerm);
        }
    }
}

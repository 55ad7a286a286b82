namespace Emiss.Stats.Tests;

/// <summary>
/// An independent reference for the limit calculator: the closed form of the Cousins–Highland signal-systematic
/// limit at n_obs = 0 (Cousins &amp; Highland, NIM A 320, 331 (1992); docs/physics/statistics.md#cousins-highland).
/// </summary>
public static class CousinsHighland
{
    /// <summary>
    /// Upper limit on the signal count at n_obs = 0 with a Gaussian relative yield spread σ:
    /// E_k[e^{−ks}] = e^{−s + s²σ²/2} = 1 − CL gives s_up = [1 − sqrt(1 − 2σ² L)]/σ², L = −ln(1 − CL).
    /// Exact for an untruncated Gaussian; the truncation at k &gt; 0 matters only for σ ≳ 0.3.
    /// </summary>
    /// <param name="relativeSigma">Relative yield uncertainty σ ≥ 0.</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1), e.g. 0.90.</param>
    /// <returns>s_up in events; throws if 2σ²L ≥ 1 (no solution: the Gaussian tail dominates).</returns>
    public static double UpperLimitAtZeroObserved(double relativeSigma, double confidenceLevel)
    {
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "confidence level must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfNegative(relativeSigma);
        double l = -Math.Log(1.0 - confidenceLevel);
        if (relativeSigma == 0.0) return l;
        double s2 = relativeSigma * relativeSigma;
        double disc = 1.0 - 2.0 * s2 * l;
        if (disc <= 0.0)
            throw new ArgumentOutOfRangeException(nameof(relativeSigma), relativeSigma, "closed form has no solution for 2σ²·ln(1/(1−CL)) ≥ 1");
        // 2L / (1 + sqrt(disc)) is the same root without cancellation at small σ.
        return 2.0 * l / (1.0 + Math.Sqrt(disc));
    }
}

namespace Emiss.Stats.Nuisance;

/// <summary>
/// Shape of the multiplicative spread k of an expected yield (k ≈ 1, relative width σ) used in the
/// Cousins–Highland average (Cousins &amp; Highland, NIM A 320, 331 (1992)). The choice moves the
/// 90% limit by a few per mille at σ = 0.19, so results state it (docs/physics/statistics.md#cousins-highland).
/// </summary>
public enum YieldSpreadShape
{
    /// <summary>Log-normal with mean 1: ln k ~ N(−σ_ln²/2, σ_ln), σ_ln = sqrt(ln(1 + σ²)).</summary>
    LogNormalMeanOne,

    /// <summary>Log-normal with median 1: ln k ~ N(0, σ).</summary>
    LogNormalMedianOne,

    /// <summary>Gaussian N(1, σ) truncated to k &gt; 0 and renormalised.</summary>
    TruncatedGaussian,
}

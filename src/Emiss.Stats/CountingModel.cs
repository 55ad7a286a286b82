using Emiss.Stats.Nuisance;

namespace Emiss.Stats;

/// <summary>
/// A single-bin counting experiment: n ~ Poisson(k_s·s + k_b·b), with optional multiplicative
/// spreads k_s (signal yield) and k_b (background) averaged in the Cousins–Highland way
/// (Cousins &amp; Highland, NIM A 320, 331 (1992)). Counts are events.
/// </summary>
/// <param name="Background">Expected background count b ≥ 0.</param>
/// <param name="SignalUncertainty">Relative uncertainty on the signal yield, or null for none.</param>
/// <param name="BackgroundUncertainty">Relative uncertainty on b (σ_b / b), or null for none.</param>
public sealed record CountingModel(
    double Background,
    YieldUncertainty? SignalUncertainty = null,
    YieldUncertainty? BackgroundUncertainty = null)
{
    /// <summary>Whether any nuisance spread is present.</summary>
    public bool HasUncertainties =>
        SignalUncertainty is { RelativeSigma: > 0.0 } || (BackgroundUncertainty is { RelativeSigma: > 0.0 } && Background > 0.0);
}

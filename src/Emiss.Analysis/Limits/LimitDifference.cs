namespace Emiss.Analysis.Limits;

/// <summary>
/// Why two exclusion limits differ at one mass. ε₉₀ = √(N₉₀ / S₁) (docs/physics/statistics.md#exclusion-contour), so
/// the ratio of two limits factorises into the expected-signal factor √(S₁,ref / S₁,other) — exposure (EOT), signal
/// efficiency and A′ yield per EOT — and the count-limit factor √(N₉₀,other / N₉₀,ref) from the observed count and the
/// background. With 0 observed in both, CLs = e^(−s) whatever the background, N₉₀ = ln 10 for both and the difference is
/// all exposure × efficiency × yield (docs/physics/statistics.md#derived-vs-card).
/// </summary>
/// <param name="MassMeV">Mass of the comparison (the nearest scan point of each limit).</param>
/// <param name="Eps90Ratio">ε₉₀,other / ε₉₀,ref.</param>
/// <param name="ExposureFactor">√(Σ EOT,ref / Σ EOT,other).</param>
/// <param name="EfficiencyFactor">√(ε_sig,ref / ε_sig,other).</param>
/// <param name="YieldFactor">√(n_A′,ref / n_A′,other) per EOT at ε = 1.</param>
/// <param name="CountLimitFactor">√(N₉₀,other / N₉₀,ref).</param>
public sealed record LimitDifference(double MassMeV, double Eps90Ratio, double ExposureFactor, double EfficiencyFactor, double YieldFactor, double CountLimitFactor)
{
    /// <summary>The product of the factors: equals <see cref="Eps90Ratio"/> when the limits follow ε₉₀ = √(N₉₀/S₁) with
    /// S₁ = EOT · ε_sig · n_A′.</summary>
    public double Explained => ExposureFactor * EfficiencyFactor * YieldFactor * CountLimitFactor;

    /// <summary>Compares <paramref name="other"/> (exposure <paramref name="otherEot"/>) with <paramref name="reference"/>
    /// (exposure <paramref name="referenceEot"/>) at the scan points nearest to <paramref name="massMeV"/> in log m.</summary>
    public static LimitDifference At(LimitResult reference, double referenceEot, LimitResult other, double otherEot, double massMeV)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referenceEot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(otherEot);
        ExclusionPoint a = Nearest(reference, massMeV), b = Nearest(other, massMeV);
        return new LimitDifference(a.MassMeV, b.Eps90 / a.Eps90, Math.Sqrt(referenceEot / otherEot), Math.Sqrt(a.Efficiency / b.Efficiency),
                                   Math.Sqrt(a.YieldPerEotEps1 / b.YieldPerEotEps1),
                                   Math.Sqrt(other.Scan.SignalLimit.Observed / reference.Scan.SignalLimit.Observed));
    }

    private static ExclusionPoint Nearest(LimitResult r, double massMeV)
    {
        if (r.Scan.Points.Count == 0) throw new ArgumentException("the limit has no scan point", nameof(r));
        return r.Scan.Points.MinBy(p => Math.Abs(Math.Log(p.MassMeV / massMeV)))!;
    }
}

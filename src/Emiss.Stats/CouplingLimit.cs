using Emiss.Stats.Results;

namespace Emiss.Stats;

/// <summary>
/// Converts an upper limit on a signal count into an upper limit on a coupling g when the
/// expected signal scales as g²: N(g) = g² · S₁, so g_up = sqrt(s_up / S₁) (docs/physics/statistics.md#exclusion-contour).
/// </summary>
public static class CouplingLimit
{
    /// <summary>g_up = sqrt(s_up / S₁); +∞ when S₁ = 0 (no sensitivity).</summary>
    /// <param name="signalUpperLimit">Upper limit on the signal count s_up ≥ 0 (events).</param>
    /// <param name="signalAtUnitCouplingSquared">Expected signal count at g = 1, S₁ ≥ 0 (events).</param>
    public static double FromSignalScale(double signalUpperLimit, double signalAtUnitCouplingSquared)
    {
        if (!(signalUpperLimit >= 0.0))
            throw new ArgumentOutOfRangeException(nameof(signalUpperLimit), signalUpperLimit, "signal limit must be ≥ 0");
        if (!(signalAtUnitCouplingSquared >= 0.0) || double.IsInfinity(signalAtUnitCouplingSquared))
            throw new ArgumentOutOfRangeException(nameof(signalAtUnitCouplingSquared), signalAtUnitCouplingSquared, "signal scale must be finite and ≥ 0");
        return signalAtUnitCouplingSquared == 0.0 ? double.PositiveInfinity : Math.Sqrt(signalUpperLimit / signalAtUnitCouplingSquared);
    }

    /// <summary>Element-wise <see cref="FromSignalScale(double, double)"/> over a grid of S₁ values.</summary>
    public static void FromSignalScale(double signalUpperLimit, ReadOnlySpan<double> signalAtUnitCouplingSquared, Span<double> couplingUpperLimit)
    {
        if (couplingUpperLimit.Length != signalAtUnitCouplingSquared.Length)
            throw new ArgumentException("output length must equal input length", nameof(couplingUpperLimit));
        for (int i = 0; i < signalAtUnitCouplingSquared.Length; i++)
            couplingUpperLimit[i] = FromSignalScale(signalUpperLimit, signalAtUnitCouplingSquared[i]);
    }

    /// <summary>Maps expected signal-count bands to coupling bands at one S₁.</summary>
    public static ExpectedLimitBands FromSignalScale(ExpectedLimitBands signalBands, double signalAtUnitCouplingSquared)
    {
        ArgumentNullException.ThrowIfNull(signalBands);
        return signalBands.Map(s => FromSignalScale(s, signalAtUnitCouplingSquared));
    }
}

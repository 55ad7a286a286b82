namespace Emiss.Analysis.Limits;

/// <summary>
/// The seed's statement checked on a limit curve: "the A′ explanation of the muon g−2 anomaly is excluded for
/// m_A′ ≲ 100 MeV" holds up to the largest mass M such that at every scanned mass ≤ M the observed ε₉₀ lies below the
/// lower edge of the ±2σ favoured band (so the whole band above it is excluded).
/// </summary>
public static class GMinus2Exclusion
{
    /// <summary>The largest mass (MeV) up to which the band is excluded, or null if it is not excluded at the lowest mass
    /// (or there is no band).</summary>
    public static double? ExcludedUpToMeV(LimitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Band.Exists) return null;
        double? upTo = null;
        IReadOnlyList<ExclusionPoint> pts = result.Scan.Points;
        for (int i = 0; i < pts.Count; i++)
        {
            if (!(pts[i].Eps90 < result.Band.Lower![i])) break;
            upTo = pts[i].MassMeV;
        }
        return upTo;
    }

    /// <summary>The statement in words.</summary>
    public static string Describe(LimitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Pseudoscalar and axial one-loop contributions to a_μ are negative (Leveille, Nucl. Phys. B137 (1978) 63): no band to exclude.
        if (!result.Band.Exists) return "no (g−2)μ favoured band: this mediator's one-loop contribution to a_μ is negative (Leveille 1978)";
        double? m = ExcludedUpToMeV(result);
        return m is { } v
            ? FormattableString.Invariant($"the (g−2)μ favoured band (±2σ) is excluded for m_A′ ≤ {v:G3} MeV (seed: m_A′ ≲ 100 MeV)")
            : "the (g−2)μ favoured band is not excluded at the lowest scanned mass (seed: excluded for m_A′ ≲ 100 MeV)";
    }
}

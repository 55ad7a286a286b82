namespace Emiss.Analysis.Limits;

/// <summary>Where an exclusion curve stops covering a reference curve (e.g. the g−2 band's lower edge).</summary>
public static class ExclusionCrossing
{
    /// <summary>
    /// The mass up to which the limit lies below the reference (limit &lt; reference from the first
    /// grid point on), log-interpolated at the first crossing; null if it is not below at the first
    /// point, and the last mass if it never crosses.
    /// </summary>
    public static double? UpperMass(IReadOnlyList<double> massMeV, IReadOnlyList<double> limit, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(massMeV);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(reference);
        if (massMeV.Count == 0 || !(limit[0] < reference[0])) return null;
        for (int i = 1; i < massMeV.Count; i++)
        {
            if (limit[i] < reference[i]) continue;
            // d = ln(limit/reference) changes sign between i−1 and i; interpolate linearly in ln m.
            double d0 = Math.Log(limit[i - 1] / reference[i - 1]), d1 = Math.Log(limit[i] / reference[i]);
            double f = d0 / (d0 - d1);
            return Math.Exp(Math.Log(massMeV[i - 1]) + f * Math.Log(massMeV[i] / massMeV[i - 1]));
        }
        return massMeV[^1];
    }
}

using Emiss.Reporting.Plots;

namespace Emiss.Reporting.References;

/// <summary>
/// The BaBar 2017 90 % CL upper limit on ε for an invisibly decaying A′ (e⁺e⁻ → γA′, single-photon events, 53 fb⁻¹):
/// J. P. Lees et al. (BaBar), PRL 119, 131804 (2017), arXiv:1702.03327, as digitised by the Darkcast authors
/// (P. Ilten, Y. Soreq, M. Williams, W. Xue, file <c>BaBar_Lees2017lec.lmt</c>) from the paper's Fig. 5; valid for
/// m_A′ ≤ 8 GeV, the region above the curve excluded. The table ships with the library
/// (<c>References/babar_2017_eps_vs_mass.csv</c>, its header naming the source), so an exclusion plot can carry the
/// overlay without any file outside the repository.
/// </summary>
public static class BabarInvisible2017
{
    /// <summary>The citation, as a caption may print it.</summary>
    public const string Citation = "J. P. Lees et al. (BaBar), PRL 119, 131804 (2017), digitised by the Darkcast authors";

    /// <summary>Legend text of the overlay: what it is and where it comes from.</summary>
    public const string Label = "BaBar 2017 (PRL 119, 131804), 90% CL, digitised by Darkcast";

    private const string Resource = "babar_2017_eps_vs_mass.csv";

    private static readonly Lazy<(double[] Mass, double[] Eps)> Table = new(Load);

    /// <summary>Masses of the digitised points, MeV, ascending.</summary>
    public static IReadOnlyList<double> MassMeV => Table.Value.Mass;

    /// <summary>ε₉₀ at each mass of <see cref="MassMeV"/>.</summary>
    public static IReadOnlyList<double> Epsilon90 => Table.Value.Eps;

    /// <summary>The overlay for an exclusion plot, restricted to [<paramref name="minMeV"/>, <paramref name="maxMeV"/>]
    /// (the digitised points inside, plus the curve interpolated in log m–log ε at both ends).</summary>
    public static ComparisonCurve Curve(double minMeV, double maxMeV)
    {
        if (!(minMeV > 0) || !(maxMeV > minMeV)) throw new ArgumentException("need 0 < minMeV < maxMeV");
        (double[] m, double[] e) = Table.Value;
        double lo = Math.Max(minMeV, m[0]), hi = Math.Min(maxMeV, m[^1]);
        if (!(hi > lo)) throw new ArgumentException($"[{minMeV}, {maxMeV}] MeV does not overlap the BaBar curve ({m[0]}–{m[^1]} MeV)");
        var xs = new List<double> { lo };
        var ys = new List<double> { At(lo) };
        for (int i = 0; i < m.Length; i++)
        {
            if (!(m[i] > lo && m[i] < hi)) continue;
            xs.Add(m[i]);
            ys.Add(e[i]);
        }
        xs.Add(hi);
        ys.Add(At(hi));
        return new ComparisonCurve(Label, [.. xs], [.. ys]);
    }

    /// <summary>ε₉₀ at <paramref name="massMeV"/>, interpolated linearly in log m–log ε as the file's header says.</summary>
    public static double At(double massMeV)
    {
        (double[] m, double[] e) = Table.Value;
        if (!(massMeV >= m[0] && massMeV <= m[^1])) throw new ArgumentOutOfRangeException(nameof(massMeV), massMeV, $"the BaBar curve spans {m[0]}–{m[^1]} MeV");
        int i = Array.BinarySearch(m, massMeV);
        if (i >= 0) return e[i];
        int hiIdx = ~i, loIdx = hiIdx - 1;
        double t = Math.Log(massMeV / m[loIdx]) / Math.Log(m[hiIdx] / m[loIdx]);
        return Math.Exp(Math.Log(e[loIdx]) + t * Math.Log(e[hiIdx] / e[loIdx]));
    }

    private static (double[] Mass, double[] Eps) Load()
    {
        EmbeddedCurve c = EmbeddedCurve.Load(Resource, "mA_MeV,eps_90CL");
        for (int i = 1; i < c.X.Length; i++)
            if (!(c.X[i] > c.X[i - 1])) throw new InvalidDataException($"{Resource}: masses not ascending at line {i + 1} of the table");
        return (c.X, c.Y);
    }
}

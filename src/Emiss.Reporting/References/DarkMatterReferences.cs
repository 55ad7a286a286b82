namespace Emiss.Reporting.References;

/// <summary>
/// Curves of the dark-matter plane y = ε² α_D (m_χ/m_A′)⁴ versus m_χ, all for m_A′ = 3 m_χ and α_D = 0.1 as digitised
/// (ESPP 2026 Physics Briefing Book inputs, "Quasi-elastic-DM" data set, benchmark BC2; thermal-relic lines provided by
/// P. Crivelli; docs/physics/projections.md#dark-matter-plane). The relic lines are theory curves — the y that gives the
/// observed abundance, to leading order independent of α_D since ⟨σv⟩ ∝ y/m_χ² — and the BaBar line is the limit on
/// ε of PRL 119, 131804 (2017) converted at α_D = 0.1, so it scales linearly with α_D.
/// </summary>
public static class DarkMatterReferences
{
    /// <summary>α_D at which the tables were made.</summary>
    public const double TableAlphaDark = 0.1;

    /// <summary>Citation of the relic lines.</summary>
    public const string RelicCitation = "thermal-relic targets: ESPP 2026 Quasi-elastic-DM data (P. Crivelli)";

    /// <summary>Citation of the BaBar curve.</summary>
    public const string BabarCitation = "BaBar, PRL 119, 131804 (2017)";

    private static readonly Lazy<EmbeddedCurve> ScalarTable = new(() => EmbeddedCurve.Load("relic_target_scalar_y_vs_mchi.csv", "mchi_MeV,y"));
    private static readonly Lazy<EmbeddedCurve> PseudoDiracTable = new(() => EmbeddedCurve.Load("relic_target_pseudodirac_y_vs_mchi.csv", "mchi_MeV,y"));
    private static readonly Lazy<EmbeddedCurve> MajoranaTable = new(() => EmbeddedCurve.Load("relic_target_majorana_y_vs_mchi.csv", "mchi_MeV,y"));
    private static readonly Lazy<EmbeddedCurve> BabarTable = new(() => EmbeddedCurve.Load("babar_2017_y_vs_mchi.csv", "mchi_MeV,y"));

    /// <summary>Relic target, complex scalar DM.</summary>
    public static EmbeddedCurve ScalarRelic => ScalarTable.Value;

    /// <summary>Relic target, pseudo-Dirac fermion DM.</summary>
    public static EmbeddedCurve PseudoDiracRelic => PseudoDiracTable.Value;

    /// <summary>Relic target, Majorana fermion DM.</summary>
    public static EmbeddedCurve MajoranaRelic => MajoranaTable.Value;

    /// <summary>BaBar 2017 90% CL limit at α_D = <see cref="TableAlphaDark"/>.</summary>
    public static EmbeddedCurve Babar => BabarTable.Value;

    /// <summary>The BaBar curve at <paramref name="alphaDark"/>: y ∝ α_D at fixed ε.</summary>
    public static EmbeddedCurve BabarAt(double alphaDark)
    {
        if (!(alphaDark > 0)) throw new ArgumentOutOfRangeException(nameof(alphaDark), alphaDark, "α_D must be > 0");
        EmbeddedCurve b = BabarTable.Value;
        return new EmbeddedCurve(b.X, b.Y.Select(y => y * alphaDark / TableAlphaDark).ToArray());
    }
}

namespace Emiss.Reporting.Report;

/// <summary>
/// A limit on ε of a vector A′ read in the dark-matter plane: A′ → χχ̄ with m_χ = <paramref name="ChiMassRatio"/>·m_A′,
/// y = ε² α_D (m_χ/m_A′)⁴ (Izaguirre, Krnjaic, Schuster, Toro, PRL 115, 251301 (2015)). The analysis layer converts;
/// the writers only format.
/// </summary>
/// <param name="AlphaDark">α_D of the conversion.</param>
/// <param name="ChiMassRatio">m_χ/m_A′.</param>
/// <param name="Rows">Per point m_χ (in <see cref="LimitRow.MassMeV"/>) and the observed and expected limits on y, ascending in m_χ.</param>
public sealed record DarkMatterLimit(double AlphaDark, double ChiMassRatio, IReadOnlyList<LimitRow> Rows);

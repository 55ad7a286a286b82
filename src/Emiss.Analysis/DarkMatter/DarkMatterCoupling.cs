namespace Emiss.Analysis.DarkMatter;

/// <summary>
/// The dark-matter plane of an invisible A′ search (docs/physics/projections.md#dark-matter-plane): for A′ → χχ̄ with
/// m_A′ = m_χ / r (r = 1/3 by convention), the annihilation rate that sets the relic abundance scales as
/// y = ε² α_D (m_χ/m_A′)⁴ (Izaguirre, Krnjaic, Schuster, Toro, PRL 115, 251301 (2015), Eq. 2), so a limit on ε at
/// m_A′ is a limit on y at m_χ = r m_A′. The limit on ε of a missing-energy search does not depend on α_D as long as
/// A′ → χχ̄ dominates the width, so y₉₀ ∝ α_D.
/// </summary>
public static class DarkMatterCoupling
{
    /// <summary>The conventional m_χ/m_A′.</summary>
    public const double DefaultChiMassRatio = 1.0 / 3.0;

    /// <summary>y = ε² α_D r⁴ with r = m_χ/m_A′.</summary>
    public static double Y(double epsilon, double alphaDark, double chiMassRatio = DefaultChiMassRatio)
    {
        if (!(alphaDark > 0)) throw new ArgumentOutOfRangeException(nameof(alphaDark), alphaDark, "α_D must be > 0");
        if (!(chiMassRatio > 0 && chiMassRatio < 0.5)) throw new ArgumentOutOfRangeException(nameof(chiMassRatio), chiMassRatio, "m_χ/m_A′ must lie in (0, 0.5)");
        double r2 = chiMassRatio * chiMassRatio;
        return epsilon * epsilon * alphaDark * r2 * r2;
    }

    /// <summary>m_χ = r m_A′ (any unit).</summary>
    public static double ChiMass(double aprimeMass, double chiMassRatio = DefaultChiMassRatio) => chiMassRatio * aprimeMass;
}

using Emiss.Analysis.Limits;
using Emiss.Stats.Results;

namespace Emiss.Analysis.DarkMatter;

/// <summary>One point of a vector A′ limit read in the dark-matter plane (<see cref="DarkMatterCoupling"/>).</summary>
/// <param name="MassMeV">m_A′ of the limit point.</param>
/// <param name="ChiMassMeV">m_χ = r·m_A′.</param>
/// <param name="Epsilon90">The observed limit on ε it comes from.</param>
/// <param name="Y90">The observed limit on y.</param>
/// <param name="Expected">The expected limits on y (median, ±1σ, ±2σ): y is monotonic in ε, so the quantiles map one to one.</param>
public sealed record DarkMatterLimitPoint(double MassMeV, double ChiMassMeV, double Epsilon90, double Y90, ExpectedLimitBands Expected)
{
    /// <summary>Every point of <paramref name="points"/> (a vector A′ limit) at α_D = <paramref name="alphaDark"/> and m_χ/m_A′ = <paramref name="chiMassRatio"/>.</summary>
    public static IReadOnlyList<DarkMatterLimitPoint> From(IReadOnlyList<ExclusionPoint> points, double alphaDark, double chiMassRatio = DarkMatterCoupling.DefaultChiMassRatio)
    {
        ArgumentNullException.ThrowIfNull(points);
        return [.. points.Select(p => new DarkMatterLimitPoint(p.MassMeV, DarkMatterCoupling.ChiMass(p.MassMeV, chiMassRatio), p.Eps90,
            DarkMatterCoupling.Y(p.Eps90, alphaDark, chiMassRatio), p.Expected.Map(e => DarkMatterCoupling.Y(e, alphaDark, chiMassRatio))))];
    }
}

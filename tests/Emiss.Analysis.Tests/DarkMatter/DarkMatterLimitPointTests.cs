using Emiss.Analysis.DarkMatter;
using Emiss.Analysis.Limits;
using Emiss.Stats.Results;
using Xunit;

namespace Emiss.Analysis.Tests.DarkMatter;

/// <summary>A vector limit read in the dark-matter plane: y = ε² α_D (m_χ/m_A′)⁴ at m_χ = m_A′/3 (Izaguirre, Krnjaic,
/// Schuster, Toro, PRL 115, 251301 (2015)), written out here by hand for every band edge.</summary>
public class DarkMatterLimitPointTests
{
    [Fact]
    public void Every_limit_and_band_edge_maps_to_y_by_the_closed_form()
    {
        var bands = new ExpectedLimitBands(1.2e-4, 1.5e-4, 2e-4, 3e-4, 4e-4, 2.1e-4, [1, 2, 3, 2, 1]);
        var points = new[] { new ExclusionPoint(30, 1e-6, 0.6, 3, 2.5e-4, 2.7e-4, bands) };
        DarkMatterLimitPoint p = DarkMatterLimitPoint.From(points, 0.1).Single();
        Assert.Equal(10.0, p.ChiMassMeV, 12);
        Assert.Equal(2.5e-4, p.Epsilon90);
        // (1/3)⁴ = 1/81, exactly as typed.
        Assert.Equal(2.5e-4 * 2.5e-4 * 0.1 / 81, p.Y90, 1e-22);
        Assert.Equal(2e-4 * 2e-4 * 0.1 / 81, p.Expected.Median, 1e-22);
        Assert.Equal(1.5e-4 * 1.5e-4 * 0.1 / 81, p.Expected.Minus1Sigma, 1e-22);
        Assert.Equal(3e-4 * 3e-4 * 0.1 / 81, p.Expected.Plus1Sigma, 1e-22);
        Assert.Equal(1.2e-4 * 1.2e-4 * 0.1 / 81, p.Expected.Minus2Sigma, 1e-22);
        Assert.Equal(4e-4 * 4e-4 * 0.1 / 81, p.Expected.Plus2Sigma, 1e-22);
        // y ∝ α_D at fixed ε: α_D = 0.5 is five times α_D = 0.1.
        Assert.Equal(5 * p.Y90, DarkMatterLimitPoint.From(points, 0.5).Single().Y90, 1e-22);
    }
}

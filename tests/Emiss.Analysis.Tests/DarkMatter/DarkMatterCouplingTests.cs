using Emiss.Analysis.DarkMatter;
using Xunit;

namespace Emiss.Analysis.Tests.DarkMatter;

/// <summary>y = ε² α_D (m_χ/m_A′)⁴ (Izaguirre et al., PRL 115, 251301 (2015), Eq. 2), tested exactly.</summary>
public class DarkMatterCouplingTests
{
    [Fact]
    public void Y_is_eps_squared_alpha_D_over_81_for_the_benchmark_ratio()
    {
        // ε = 1e-4, α_D = 0.5, m_A′ = 3 m_χ: y = 1e-8 · 0.5 / 81 = 6.17283950617284e-11.
        Assert.Equal(1e-8 * 0.5 / 81, DarkMatterCoupling.Y(1e-4, 0.5), 1e-25);
        Assert.Equal(1e-6 * 0.1 / 81, DarkMatterCoupling.Y(1e-3, 0.1), 1e-24);
        // Other ratio: m_χ/m_A′ = 0.25 ⇒ (1/4)⁴ = 1/256.
        Assert.Equal(1e-8 * 0.5 / 256, DarkMatterCoupling.Y(1e-4, 0.5, 0.25), 1e-25);
        Assert.Equal(30.0, DarkMatterCoupling.ChiMass(90.0), 12);
    }

    [Fact]
    public void Y_is_linear_in_alpha_D_and_quadratic_in_eps()
    {
        Assert.Equal(5 * DarkMatterCoupling.Y(2e-5, 0.1), DarkMatterCoupling.Y(2e-5, 0.5), 1e-26);
        Assert.Equal(4 * DarkMatterCoupling.Y(1e-5, 0.5), DarkMatterCoupling.Y(2e-5, 0.5), 1e-26);
        Assert.Throws<ArgumentOutOfRangeException>(() => DarkMatterCoupling.Y(1e-4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DarkMatterCoupling.Y(1e-4, 0.5, 0.5));
    }
}

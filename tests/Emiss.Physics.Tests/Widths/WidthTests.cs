using Emiss.Core.Constants;
using Emiss.Physics.Widths;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Widths;

/// <summary>A′ partial widths (docs/physics/decay-widths.md#formulas).</summary>
public sealed class WidthTests
{
    [Fact]
    public void Electron_width_tends_to_alpha_eps2_m_over_3()
    {
        Tolerance.Rel(1e-8, "(1 + 2r)sqrt(1 − 4r) = 1 − 6r² + …, r = m_e²/m² = 2.6e-5 at 100 MeV").AssertClose(
            PhysicalConstants.Alpha * 1e-8 * 0.1 / 3, DarkPhotonWidths.ToLeptonPair(0.1, 1e-4), "Γ(A′→ee), ε = 1e-4, m = 100 MeV");
        Assert.Equal(0.0, DarkPhotonWidths.ToLeptonPair(0.9e-3, 1e-4));
    }

    [Fact]
    public void Dark_widths_have_the_right_threshold_behaviour()
    {
        // m = 3 m_χ, α_D = 0.5 (NA64 benchmark): Γ/m = α_D/3 (1 + 2/9) sqrt(1 − 4/9) = 0.1518.
        Tolerance.Rel(1e-12, "closed form").AssertClose(0.5 / 3 * (1 + 2.0 / 9) * Math.Sqrt(5.0 / 9), DarkPhotonWidths.ToDiracFermions(1.0, 1.0 / 3, 0.5), "Γ_χ/m");
        // Light χ: Dirac/scalar = (1/3)/(1/12) = 4.
        Tolerance.Rel(1e-9, "m_χ → 0 limit").AssertClose(4.0, DarkPhotonWidths.ToDiracFermions(1, 1e-6, 0.1) / DarkPhotonWidths.ToComplexScalars(1, 1e-6, 0.1), "Γ_Dirac/Γ_scalar");
        Assert.Equal(0.0, DarkPhotonWidths.ToComplexScalars(1.0, 0.5, 0.1));
        Assert.True(DarkPhotonWidths.InvisibleBranchingDirac(0.03, 1e-3, 0.01, 0.1) > 0.999);
    }
}

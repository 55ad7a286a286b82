using Emiss.Core.Constants;
using Emiss.Core.Scattering;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Scattering;

public sealed class HighlandTests
{
    private static readonly Tolerance Hand = Tolerance.Rel(1e-9, "PDG 2024 eq. 34.15 evaluated independently to 10 digits");

    [Fact]
    public void Width_at_one_radiation_length_is_13_6_MeV_over_p()
    {
        // x/X0 = 1 and β = 1: the log term vanishes, θ0 = 13.6 MeV / p.
        Hand.AssertClose(0.0136, Highland.Theta0Rad(1.0, 1.0, 1.0), "θ0(1 GeV, 1 X0)");
        Hand.AssertClose(0.000136, Highland.Theta0Rad(100.0, 1.0, 1.0), "θ0(100 GeV, 1 X0)");
    }

    [Fact]
    public void Thin_layer_carries_the_logarithmic_correction()
    {
        // 1 GeV, β = 1, x/X0 = 0.01: 13.6e-3 · 0.1 · (1 + 0.038 ln 0.01) = 1.36e-3 · 0.8250035329 = 1.122004805e-3 rad.
        Hand.AssertClose(1.122004805e-3, Highland.Theta0Rad(1.0, 1.0, 0.01), "θ0(1 GeV, 0.01 X0)");
    }

    [Fact]
    public void Slow_muon_uses_beta_cp_and_beta_squared()
    {
        // μ with p = 0.2 GeV: E = √(p² + m_μ²) = 0.2261939 GeV, β² = p²/E² = 0.7818044, βcp = p²/E = 0.1768394 GeV.
        // x/X0 = 0.1: θ0 = 13.6e-3/0.1768394 · 0.3162278 · (1 + 0.038 ln(0.1/0.7818044)) = 0.02241933 rad.
        double p = 0.2, e = Math.Sqrt(p * p + PhysicalConstants.MuonMassGeV * PhysicalConstants.MuonMassGeV);
        Tolerance.Rel(1e-6, "independent evaluation quoted to 7 digits").AssertClose(0.02241933, Highland.Theta0Rad(p * p / e, p * p / (e * e), 0.1), "θ0(μ, 0.2 GeV)");
    }

    [Fact]
    public void Bracket_is_held_positive_far_below_the_validity_range() =>
        Hand.AssertClose(0.0136 * Math.Sqrt(1e-12) * 0.3, Highland.Theta0Rad(1.0, 1.0, 1e-12), "θ0 at x/X0 = 1e-12 (bracket 0.3)");
}

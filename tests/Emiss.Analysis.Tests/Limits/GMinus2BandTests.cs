using Emiss.Analysis.Limits;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Limits;

public class GMinus2BandTests
{
    private static readonly MuonAnomalyMeasurement Bnl = new(288, 80, "BNL E821 vs SM");

    // CODATA 2018 α and PDG m_μ, written out so the check does not reuse the code's constants.
    private const double Alpha = 1 / 137.035999084;
    private const double MuonMassMeV = 105.6583755;

    [Theory]
    [InlineData(Mediator.Vector, 1.0)]
    [InlineData(Mediator.Scalar, 1.5)]
    public void Light_mediator_band_matches_the_small_mass_limit_of_the_one_loop_formula(Mediator mediator, double loopAtZeroMass)
    {
        // Δa_μ = (αε²/2π) F(r), r = m/m_μ. For r → 0, F_V → 1 (Pospelov, PRD 80, 095002 (2009), Eq. 3) and F_S → 3/2
        // (Leveille, NPB 137, 63 (1978)); both integrands tend to 2(1−z)²/((1−z)² + r²) near z = 1, which removes
        // πr/2 · 2 = πr, so F ≈ F(0) − πr. The next term is O(r² ln r) ≈ 3e-5 at r = 9.5e-4 (m = 0.1 MeV).
        const double massMeV = 0.1;
        double r = massMeV / MuonMassMeV;
        double f = loopAtZeroMass - Math.PI * r;
        GMinus2Band band = GMinus2Band.For(mediator, Bnl, [massMeV]);
        Assert.True(band.Exists);
        Tolerance.Rel(1e-4, "O(r² ln r) remainder of the small-r expansion").AssertClose(
            Math.Sqrt(2 * Math.PI * 288e-11 / (Alpha * f)), band.Central![0], $"{mediator} ε at Δa_μ");
    }

    [Fact]
    public void Band_edges_scale_as_the_square_root_of_delta_a()
    {
        // Δa_μ ∝ ε² at fixed mass, so ε(Δa ± 2σ)/ε(Δa) = sqrt((288 ± 160)/288): exactly 2/3 below, sqrt(14/9) above.
        double[] masses = [1, 10, 100, 1000];
        GMinus2Band band = GMinus2Band.For(Mediator.Vector, Bnl, masses);
        for (int i = 0; i < masses.Length; i++)
        {
            Tolerance.Rel(1e-12, "exact ε ∝ sqrt(Δa_μ)").AssertClose(2.0 / 3.0, band.Lower![i] / band.Central![i], $"lower/central at {masses[i]} MeV");
            Tolerance.Rel(1e-12, "exact ε ∝ sqrt(Δa_μ)").AssertClose(Math.Sqrt(14.0 / 9.0), band.Upper![i] / band.Central![i], $"upper/central at {masses[i]} MeV");
        }
    }

    [Theory]
    [InlineData(Mediator.Pseudoscalar)]
    [InlineData(Mediator.AxialVector)]
    public void Mediators_with_a_negative_contribution_have_no_band(Mediator mediator)
    {
        // Leveille 1978: pseudoscalar and axial-vector one-loop contributions to a_μ are negative.
        GMinus2Band band = GMinus2Band.For(mediator, Bnl, [1.0, 10.0]);
        Assert.False(band.Exists);
        Assert.Null(band.Central);
        Assert.Null(band.Upper);
    }
}

using Emiss.Core.Constants;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.MuonAnomaly;

/// <summary>Limits of the one-loop functions (Pospelov 2009; Leveille 1978; docs/physics/muon-g-2.md#loop-functions).</summary>
public sealed class LoopFunctionTests
{
    [Fact]
    public void Light_vector_gives_alpha_eps2_over_2pi()
    {
        const double eps = 2e-3;
        // Near z = 1 the denominator is (1−z)² + r², so F_V = 1 − πr + O(r²): r = 1e-8/m_μ ≈ 1e-7.
        Tolerance.Rel(1e-6, "F_V(r) = 1 − πr + O(r²), r ≈ 1e-7")
            .AssertClose(PhysicalConstants.Alpha * eps * eps / (2 * Math.PI), MuonAnomalyCalculator.VectorContribution(1e-8, eps), "Δa_μ(m → 0)");
        double r = 1e-3;
        Tolerance.Rel(0.02, "first-order term −πr").AssertClose(Math.PI * r, 1 - MuonAnomalyCalculator.VectorLoopFunction(r), "1 − F_V(1e-3)");
    }

    [Fact]
    public void Heavy_vector_falls_as_two_thirds_r_minus_2()
    {
        const double r = 3000;
        Tolerance.Rel(1e-5, "F_V → 2/(3r²) + O(ln r/r⁴), r = 3000").AssertClose(2.0 / (3 * r * r), MuonAnomalyCalculator.VectorLoopFunction(r), "F_V(3000)");
    }

    [Fact]
    public void Scalar_loop_tends_to_three_halves_and_exceeds_the_vector_at_low_mass()
    {
        Tolerance.Rel(1e-5, "F_S(0) = ∫(1+z)dz = 3/2, corrections O(r) at r = 1e-7").AssertClose(1.5, MuonAnomalyCalculator.ScalarLoopFunction(1e-7), "F_S(r → 0)");
        Assert.True(MuonAnomalyCalculator.ScalarContribution(0.01, 1e-3) > MuonAnomalyCalculator.VectorContribution(0.01, 1e-3));
    }

    [Fact]
    public void Solving_for_epsilon_inverts_the_contribution()
    {
        double eps = MuonAnomalyCalculator.VectorEpsilonFor(0.05, 251e-11);
        Tolerance.Rel(1e-12, "algebraic inverse").AssertClose(251e-11, MuonAnomalyCalculator.VectorContribution(0.05, eps), "Δa_μ(ε(Δa_μ))");
        MuonAnomalyBand band = MuonAnomalyCalculator.VectorBand(0.05, MuonAnomalyMeasurement.For(MuonG2Era.Fnal2025));
        Assert.Equal(0.0, band.Lower); // 38 − 2·64 < 0: the band reaches ε = 0
        Assert.True(double.IsNaN(MuonAnomalyCalculator.VectorEpsilonFor(0.05, -1e-11)));
    }

    [Fact]
    public void Epsilon_for_a_mediator_inverts_its_contribution_and_is_absent_for_P_and_A()
    {
        Tolerance.Rel(1e-12, "same inverse").AssertClose(MuonAnomalyCalculator.VectorEpsilonFor(0.05, 288e-11),
            MuonAnomalyCalculator.EpsilonFor(Mediator.Vector, 0.05, 288e-11)!.Value, "vector ε");
        double epsS = MuonAnomalyCalculator.EpsilonFor(Mediator.Scalar, 0.05, 288e-11)!.Value;
        Tolerance.Rel(1e-12, "algebraic inverse").AssertClose(288e-11, MuonAnomalyCalculator.ScalarContribution(0.05, epsS), "scalar Δa_μ(ε)");
        // Pseudoscalar and axial one-loop contributions are negative (Leveille 1978): no favoured coupling.
        Assert.Null(MuonAnomalyCalculator.EpsilonFor(Mediator.Pseudoscalar, 0.05, 288e-11));
        Assert.Null(MuonAnomalyCalculator.EpsilonFor(Mediator.AxialVector, 0.05, 288e-11));
    }
}

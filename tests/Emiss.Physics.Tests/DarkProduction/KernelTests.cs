using Emiss.Core.Constants;
using Emiss.Physics.DarkProduction;
using Emiss.Core.Numerics;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>The WW/IWW kernels of docs/physics/dark-production-iww.md#formula: angular integrals, limits and the listed pitfalls.</summary>
public sealed class KernelTests
{
    private const double Me = PhysicalConstants.ElectronMassGeV;

    public static TheoryData<Mediator, double, double> Cases()
    {
        var d = new TheoryData<Mediator, double, double>();
        foreach (Mediator m in Enum.GetValues<Mediator>())
            foreach (double mass in new[] { 3e-4, 2e-3, 0.05 })
                foreach (double x in new[] { 0.1, 0.6, 0.999 })
                    d.Add(m, mass, x);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Iww_shape_is_the_exact_angular_integral_of_the_double_differential(Mediator mediator, double mass, double x)
    {
        // dσ/dx = ∫ d(θ²/2) α³ε²E²xβχ K = (α³ε²βχ/2) ∫_u^∞ dU K(x, U); integrate in ln U over 14 decades
        // (the tail beyond falls as 1/U and is < 1e-13 of the total).
        double u = ProductionKernels.MinimalVirtuality(x, mass);
        double numeric = 0.5 * GaussLegendre.Integrate(
            l => { double uu = Math.Exp(l); return uu * ProductionKernels.DoubleDifferentialKernel(mediator, x, uu, mass); },
            Math.Log(u), Math.Log(u) + 14 * Math.Log(10), 200);
        Tolerance.Rel(1e-9, "closed-form angular integral (docs/physics/dark-production-iww.md#formula) vs 3200-point quadrature")
            .AssertClose(ProductionKernels.IwwShape(mediator, x, mass), numeric, $"{mediator} S(x = {x}), m = {mass} GeV");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Vector_shape_tends_to_BEST_for_m_much_larger_than_me(double x)
    {
        const double m = 1.0;
        double best = 4.0 * x * (1 - x + x * x / 3) / (m * m * (1 - x)); // BEST: 4(1 − x + x²/3)/u with u = m²(1−x)/x
        Tolerance.Rel(1e-5, "m_e²/m² ≈ 2.6e-7 corrections only (docs/physics/dark-production-iww.md#formula)")
            .AssertClose(best, ProductionKernels.IwwShape(Mediator.Vector, x, m), $"vector S(x = {x}) vs BEST");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.95)]
    public void Scalar_and_pseudoscalar_agree_and_go_as_x3_over_1_minus_x_for_heavy_bosons(double x)
    {
        const double m = 0.5;
        double s = ProductionKernels.IwwShape(Mediator.Scalar, x, m), p = ProductionKernels.IwwShape(Mediator.Pseudoscalar, x, m);
        Tolerance.Rel(1e-5, "chiral symmetry for m ≫ m_e (docs/physics/dark-production.md#mediator-relations)").AssertClose(s, p, $"S vs P shape at x = {x}");
        // (2/3) x³/(m²(1−x)): no stray 1/x (pitfall 1 of docs/physics/dark-production.md#pitfalls-in-public-code would give x²/(1−x)).
        Tolerance.Rel(1e-5, "x³/(1−x) shape, docs/physics/dark-production.md#pitfalls-in-public-code pitfall 1").AssertClose(2.0 / 3.0 * x * x * x / (m * m * (1 - x)), p, $"P shape at x = {x}");
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.8)]
    public void Axial_equals_vector_for_heavy_bosons_and_grows_as_one_over_m2_for_light_ones(double x)
    {
        Tolerance.Rel(1e-4, "A = V for m ≫ m_e (docs/physics/dark-production.md#mediator-relations)")
            .AssertClose(ProductionKernels.IwwShape(Mediator.Vector, x, 0.2), ProductionKernels.IwwShape(Mediator.AxialVector, x, 0.2), "A vs V");
        // Goldstone term (2/3)·6m_e²x²/(m²u) → 4x/m² as m → 0 (u → m_e²x): S_A m² → 4x.
        const double m = 1e-7;
        Tolerance.Rel(1e-3, "Goldstone-equivalent longitudinal axial term, docs/physics/dark-production.md#mediator-relations")
            .AssertClose(4 * x, ProductionKernels.IwwShape(Mediator.AxialVector, x, m) * m * m, "S_A m² for m ≪ m_e");
    }

    [Fact]
    public void Kernels_are_positive_where_the_angular_density_is_physical()
    {
        // A U² − B U + C > 0 for all x (docs/physics/aprime-emission.md#angle-sampling): the vector density is positive at every angle.
        foreach (double x in new[] { 0.01, 0.3, 0.9, 0.9999 })
            foreach (double mass in new[] { 1e-4, 1e-2, 1.0 })
            {
                double u = ProductionKernels.MinimalVirtuality(x, mass);
                foreach (double f in new[] { 1.0, 3.0, 1e3, 1e8 })
                    Assert.True(ProductionKernels.DoubleDifferentialKernel(Mediator.Vector, x, u * f, mass) > 0,
                                $"vector kernel ≤ 0 at x = {x}, m = {mass}, U = {f}u");
            }
        Tolerance.Rel(1e-15, "u(x) = m_e² x for a massless boson").AssertClose(Me * Me * 0.5, ProductionKernels.MinimalVirtuality(0.5, 0.0), "u(0.5)");
    }
}

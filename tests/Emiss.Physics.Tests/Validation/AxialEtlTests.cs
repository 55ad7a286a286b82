using System.Globalization;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// The exact axial-vector ETL (docs/physics/dark-production-etl.md#axial-vector-amplitude) in its two limits, which follow
/// from symmetry and not from this code: for m ≪ m_e the longitudinal polarisation couples like a pseudoscalar with
/// coupling 2m_e g/m (Goldstone-boson equivalence; the axial current's divergence is 2m_e ē iγ⁵ e), so
/// σ_A → σ_V + (2m_e/m)² σ_P; for m ≫ m_e chiral symmetry makes σ_A = σ_V (docs/physics/dark-production.md#mediator-relations).
/// Pb, 100 GeV, the default (coarse) grid.
/// </summary>
public sealed class AxialEtlTests(ITestOutputHelper output)
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    public void Light_axial_vector_is_the_vector_plus_the_goldstone_pseudoscalar(double massMeV)
    {
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        double a = Total(Mediator.AxialVector, p), v = Total(Mediator.Vector, p), ps = Total(Mediator.Pseudoscalar, p);
        double me = Emiss.Core.Constants.PhysicalConstants.ElectronMassGeV, m = massMeV * 1e-3;
        double equivalent = v + 4.0 * me * me / (m * m) * ps;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"m = {massMeV} MeV: σ_A/σ_V = {a / v:F3}, σ_A/(σ_V + (2m_e/m)²σ_P) = {a / equivalent:F6}"));
        Tolerance.Rel(5e-3, "the grid's accuracy (≤ 0.2 % on each σ) plus the theorem's O(m²/m_e²) corrections (4·10⁻⁴ at 10 keV)")
            .AssertClose(equivalent, a, $"σ_A at m = {massMeV} MeV");
        Assert.True(a / v > 100, "the longitudinal part must dominate far below m_e");
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(1000.0)]
    public void Heavy_axial_vector_equals_the_vector(double massMeV)
    {
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        Tolerance.Rel(1e-3, "chiral symmetry: differences O(m_e²/m²) = 2.6·10⁻⁵ at 100 MeV")
            .AssertClose(Total(Mediator.Vector, p), Total(Mediator.AxialVector, p), $"σ_A vs σ_V at {massMeV} MeV");
    }

    private static double Total(Mediator mediator, DarkParameters p) =>
        new ExactEtlModel(mediator).TotalCrossSection(Lead, Energy.FromGeV(100), p).InGeVm2;
}

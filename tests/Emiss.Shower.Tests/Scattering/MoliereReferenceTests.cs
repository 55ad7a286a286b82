using Emiss.Core.Materials;
using Emiss.Shower.Materials;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>The Molière reference (<see cref="MoliereDistribution"/>) against published numbers before it is used to judge
/// the engine (docs/physics/multiple-scattering.md#molière-theory-at-high-energy).</summary>
public class MoliereReferenceTests(ITestOutputHelper output)
{
    /// <summary>Bethe (Phys. Rev. 89, 1256 (1953), Table II): f¹(0) = 0.8456, f²(0) = 2.4929, given to 4–5 digits; the
    /// quadrature and the A&amp;S J0 (|ε| &lt; 5·10⁻⁸) must reproduce them to 10⁻³ relative.</summary>
    [Theory]
    [InlineData(1, 0.8456)]
    [InlineData(2, 2.4929)]
    public void Bethe_functions_at_zero_match_his_table(int n, double bethe)
    {
        double f = MoliereDistribution.F(n, 0.0);
        output.WriteLine($"f{n}(0) = {f:F5} (Bethe {bethe})");
        Tolerance.Rel(1e-3, "Bethe 1953 Table II, quoted digits").AssertClose(bethe, f, $"f{n}(0)");
    }

    /// <summary>Closed forms: f⁰ = 2e^{−ϑ²} exactly, and f¹ → 2ϑ⁻⁴ (single Rutherford scattering) at large ϑ; at ϑ = 10 the
    /// next term of Bethe's expansion is a few % (criterion 10 %).</summary>
    [Fact]
    public void Bethe_functions_have_their_closed_form_limits()
    {
        Tolerance.Abs(1e-6, "f⁰ = 2e^{−ϑ²} (Bethe eq. 28)").AssertClose(2 * Math.Exp(-1.44), MoliereDistribution.F(0, 1.2), "f0(1.2)");
        double f1 = MoliereDistribution.F(1, 10.0);
        output.WriteLine($"f1(10) = {f1:E4}, 2/ϑ⁴ = {2e-4:E4}");
        Tolerance.Rel(0.10, "single-scattering limit 2ϑ⁻⁴, next term a few % at ϑ = 10").AssertClose(2e-4, f1, "f1(10)");
    }

    /// <summary>Hanson et al., Phys. Rev. 84, 634 (1951): 15.7 MeV e⁻ through 37.28 mg/cm² gold, θ_1/e = 3.76°. Criterion
    /// set before the run: 3 % (Hanson's ≈ 1 % plus the foil thickness and the 1/B² truncation). Measured 2026-12-03:
    /// 3.770° (B = 7.32).</summary>
    [Fact]
    public void One_over_e_width_matches_Hanson_thick_foil()
    {
        double deg = HansonWidthDeg(37.28e-3);
        Tolerance.Rel(0.03, "Hanson et al. 1951, 3.76°, ±3 %").AssertClose(3.76, deg, "Molière θ1/e (deg), 37.28 mg/cm² Au");
    }

    /// <summary>The thin foil (18.66 mg/cm², Hanson 2.58°) misses the same 3 % criterion: Molière gives 2.480°. Not a fault
    /// of this implementation: Molière's width scales as √(t(B − 1.2)) (Bethe 1953 eq. 57), which fixes the thin/thick
    /// ratio at √(0.5005 · 5.31/6.12) = 0.659 while Hanson measured 2.58/3.76 = 0.686, so no Molière calculation can meet
    /// both foils within 3 % (the engine's Urban model, fitted to data, does: HansonFoilTests). The reference is judged by
    /// the thick foil, Bethe's table and the closed forms above.</summary>
    [Fact]
    public void One_over_e_width_of_the_thin_Hanson_foil_is_a_known_miss()
    {
        double deg = HansonWidthDeg(18.66e-3);
        KnownDiscrepancy.Pin(output, "Molière θ1/e, 15.7 MeV e⁻, 18.66 mg/cm² Au (deg)", deg,
            new GoldValue(2.4803, 0.001, "deterministic quadrature, 2026-12-03 (no statistics: 0.001° covers rounding)"),
            new PhysicsTarget(2.58, 0.03 * 2.58, "Hanson et al., Phys. Rev. 84, 634 (1951), ±3 %"),
            "Molière's thin/thick width ratio (0.659) differs from Hanson's measured one (0.686); the thick foil agrees to 0.3 %");
    }

    private double HansonWidthDeg(double gPerCm2)
    {
        var m = new MoliereDistribution(FoilExperiment.Gold, gPerCm2, 15.7e-3, 0.51099895e-3);
        double deg = m.OneOverERad() * 180 / Math.PI;
        output.WriteLine($"{gPerCm2 * 1e3} mg/cm² Au: B = {m.B:F3}, θ1/e = {deg:F4}°");
        return deg;
    }

    /// <summary>PDG (Review of Particle Physics, "Passage of particles through matter", eq. 34.15): Highland's θ0 =
    /// 13.6 MeV/(βcp) √(x/X0)(1 + 0.038 ln(x/X0β²)) fits the central 98 % of Molière's plane-projected distribution within
    /// 11 % for 10⁻³ &lt; x/X0 &lt; 100. For a Gaussian core θ_1/e = √2 θ0 (space angle), so θ_1/e/√2 must be within 11 % of
    /// Highland's θ0.</summary>
    [Theory]
    [InlineData(0.1, 0.05)]
    [InlineData(1.0, 0.05)]
    [InlineData(5.0, 1.0)]
    [InlineData(0.1, 1.0)]
    public void Width_is_within_11_percent_of_Highland_in_PbWO4(double kineticGeV, double x0Fraction)
    {
        Material pbwo4 = MaterialCatalog.LeadTungstate;
        var m = new MoliereDistribution(pbwo4, x0Fraction * pbwo4.RadiationLengthGPerCm2, kineticGeV, 0.51099895e-3);
        double e = kineticGeV + 0.51099895e-3, p = Math.Sqrt(e * e - 0.51099895e-3 * 0.51099895e-3), beta = p / e;
        double highland = 0.0136 / (beta * p) * Math.Sqrt(x0Fraction) * (1 + 0.038 * Math.Log(x0Fraction / (beta * beta)));
        double theta0 = m.OneOverERad() / Math.Sqrt(2);
        output.WriteLine($"{kineticGeV} GeV, {x0Fraction} X0: B = {m.B:F3}, θ1/e/√2 = {theta0 * 1e3:F4} mrad, Highland {highland * 1e3:F4} mrad");
        Tolerance.Rel(0.11, "PDG: Highland within 11 % of Molière").AssertClose(highland, theta0, "θ0 (rad)");
    }
}

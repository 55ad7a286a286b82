using System.Globalization;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// The exact spin-0 ETL (docs/physics/dark-production-etl.md#spin-0-amplitudes) against DMG4's spin-0 K tables as summarised
/// in the design's physics specification (§1.4, "Scope of ETL here"): the x-integrated approximation
/// σ_IWW,S × (σ_ETL,V / σ_IWW,V) — the scalar IWW total scaled by the vector's ETL/IWW ratio — overestimates the scalar
/// ETL by ≈ 10 % at 2 MeV, 3–7 % at 10–100 MeV and ≲ 5 % at 0.3–1 GeV, for E0 = 20–100 GeV (Bondi et al., CPC 269, 108129
/// (2021), arXiv:2101.12192). The tables were computed independently of this code (a different integration of the
/// spin-0 amplitudes); the criteria are the specification's ranges as written. Lead, inelastic form factors included.
/// </summary>
public sealed class SpinZeroEtlTests(ITestOutputHelper output)
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];

    [Theory]
    [InlineData(100.0, 10.0)]
    [InlineData(20.0, 30.0)]
    [InlineData(100.0, 30.0)]
    [InlineData(20.0, 100.0)]
    [InlineData(100.0, 100.0)]
    public void Integrated_vector_correction_overestimates_the_scalar_by_3_to_7_percent_at_10_to_100_MeV(double beamGeV, double massMeV)
    {
        double over = 1.0 / ExactOverIntegratedCorrection(beamGeV, massMeV) - 1.0;
        Assert.InRange(over, 0.03, 0.07);
    }

    [Theory]
    [InlineData(20.0, 300.0)]
    [InlineData(100.0, 300.0)]
    [InlineData(20.0, 1000.0)]
    [InlineData(100.0, 1000.0)]
    public void Integrated_vector_correction_is_within_5_percent_of_the_scalar_at_0p3_to_1_GeV(double beamGeV, double massMeV)
    {
        double over = 1.0 / ExactOverIntegratedCorrection(beamGeV, massMeV) - 1.0;
        Assert.InRange(over, -0.05, 0.05);
    }

    [Theory]
    [InlineData(20.0, 2.0, 0.92429, 0.10)]
    [InlineData(100.0, 2.0, 0.92654, 0.10)]
    [InlineData(20.0, 10.0, 0.93156, 0.05)]
    public void Where_the_ratio_misses_the_specification_it_is_pinned(double beamGeV, double massMeV, double gold, double overestimate)
    {
        double r = ExactOverIntegratedCorrection(beamGeV, massMeV);
        double halfWidth = massMeV < 5 ? 0.01 : 0.02;   // "≈ 10 %" read as 9–11 %; "3–7 %" as 5 ± 2 %
        double target = 1.0 / (1.0 + overestimate);
        KnownDiscrepancy.Pin(output, string.Create(CultureInfo.InvariantCulture, $"σ_ETL,S / (σ_IWW,S σ_ETL,V/σ_IWW,V), Pb, E0 = {beamGeV} GeV, m = {massMeV} MeV"), r,
            new GoldValue(gold, 1e-3, "2026-12-06, deterministic (EtlGrid.Coarse; the grid moves σ by ≤ 0.2 %)"),
            new PhysicsTarget(target, halfWidth * target, "DMG4 spin-0 K tables as summarised in the physics specification §1.4"),
            "the integrated correction overestimates the exact scalar ETL by 7.9–8.2 % at 2 MeV (specification ≈ 10 %) and by 7.35 % at " +
            "10 MeV, 20 GeV (specification 3–7 %). DMG4's own K tables give σ_ETL,S/σ_ETL,V within 0.1 % (2 MeV) and 0.7 % (10 MeV) " +
            "of this engine's (EtlKFactorTests), so the ETL side agrees; the specification's ranges carry its IWW reference (DMG4's " +
            "IWW forms and angular cut-offs differ from this code's) and its rounding");
    }

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(100)]
    public void Vector_over_exact_scalar_is_2p4_to_2p8(int massMeV)
    {
        // The seed: the scalar bound is weaker "because σ_V/σ_S ≈ 2.4–2.8" (docs/physics/dark-production.md#mediator-relations).
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        Energy beam = Energy.FromGeV(100);
        double v = new ExactEtlModel(Mediator.Vector).TotalCrossSection(Lead, beam, p).InGeVm2;
        double s = new ExactEtlModel(Mediator.Scalar).TotalCrossSection(Lead, beam, p).InGeVm2;
        Assert.InRange(v / s, 2.4, 2.8);
    }

    /// <summary>σ_ETL,S / (σ_IWW,S · σ_ETL,V/σ_IWW,V).</summary>
    private double ExactOverIntegratedCorrection(double beamGeV, double massMeV)
    {
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        Energy beam = Energy.FromGeV(beamGeV);
        double Total(IDarkProductionModel model) => model.TotalCrossSection(Lead, beam, p).InGeVm2;
        double sEtl = Total(new ExactEtlModel(Mediator.Scalar)), vEtl = Total(new ExactEtlModel(Mediator.Vector));
        double sIww = Total(new ImprovedWwModel(Mediator.Scalar)), vIww = Total(new ImprovedWwModel(Mediator.Vector));
        double r = sEtl / (sIww * vEtl / vIww);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"E0 = {beamGeV} GeV, m = {massMeV} MeV: ETL_S/IWW_S = {sEtl / sIww:F5}, ETL_V/IWW_V = {vEtl / vIww:F5}, ratio {r:F5} (overestimate {1 / r - 1:P2})"));
        return r;
    }
}

using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.FormFactors;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>x-spectrum shapes and the IWW total vs its leading-log form (docs/physics/dark-production-iww.md#leading-log-total).</summary>
public sealed class SpectrumShapeTests
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];

    [Theory]
    [InlineData(0.01, 100.0, 1.027, 0.01)]
    [InlineData(0.5, 100.0, 1.10, 0.03)]
    [InlineData(0.5, 20.0, 1.40, 0.05)]
    public void Integrated_iww_differs_from_leading_log_as_documented(double massGeV, double energyGeV, double expected, double relTol)
    {
        // docs/physics/dark-production-iww.md#leading-log-total: "a few % at 10 MeV and, at 0.5 GeV, about 10 % (E0 = 100 GeV) to 40 % (E0 = 20 GeV)"; both with elastic χ.
        var iww = new ImprovedWwModel(Mediator.Vector, FormFactorChoice.ElasticOnly);
        var p = new DarkParameters(Mass.FromGeV(massGeV), 1.0);
        var e = Energy.FromGeV(energyGeV);
        Tolerance.Rel(relTol, "docs/physics/dark-production-iww.md#leading-log-total quotes 'a few %', '≈10 %', '≈40 %'")
            .AssertClose(expected, iww.TotalCrossSection(Lead, e, p).InCm2 / iww.LeadingLogTotalCrossSection(Lead, e, p).InCm2,
                         $"σ_IWW/σ_LL at m = {massGeV} GeV, E = {energyGeV} GeV");
    }

    [Fact]
    public void Etl_is_harder_than_iww_at_mid_x_and_softer_as_x_goes_to_one_for_a_light_boson()
    {
        var etl = new ExactEtlModel(Mediator.Vector);
        var iww = new ImprovedWwModel(Mediator.Vector);
        var p = new DarkParameters(Mass.FromMeV(10), 1.0);
        double Ratio(double x) => etl.DifferentialCrossSectionCm2(Lead, 100.0, x, p) / iww.DifferentialCrossSectionCm2(Lead, 100.0, x, p);
        double mid = Ratio(0.5), edge = Ratio(0.999);
        Assert.True(mid > 1.05, $"ETL/IWW at x = 0.5 is {mid}; docs/physics/dark-production.md#expected-behaviour: ETL harder at mid x for light A′");
        Assert.True(edge < 0.8, $"ETL/IWW at x = 0.999 is {edge}; docs/physics/dark-production.md#expected-behaviour: ETL softer as x → 1");
    }

    [Fact]
    public void Heavy_boson_spectrum_peaks_towards_x_equal_one()
    {
        var etl = new ExactEtlModel(Mediator.Vector);
        var p = new DarkParameters(Mass.FromMeV(100), 1.0);
        double lo = etl.DifferentialCrossSectionCm2(Lead, 100.0, 0.3, p), hi = etl.DifferentialCrossSectionCm2(Lead, 100.0, 0.99, p);
        Assert.True(hi > 10 * lo, $"dσ/dx(0.99) = {hi} should exceed dσ/dx(0.3) = {lo} by ≫ 1 (~1/(1−x) rise, docs/physics/dark-production.md#expected-behaviour)");
    }
}

using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// The known ordering of the approximations (docs/physics/dark-production.md#approximation-ordering "Convergence tests"; Liu, Morrissey, Yu,
/// PRD 95, 036010 (2017)): σ_LL/σ_ETL ≈ 0.58 at 1 MeV, 1.08 (100 GeV) to 1.15 (20 GeV) at 10 MeV,
/// 1.7–2.1 at 0.1–1 GeV for 100 GeV, ≈ 2.1 and ≈ 3 at 0.1 and 1 GeV for 20 GeV; WW within ±20 % of ETL at
/// low mass and overshooting it by tens of % above ~100 MeV.
/// </summary>
public sealed class ApproximationTrendTests
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];
    private static readonly ExactEtlModel Etl = new(Mediator.Vector, EtlGrid.Coarse);
    private static readonly ImprovedWwModel Iww = new(Mediator.Vector);
    private static readonly WeizsaeckerWilliamsModel Ww = new(Mediator.Vector);

    private static double Ratio(IDarkProductionModel num, double massGeV, double energyGeV)
    {
        var p = new DarkParameters(Mass.FromGeV(massGeV), 1.0);
        return num.TotalCrossSection(Lead, Energy.FromGeV(energyGeV), p).InGeVm2
               / Etl.TotalCrossSection(Lead, Energy.FromGeV(energyGeV), p).InGeVm2;
    }

    [Theory]
    [InlineData(0.001, 100.0, 0.58, 0.03)]
    [InlineData(0.01, 100.0, 1.08, 0.03)]
    [InlineData(0.01, 20.0, 1.15, 0.04)]
    [InlineData(0.1, 100.0, 1.7, 0.06)]
    [InlineData(1.0, 100.0, 2.1, 0.06)]
    [InlineData(0.1, 20.0, 2.1, 0.06)]
    [InlineData(1.0, 20.0, 3.0, 0.06)]
    public void Leading_log_over_ETL_follows_the_known_trend(double massGeV, double energyGeV, double expected, double relTol)
    {
        var p = new DarkParameters(Mass.FromGeV(massGeV), 1.0);
        double ll = Iww.LeadingLogTotalCrossSection(Lead, Energy.FromGeV(energyGeV), p).InGeVm2;
        double etl = Etl.TotalCrossSection(Lead, Energy.FromGeV(energyGeV), p).InGeVm2;
        Tolerance.Rel(relTol, "docs/physics/dark-production.md#approximation-ordering quotes these ratios to about two digits ('≈', '1.7–2.1')")
            .AssertClose(expected, ll / etl, $"σ_LL/σ_ETL at m = {massGeV} GeV, E = {energyGeV} GeV");
    }

    [Theory]
    [InlineData(0.002)]
    [InlineData(0.005)]
    [InlineData(0.01)]
    [InlineData(0.02)]
    public void Weizsaecker_Williams_is_within_20_percent_of_ETL_at_low_mass(double massGeV) =>
        Tolerance.Rel(0.20, "docs/physics/dark-production.md#approximation-ordering / Liu et al.: WW (t_max = m²) within ~±20 % of ETL at low mass")
            .AssertClose(1.0, Ratio(Ww, massGeV, 100.0), $"σ_WW/σ_ETL at m = {massGeV} GeV");

    [Theory]   // Gold values (no independent number at 1–2 digits exists here: Liu et al. 2017 only say "WW good to 10–30 %").
    [InlineData(0.05, 1.2764146)]
    [InlineData(0.1, 1.3365204)]
    public void Weizsaecker_Williams_over_ETL_between_50_and_100_MeV_keeps_its_gold_value(double massGeV, double gold) =>
        // Gold values: σ_WW/σ_ETL on Pb at 100 GeV (EtlGrid.Coarse) computed on commit 76d60e9. Deterministic
        // quadrature, so the band only absorbs round-off and quadrature-order changes: 0.5 %. Above ~30 MeV the ratio
        // leaves the ±20 % of docs/physics/dark-production.md#approximation-ordering (1.23 at 30 MeV), consistent with Liu et al.'s 10–30 %.
        Tolerance.Rel(5e-3, "gold value from commit 76d60e9; deterministic quadrature")
            .AssertClose(gold, Ratio(Ww, massGeV, 100.0), $"σ_WW/σ_ETL at m = {massGeV} GeV");

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Weizsaecker_Williams_overshoots_ETL_at_high_mass(double massGeV)
    {
        double r = Ratio(Ww, massGeV, 100.0);
        Assert.True(r > 1.2 && r < 2.0, $"σ_WW/σ_ETL = {r} at m = {massGeV} GeV: docs/physics/dark-production.md#approximation-ordering expects an overshoot by tens of %");
    }

    [Theory]
    [InlineData(0.1, 100.0)]
    [InlineData(1.0, 20.0)]
    public void Improved_WW_overestimates_ETL_at_high_mass(double massGeV, double energyGeV)
    {
        double r = Ratio(Iww, massGeV, energyGeV);
        Assert.True(r > 1.5, $"σ_IWW/σ_ETL = {r}: Liu et al. find IWW off by up to 2-3x at high mass");
    }
}

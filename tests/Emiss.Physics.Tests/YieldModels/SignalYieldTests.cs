using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.YieldModels;

/// <summary>Analytic thick-target yield (docs/physics/signal-yield.md#master-formula, docs/physics/signal-yield-analytic.md#primary-electron-track-length).</summary>
public sealed class SignalYieldTests
{
    [Theory]
    [InlineData(ProductionApproximation.ImprovedWw)]
    [InlineData(ProductionApproximation.ExactTreeLevel)]
    public void Yield_falls_roughly_as_one_over_m2_above_a_few_MeV(ProductionApproximation approximation)
    {
        var y = new TrackLengthSignalYield(DarkProductionModels.Create(Mediator.Vector, approximation), MaterialCatalog.Lead, Energy.FromGeV(100));
        double[] n = MassGridYield.Evaluate(y, [Mass.FromMeV(10), Mass.FromMeV(100), Mass.FromMeV(200)]);
        // docs/physics/dark-production.md#expected-behaviour: σ ∝ Z²χ ln(m²/m_e²)/m² for m_e ≪ m ≲ 100 MeV: the log makes the slope slightly shallower than −2.
        double slope = Math.Log(n[1] / n[0]) / Math.Log(10);
        Assert.True(slope is > -2.1 and < -1.65, $"d ln n/d ln m = {slope} for 10-100 MeV; expected ≈ −2 ({approximation})");
        double m2n10 = n[0] * 100, m2n200 = n[2] * 200 * 200;
        Assert.True(m2n200 / m2n10 is > 0.5 and < 2.0, $"n·m² changes by {m2n200 / m2n10} between 10 and 200 MeV; expected ≈ flat");
    }

    [Fact]
    public void Etl_yield_is_below_iww_at_high_mass_and_tracks_the_cross_section_ratio()
    {
        var lead = MaterialCatalog.Lead;
        ElementComponent pb = lead.Elements[0];
        var m = Mass.FromMeV(100);
        var etlModel = new ExactEtlModel(Mediator.Vector);
        var iwwModel = new ImprovedWwModel(Mediator.Vector);
        double etl = new TrackLengthSignalYield(etlModel, lead, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(m);
        double iww = new TrackLengthSignalYield(iwwModel, lead, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(m);
        // Both yields integrate the same track length T(E) over E = 50–100 GeV with weights T·σ ≥ 0, so the ratio of the
        // yields is a weighted mean of r(E) = σ_ETL/σ_IWW(E; x > 50 GeV/E) and must lie between its extremes over that
        // range (evaluated here directly on 12 energies, endpoints included; r is checked to be monotonic, so the sampled
        // extremes are the extremes).
        var p = new DarkParameters(m, 1.0);
        double[] r = [.. Enumerable.Range(0, 12).Select(i =>
        {
            double e = 50.5 + (100.0 - 50.5) * i / 11.0;
            return etlModel.CrossSectionAbove(pb, Energy.FromGeV(e), 50.0 / e, p).InCm2 / iwwModel.CrossSectionAbove(pb, Energy.FromGeV(e), 50.0 / e, p).InCm2;
        })];
        bool monotonic = r.Zip(r.Skip(1)).All(q => q.Second >= q.First) || r.Zip(r.Skip(1)).All(q => q.Second <= q.First);
        Assert.True(monotonic, "r(E) = " + string.Join(", ", r.Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.InRange(etl / iww, r.Min(), r.Max());
        Assert.True(r.Max() < 1, $"σ_ETL/σ_IWW must stay below 1 at 100 MeV (docs/physics/dark-production-iww.md#formula), max {r.Max():F3}");
    }

    [Fact]
    public void Yield_is_the_track_length_weighted_cross_section_in_a_simple_limit()
    {
        // With σ(E; x > x_c) from IWW, the yield equals N_A X0/A ∫ T₁ σ dE: compare against a brute-force
        // midpoint rule in E on the IWW model directly (T₁'s E → E0 peak handled by the exact ∫T₁ tail).
        var model = new ImprovedWwModel(Mediator.Vector);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        var m = Mass.FromMeV(20);
        double yield = new TrackLengthSignalYield(model, MaterialCatalog.Lead, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(m);
        const int n = 400;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            // Midpoints in u = ln(ln(E0/E)) spread nodes towards E0, where T₁ peaks.
            double lo = Math.Log(1e-9), hi = Math.Log(Math.Log(2.0));
            double uu = lo + (i + 0.5) * (hi - lo) / n, l = Math.Exp(uu), e = 100.0 * Math.Exp(-l);
            double dE = e * l * (hi - lo) / n;
            sum += TsaiTrackLength.PerGeV(100.0, e) * dE * model.CrossSectionAbove(pb, Energy.FromGeV(e), 50.0 / e, new DarkParameters(m, 1)).InCm2;
        }
        // Track within E0(1 − e^{−1e-9}) of E0: ∫T₁ dE ≈ (1/b)(1/V + γ/V²), V = −ln(1e-9).
        double v = -Math.Log(1e-9);
        sum += (1 / v + 0.5772156649 / (v * v)) / TsaiTrackLength.B
               * model.CrossSectionAbove(pb, Energy.FromGeV(100), 0.5, new DarkParameters(m, 1)).InCm2;
        double atomsPerX0 = 6.02214076e23 * 6.37 / 207.2; // N_A X0/A for Pb (docs/physics/units-and-constants.md#derived-quantities: 1.851e22 cm⁻²)
        Tolerance.Rel(3e-3, "midpoint rule with 400 nodes in ln ln(E0/E) vs the production quadrature")
            .AssertClose(atomsPerX0 * sum, yield, "n_A′(ε = 1), IWW, 20 MeV");
    }

    [Fact]
    public void Mass_grid_evaluation_is_independent_of_parallelism()
    {
        var y = new TrackLengthSignalYield(new ImprovedWwModel(Mediator.Scalar), MaterialCatalog.Tungsten, Energy.FromGeV(60));
        Mass[] grid = [Mass.FromMeV(2), Mass.FromMeV(7), Mass.FromMeV(40), Mass.FromMeV(300)];
        Assert.Equal(MassGridYield.Evaluate(y, grid, 1), MassGridYield.Evaluate(y, grid));
    }

    [Fact]
    public void Compound_yield_sums_its_elements()
    {
        // PbWO4: the Pb, W and O contributions add with their mass fractions; the heavy elements dominate.
        var model = new ImprovedWwModel(Mediator.Vector);
        double n = new TrackLengthSignalYield(model, MaterialCatalog.LeadTungstate, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(Mass.FromMeV(10));
        double pb = new TrackLengthSignalYield(model, MaterialCatalog.Lead, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(Mass.FromMeV(10));
        // Per X0 the material dependence is weak (σ ∝ Z², X0 ∝ A/Z²): within 15 % of lead.
        Tolerance.Rel(0.15, "docs/physics/dark-production.md#expected-behaviour: per X0 the material dependence is weak").AssertClose(pb, n, "n(PbWO4) vs n(Pb)");
    }
}

using Emiss.Analysis.Limits;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;
using Emiss.Physics.YieldModels;
using Emiss.Shower.Geometry;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Limits;

public class LimitComputationTests
{
    /// <summary>The NA64-2016 inputs (PRL 118, 011802 (2017)): 1.88e9 + 0.87e9 EOT, 0 observed, b = 0.15, efficiency 0.69 → 0.55.</summary>
    private static LimitRequest Na64(double[] massesMeV, ShowerYieldSettings? shower = null) => new(
        "na64-2016", 20160817, Mediator.Vector, ProductionApproximation.ImprovedWw, MaterialCatalog.Lead, Energy.FromGeV(100), 0.5,
        massesMeV, shower, [new RunExposure("pbsc-srd", 1.88e9), new RunExposure("bgo-srd", 0.87e9)],
        new EfficiencyNodes([1, 1000], [0.69, 0.55]), new CountingInput(0, 0.15, 0.90, 0.19),
        new MuonAnomalyMeasurement(288, 80, "BNL"), "published values of NA64, PRL 118, 011802 (2017)");

    [Fact]
    public void Analytic_limit_is_sqrt_ln10_over_the_expected_signal_at_eps_1()
    {
        // n_obs = 0 ⇒ N90 = ln 10 for any b (CLs, docs/physics/statistics.md#cls); ε90 = sqrt(N90/S1), S1 = n_EOT ε_sig n_A′ (docs/physics/statistics.md#exclusion-contour).
        // ε_sig is linear in ln m between (1 MeV, 0.69) and (1000 MeV, 0.55): 0.69 − 0.14 · log10(m)/3.
        double[] masses = [1, 10, 100];
        LimitResult r = LimitComputation.Run(Na64(masses));
        var yield = new TrackLengthSignalYield(DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ImprovedWw),
            MaterialCatalog.Lead, Energy.FromGeV(100), 0.5);
        for (int i = 0; i < masses.Length; i++)
        {
            double eff = 0.69 - 0.14 * Math.Log10(masses[i]) / 3;
            Tolerance.Rel(1e-12, "closed-form log-mass interpolation").AssertClose(eff, r.Scan.Points[i].Efficiency, $"efficiency at {masses[i]} MeV");
            double s1 = 2.75e9 * eff * yield.PerElectronOnTargetAtEps1(Mass.FromMeV(masses[i]));
            Tolerance.Rel(1e-9, "closed form; N90 root found to 1e-11").AssertClose(Math.Sqrt(Math.Log(10) / s1), r.Scan.Points[i].Eps90, $"ε90 at {masses[i]} MeV");
        }
        Assert.StartsWith("track-length-tsai-T1/vector-iww/Pb/100GeV", r.Scan.YieldModel, StringComparison.Ordinal);
    }

    [Fact]
    public void The_band_comes_on_the_scan_masses_for_the_requested_mediator()
    {
        double[] masses = [1, 10, 100];
        LimitResult r = LimitComputation.Run(Na64(masses));
        GMinus2Band direct = GMinus2Band.For(Mediator.Vector, new MuonAnomalyMeasurement(288, 80, "BNL"), masses);
        Assert.Equal(direct.Lower, r.Band.Lower);
        Assert.Equal(direct.Upper, r.Band.Upper);
        Assert.False(LimitComputation.Run(Na64(masses) with { Mediator = Mediator.AxialVector }).Band.Exists);
    }

    [Fact]
    public void Monte_Carlo_shower_yield_is_used_when_requested_and_exceeds_the_primary_electron_bound()
    {
        // The shower yield adds the secondary e± to the primary's track length. For the IWW spectrum, which weights
        // E just above E_cut where secondaries add ~20 % to T while T1 overestimates the primary's track length by
        // 5–15 % (docs/physics/signal-yield-analytic.md#approximation-and-known-bias), MC/analytic ≈ 1.15 is expected; the window is that ± 0.15 (the spread of the T1
        // approximation). 2000 showers give a ~1.5 % statistical error.
        double[] masses = [100];
        var shower = new ShowerYieldSettings(GeometryCatalog.Load("na64-ecal"), 2000);
        LimitResult mc = LimitComputation.Run(Na64(masses, shower));
        LimitResult analytic = LimitComputation.Run(Na64(masses));
        Assert.StartsWith("shower-mc-scan/vector-iww/na64-ecal", mc.Scan.YieldModel, StringComparison.Ordinal);
        Assert.InRange(mc.Scan.Points[0].YieldPerEotEps1 / analytic.Scan.Points[0].YieldPerEotEps1, 1.0, 1.3);
        Assert.False(mc.Labels.YieldIsPrimaryElectronBound);
        Assert.Contains("shower Monte Carlo", mc.Labels.Yield, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_say_which_numbers_are_given_and_that_the_analytic_yield_is_a_primary_electron_bound()
    {
        LimitLabels labels = LimitComputation.Run(Na64([10])).Labels;
        Assert.True(labels.YieldIsPrimaryElectronBound);
        Assert.Contains("primary-electron bound", labels.Yield, StringComparison.Ordinal);
        Assert.Contains("lower bound on the shower yield", labels.Yield, StringComparison.Ordinal);
        foreach (string given in new[] { "observed events 0", "expected background 0.15", "signal efficiency 0.69 → 0.55 (1–1000 MeV)",
                                         "electrons on target 2.75E+09", "published values of NA64, PRL 118, 011802 (2017)" })
            Assert.Contains(given, labels.Inputs, StringComparison.Ordinal);
    }
}

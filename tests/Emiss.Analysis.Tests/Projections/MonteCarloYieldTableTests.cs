using Emiss.Analysis.Projections;
using Emiss.Core.Materials;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Xunit;

namespace Emiss.Analysis.Tests.Projections;

/// <summary>Monte Carlo yield tables of several mediators from one shower pass (docs/physics/projections.md#yield-tables).</summary>
public class MonteCarloYieldTableTests
{
    private static readonly YieldSpec Spec = new(ProductionApproximation.ImprovedWw, 0.5, [10, 100, 250], YieldMethod.MonteCarlo,
        GeometryCatalog.Load("pb-thick"), 2048, 5, ShowerAnnihilation: true, AlphaDark: 0.5);

    private static ProjectionSetting Electron(Mediator m) => new(BeamParticle.Electron, 100, MaterialCatalog.Lead, m);

    [Fact]
    public void Tables_computed_together_equal_tables_computed_alone()
    {
        // A point's yield in a scan does not depend on the other points, so grouping settings into one shower pass
        // changes no number: the grouping only saves the passes.
        YieldTable[] together = ProjectionYields.ComputeAll([Electron(Mediator.Vector), Electron(Mediator.Scalar)], Spec);
        YieldTable scalarAlone = ProjectionYields.Compute(Electron(Mediator.Scalar), Spec);
        Assert.Equal(scalarAlone.Bremsstrahlung, together[1].Bremsstrahlung);
        Assert.All(together[1].Annihilation, a => Assert.Equal(0.0, a));
        // Shower-positron annihilation only for the vector, only at 250 MeV (E_R ≈ 61 GeV inside 50–100 GeV; 10 and 100 MeV lie outside the window).
        Assert.Equal([false, false, true], together[0].Annihilation.Select(a => a > 0).ToArray());
        Assert.Contains("shared by every mass and mediator", together[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_Carlo_over_analytic_A_strahlung_lies_in_the_physics_band()
    {
        // Same band as the single-mass check (docs/physics/signal-yield-analytic.md#primary-electron-track-length): 0.92–1.10 for the
        // shower in pure lead against the primary’s Tsai track length, widened by the ≈ 2 % statistical error of 2048 showers.
        YieldTable mc = ProjectionYields.Compute(Electron(Mediator.Vector), Spec);
        YieldTable analytic = ProjectionYields.Compute(Electron(Mediator.Vector), Spec with { Method = YieldMethod.Analytic, ShowerAnnihilation = false });
        for (int i = 0; i < 2; i++) Assert.InRange(mc.Bremsstrahlung[i] / analytic.Bremsstrahlung[i], 0.90, 1.12);
    }
}

using Emiss.Analysis.Projections;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Xunit;

namespace Emiss.Analysis.Tests.Projections;

/// <summary>
/// Yields at 60 and 150 GeV against the scaling of the cross section. With E = u E0 the primary track length T₁ dE is a
/// function of u alone (Tsai, RMP 46, 815, Eq. 3.80), so n(E0) = C ∫_f^1 du K(u) σ(u E0; x &gt; f/u) with the same C K for
/// every E0, and by the mean-value theorem n(150)/n(60) lies between the smallest and largest σ(150u)/σ(60u) on [f, 1].
/// </summary>
public class SigmaScalingTests
{
    [Theory]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void Yield_ratio_between_60_and_150_GeV_lies_within_the_cross_section_ratios(double massMeV)
    {
        const double f = 0.5;
        var spec = new YieldSpec(ProductionApproximation.ImprovedWw, f, [massMeV], YieldMethod.Analytic, GeometryCatalog.Load("na64-ecal"), 100, 1, false, 0.5);
        double n60 = ProjectionYields.Compute(new ProjectionSetting(BeamParticle.Electron, 60, MaterialCatalog.Lead, Mediator.Vector), spec).Total(0);
        double n150 = ProjectionYields.Compute(new ProjectionSetting(BeamParticle.Electron, 150, MaterialCatalog.Lead, Mediator.Vector), spec).Total(0);
        IDarkProductionModel model = DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ImprovedWw);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        double[] ratios = Enumerable.Range(0, 26).Select(k => f + (1 - f) * k / 25.0 * 0.999).Select(u =>
            model.CrossSectionAbove(pb, Energy.FromGeV(150 * u), f / u, p).InCm2 / model.CrossSectionAbove(pb, Energy.FromGeV(60 * u), f / u, p).InCm2).ToArray();
        double ratio = n150 / n60;
        // 0.5 % slack: the ratios are sampled at 26 points of a smooth curve.
        Assert.InRange(ratio, ratios.Min() * 0.995, ratios.Max() * 1.005);
    }
}

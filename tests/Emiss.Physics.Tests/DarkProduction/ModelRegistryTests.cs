using Emiss.Physics.DarkProduction;
using Emiss.Physics.FormFactors;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>Registry completeness and the metadata docs/physics/form-factors.md#tsai-form-factors and docs/physics/dark-production-etl.md#spin-0-amplitudes require.</summary>
public sealed class ModelRegistryTests
{
    [Fact]
    public void Registry_holds_every_mediator_and_approximation_once()
    {
        Assert.Equal(12, DarkProductionModels.All.Count);
        foreach (Mediator m in Enum.GetValues<Mediator>())
            foreach (ProductionApproximation a in Enum.GetValues<ProductionApproximation>())
            {
                IDarkProductionModel model = DarkProductionModels.Create(m, a);
                Assert.Equal(m, model.Mediator);
                Assert.Equal(a, model.Approximation);
                IDarkProductionModel byName = DarkProductionModels.All[model.Name]();
                Assert.Equal(model.GetType(), byName.GetType());
                Assert.Equal(model.Name, byName.Name);
            }
        Assert.Contains("vector-etl", DarkProductionModels.All.Keys);
        Assert.Contains("scalar-iww", DarkProductionModels.All.Keys);
    }

    [Fact]
    public void Descriptions_state_the_form_factors_and_only_the_comparison_model_the_etl_approximation()
    {
        foreach ((string name, Func<IDarkProductionModel> make) in DarkProductionModels.All)
        {
            IDarkProductionModel model = make();
            Assert.Contains("inelastic included: yes", model.Description, StringComparison.Ordinal);
            // Every registry model is exact or a named approximation (WW, IWW); the corrected-IWW phrase belongs to the comparison model only.
            Assert.DoesNotContain(CorrectedIwwEtlModel.CorrectionStatement, model.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("1.1", model.Description, StringComparison.Ordinal); // docs/physics/dark-production.md#pitfalls-in-public-code pitfall 3: never the 1.1 factor
            Assert.False(string.IsNullOrWhiteSpace(name));
        }
        Assert.Contains("inelastic included: no", new ImprovedWwModel(Mediator.Vector, FormFactorChoice.ElasticOnly).Description, StringComparison.Ordinal);
        Assert.Contains(CorrectedIwwEtlModel.CorrectionStatement, new CorrectedIwwEtlModel(Mediator.AxialVector).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_has_no_corrected_etl_variant() =>
        Assert.Throws<ArgumentException>(() => new CorrectedIwwEtlModel(Mediator.Vector));
}

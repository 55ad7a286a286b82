using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Tables;

public class LightNucleusTableTests
{
    [Fact]
    public void Heavy_A_prime_table_in_scintillator_builds_with_non_negative_cross_sections()
    {
        // Regression: hydrogen (M ≈ 0.94 GeV) just above E_cut gave a negative ETL cross section from
        // rounding-level cancellation in the squared amplitude, and the table build failed for m = 562 MeV.
        var model = DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ExactTreeLevel);
        DarkBremTable t = DarkBremTable.Build(model, MaterialCatalog.Polystyrene, Mass.FromGeV(0.5623413251903493), Energy.FromGeV(100),
            energyNodes: 6, uNodes: 32);
        for (double e = 50.05; e < 105; e += 2.5)
            Assert.True(t.MacroscopicPerCmAtEps1(e) >= 0, $"Σ({e} GeV) = {t.MacroscopicPerCmAtEps1(e)}");
        foreach (ElementComponent el in MaterialCatalog.Polystyrene.Elements)
            Assert.True(model.CrossSectionAbove(el, Energy.FromGeV(50.12464457985841), 50.0 / 50.12464457985841,
                new DarkParameters(Mass.FromGeV(0.5623413251903493), 1.0)).InCm2 >= 0, el.Symbol);
    }
}

using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>The σ(E; xE &gt; E_cut) tables of docs/physics/aprime-emission.md#cross-section-tables reproduce direct evaluation to ≤ 0.1 %.</summary>
public sealed class CutCrossSectionTableTests
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];
    private static readonly Tolerance TableAccuracy = Tolerance.Rel(1e-3, "table requirement: ≤ 0.1 % vs direct evaluation");

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Etl_table_matches_direct_evaluation_between_nodes(double massGeV)
    {
        var model = new ExactEtlModel(Mediator.Vector, EtlGrid.Coarse);
        var mass = Mass.FromGeV(massGeV);
        CutCrossSectionTable table = CutCrossSectionTable.Build(model, Lead, mass, Energy.FromGeV(50), Energy.FromGeV(105));
        foreach (double e in new[] { 50.4, 52.7, 61.1, 77.7, 93.3, 104.2 })
        {
            double direct = model.CrossSectionAbove(Lead, Energy.FromGeV(e), 50.0 / e, new DarkParameters(mass, 1.0)).InCm2;
            TableAccuracy.AssertClose(direct, table.SigmaCm2(e), $"ETL σ(E = {e} GeV; x > 50/E), m = {massGeV} GeV");
        }
    }

    [Fact]
    public void Scalar_etl_and_iww_tables_match_direct_evaluation()
    {
        var mass = Mass.FromMeV(20);
        foreach (IDarkProductionModel model in new IDarkProductionModel[] { new CorrectedIwwEtlModel(Mediator.Scalar), new ImprovedWwModel(Mediator.Scalar) })
        {
            CutCrossSectionTable table = CutCrossSectionTable.Build(model, Lead, mass, Energy.FromGeV(50), Energy.FromGeV(100));
            foreach (double e in new[] { 55.5, 71.3, 98.9 })
            {
                double direct = model.CrossSectionAbove(Lead, Energy.FromGeV(e), 50.0 / e, new DarkParameters(mass, 1.0)).InCm2;
                TableAccuracy.AssertClose(direct, table.SigmaCm2(e), $"{model.Name} σ(E = {e} GeV; x > 50/E)");
            }
        }
    }

    [Fact]
    public void Table_is_zero_at_the_cut_and_refuses_energies_above_its_range()
    {
        CutCrossSectionTable table = CutCrossSectionTable.Build(new ImprovedWwModel(Mediator.Vector), Lead, Mass.FromMeV(10), Energy.FromGeV(50), Energy.FromGeV(100));
        Assert.Equal(0.0, table.SigmaCm2(50.0));
        Assert.Equal(0.0, table.SigmaCm2(10.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.SigmaCm2(101.0));
    }
}

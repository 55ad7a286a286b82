using Emiss.Core.Materials;
using Emiss.Shower.Processes.Bremsstrahlung;
using Xunit;

namespace Emiss.Shower.Tests.Processes;

/// <summary>
/// The embedded Seltzer–Berger table as the engine reads it: every catalogue element present, a clear error for an element
/// without a table, interpolation linear in ln T and κ between the nodes, and a row bound that the sampler can rely on.
/// (Its values against a separately transcribed copy: Validation/BremsstrahlungSpectrumTests.)
/// </summary>
public class SeltzerBergerTableTests
{
    [Fact]
    public void Every_element_of_the_material_catalogue_has_a_table()
    {
        foreach (Material m in MaterialCatalog.All.Values)
            foreach (ElementComponent e in m.Elements)
                Assert.True(SeltzerBergerTable.Has(e.Z), $"{m.Name}: no Seltzer–Berger table for {e.Symbol} (Z = {e.Z})");
    }

    [Fact]
    public void An_element_without_a_table_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SeltzerBergerTable.For(50));
        Assert.Contains("Z = 50", ex.Message);
        Assert.Contains("82", ex.Message);
        Assert.Contains("tools/seltzer_berger/make_table.py", ex.Message);
    }

    [Fact]
    public void Between_nodes_chi_is_linear_in_ln_T_and_in_kappa()
    {
        SeltzerBergerTable pb = SeltzerBergerTable.For(82);
        const double T1 = 0.010, T2 = 0.015, K1 = 0.5, K2 = 0.55;   // adjacent nodes of the table's grids (GeV, κ)
        double tMid = Math.Sqrt(T1 * T2), kMid = 0.5 * (K1 + K2);
        double corners = 0.25 * (pb.ChiMb(T1, K1) + pb.ChiMb(T1, K2) + pb.ChiMb(T2, K1) + pb.ChiMb(T2, K2));
        Assert.Equal(corners, pb.ChiMb(tMid, kMid), 12);
        Assert.Equal(0.5 * (pb.ChiMb(T1, K1) + pb.ChiMb(T2, K1)), pb.ChiMb(tMid, K1), 12);
        // Below the first node (1 keV) the row is held.
        Assert.Equal(pb.ChiMb(1e-6, 0.3), pb.ChiMb(0.5e-6, 0.3), 12);
    }

    [Theory]
    [InlineData(1, 0.0007)]
    [InlineData(6, 0.003)]
    [InlineData(82, 0.0123)]
    [InlineData(83, 0.049)]
    public void The_row_bound_is_above_every_kappa(int z, double kineticGeV)
    {
        SeltzerBergerTable table = SeltzerBergerTable.For(z);
        double bound = table.MaxChiMb(kineticGeV);
        for (int i = 0; i <= 2000; i++)
        {
            double kappa = i / 2000.0;
            Assert.True(table.ChiMb(kineticGeV, kappa) <= bound, $"Z = {z}, T = {kineticGeV} GeV, κ = {kappa}: χ above the row bound {bound}");
        }
    }
}

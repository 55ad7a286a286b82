using Emiss.Core.Materials;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Materials;

public class MaterialCatalogTests
{
    [Theory]
    // X0 in cm from docs/physics/materials.md#material-table (PDG): Pb 0.5612, W 0.3504, Fe 1.757, Cu 1.436, polystyrene 41.31, BGO 1.118, PbWO4 0.892.
    [InlineData("Pb", 0.5612)]
    [InlineData("W", 0.3504)]
    [InlineData("Fe", 1.757)]
    [InlineData("Cu", 1.436)]
    [InlineData("Sc", 41.31)]
    [InlineData("BGO", 1.118)]
    [InlineData("PbWO4", 0.892)]
    public void Radiation_length_in_cm_matches_PDG(string name, double x0Cm) =>
        Tolerance.Rel(2e-3, "PDG table rounds X0(cm) to 4 digits").AssertClose(x0Cm, MaterialCatalog.ByName(name).RadiationLengthCm, $"X0({name})");

    [Fact]
    public void Polystyrene_Z_over_A_matches_PDG() =>
        // PDG: polystyrene ⟨Z/A⟩ = 0.53768.
        Tolerance.Rel(1e-3, "mass fractions rounded to 5 digits").AssertClose(0.53768, MaterialCatalog.Polystyrene.ZOverA, "Z/A");

    [Fact]
    public void Mass_fractions_sum_to_one()
    {
        foreach (Material m in MaterialCatalog.All.Values)
            Tolerance.Abs(1e-4, "fractions given to 5 digits").AssertClose(1.0, m.Elements.Sum(e => e.MassFraction), m.Name);
    }

    [Fact]
    public void Moliere_radius_follows_from_X0_and_Ec()
    {
        // docs/physics/materials.md#mixtures-and-derived-quantities: R_M = X0 × 21.2052 MeV / E_c (E_c of e⁻).
        foreach (string name in new[] { "Pb", "W", "Fe", "Cu" })
        {
            Material m = MaterialCatalog.ByName(name);
            double rm = m.RadiationLengthCm * 21.2052e-3 / m.CriticalEnergyElectronGeV;
            Tolerance.Rel(5e-3, "table values rounded").AssertClose(m.MoliereRadiusCm, rm, $"R_M({name})");
        }
    }

    [Fact]
    public void Unknown_material_names_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => MaterialCatalog.ByName("Unobtainium"));
        Assert.Contains("PbWO4", ex.Message, StringComparison.Ordinal);
    }
}

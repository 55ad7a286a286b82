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
    // Beam-line passive materials (PDG): Al 8.897 cm, Mylar 28.54 cm, dry air 303.9 m.
    [InlineData("Al", 8.897)]
    [InlineData("Mylar", 28.54)]
    [InlineData("Air", 30390)]
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
        foreach (string name in new[] { "Pb", "W", "Fe", "Cu", "Al" })
        {
            Material m = MaterialCatalog.ByName(name);
            double rm = m.RadiationLengthCm * 21.2052e-3 / m.CriticalEnergyElectronGeV;
            Tolerance.Rel(5e-3, "table values rounded").AssertClose(m.MoliereRadiusCm, rm, $"R_M({name})");
        }
    }

    [Theory]
    // Elemental X0 (PDG, g/cm²): H 63.04, C 42.70, N 37.99, O 34.24, Ar 19.55; mixtures 1/X0 = Σ w_j/X0_j
    // (docs/physics/materials.md#mixtures-and-derived-quantities) independently of the tabulated mixture value.
    [InlineData("Mylar")]
    [InlineData("Air")]
    public void Beam_line_mixture_X0_follows_the_mixture_rule(string name)
    {
        var elementX0 = new Dictionary<string, double> { ["H"] = 63.04, ["C"] = 42.70, ["N"] = 37.99, ["O"] = 34.24, ["Ar"] = 19.55 };
        Material m = MaterialCatalog.ByName(name);
        double inv = m.Elements.Sum(e => e.MassFraction / elementX0[e.Symbol]);
        Tolerance.Rel(5e-3, "elemental X0 rounded to 4 digits").AssertClose(m.RadiationLengthGPerCm2, 1 / inv, $"X0({name})");
    }

    [Fact]
    public void Unknown_material_names_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => MaterialCatalog.ByName("Unobtainium"));
        Assert.Contains("PbWO4", ex.Message, StringComparison.Ordinal);
    }
}

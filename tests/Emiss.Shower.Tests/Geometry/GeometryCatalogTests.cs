using System.Text;
using Emiss.Shower.Geometry;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Geometry;

public class GeometryCatalogTests
{
    [Fact]
    public void All_builtin_geometries_load()
    {
        string[] expected = ["egs4-fe", "na64-ecal", "na64-hcal", "na64-srd-bgo", "na64-srd-pbsc", "na64-veto", "pb-thick", "testem2-pbwo4", "testem3-pb-lar"];
        Assert.Equal(expected, GeometryCatalog.BuiltIn);
        foreach (string n in expected) Assert.True(GeometryCatalog.Load(n).SlabCount > 0, n);
    }

    [Fact]   // docs/physics/na64-detector.md#ecal: 150 × (1.5 mm Pb + 1.5 mm Sc) = 40.6 X0, 45 cm; preshower = first 15 layers ≈ 4.06 X0
    public void Na64_ecal_matches_the_assumed_stack()
    {
        SlabStack g = GeometryCatalog.Load("na64-ecal");
        Assert.Equal(300, g.SlabCount);
        Tolerance.Rel(1e-9, "150 × 3 mm").AssertClose(45.0, g.LengthCm, "ECAL length (cm)");
        Tolerance.Rel(5e-3, "docs/physics/na64-detector.md#ecal (0.2709 X0 per layer)").AssertClose(40.6, g.DepthX0, "ECAL depth (X0)");
        Tolerance.Rel(5e-3, "15 layers").AssertClose(4.06, g.DepthEdgesX0[30], "preshower depth (X0)");
        Assert.Equal(new[] { "preshower", "ecal" }, g.SectionNames.ToArray());
        Assert.Equal(36, g.Cells.Count);
        Assert.Equal(21, g.Cells.CellAt(0.1, 0.1));      // (ix, iy) = (3, 3) of a 6 × 6 grid centred on the beam
        Assert.Equal(0, g.Cells.CellAt(-11.3, -11.3));
        Assert.Equal(-1, g.Cells.CellAt(12.0, 0.0));
        // Scintillator read out as light: Hirschberg et al. (IEEE TNS 39, 511 (1992)) k_B = 0.00842 g/cm²/MeV at 1.06 g/cm³.
        Assert.True(g.HasBirksSaturation);
        for (int i = 0; i < g.SlabCount; i++)
            Tolerance.Rel(1e-3, "0.00842 g/cm²/MeV / 1.06 g/cm³ = 0.07943 mm/MeV = 7.943 cm/GeV")
                .AssertClose(g.SlabActive[i] ? 0.00842 / 1.06 * 1e3 : 0.0, g.SlabBirksCmPerGeV[i], $"slab {i} Birks constant (cm/GeV)");
    }

    [Theory]
    [InlineData("na64-hcal")]
    [InlineData("na64-veto")]
    [InlineData("na64-srd-pbsc")]
    public void Every_na64_plastic_scintillator_layer_reads_out_light(string geometry)
    {
        SlabStack g = GeometryCatalog.Load(geometry);
        for (int i = 0; i < g.SlabCount; i++)
            Assert.Equal(g.SlabActive[i] && g.Layers[i].Material.Name == "Sc" ? 7.943 : 0.0, g.SlabBirksCmPerGeV[i], 9);
    }

    [Fact]
    public void One_volume_sections_join_their_slabs_and_need_one_material()
    {
        static string Doc(string layers) => "{\"schema\":\"emiss-geometry/1\",\"name\":\"x\",\"description\":\"d\",\"transverse\":{\"shape\":\"box\",\"halfWidthCm\":1},\"sections\":[{\"name\":\"a\",\"layers\":[{\"material\":\"Pb\",\"thicknessCm\":1}]},{\"name\":\"s\",\"repeat\":3,\"oneVolume\":true,\"layers\":[" + layers + "]}]}";
        static SlabStack Parse(string json) => GeometryCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test");
        SlabStack g = Parse(Doc("{\"material\":\"Fe\",\"thicknessCm\":0.5,\"active\":true}"));
        Assert.True(g.HasMultiSlabVolumes);
        Assert.Equal([0, 1, 1, 1], g.VolumeFirstSlab);
        Assert.Equal([0, 3, 3, 3], g.VolumeLastSlab);
        Assert.Equal([1.0, 2.5, 2.5, 2.5], g.VolumeHighZCm);
        Assert.Equal([false, false, true, true], g.Layers.Select(l => l.SameVolumeAsPrevious).ToArray());
        var mixed = Assert.Throws<InvalidDataException>(() => Parse(Doc("{\"material\":\"Fe\",\"thicknessCm\":0.5},{\"material\":\"Sc\",\"thicknessCm\":0.5}")));
        Assert.Contains("sections[1].oneVolume", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("Fe and Sc", mixed.Message, StringComparison.Ordinal);
        var inCode = Assert.Throws<ArgumentException>(() => SlabStack.Build("x", "d",
            [new SlabLayer(Emiss.Core.Materials.MaterialCatalog.Lead, 1, false, "a"), new SlabLayer(Emiss.Core.Materials.MaterialCatalog.Polystyrene, 1, true, "a", SameVolumeAsPrevious: true)],
            TransverseShape.Box, 1, new CellGrid(1, 1, 2), 0.1, 10));
        Assert.Contains("previous slab's material", inCode.Message, StringComparison.Ordinal);
        Assert.False(GeometryCatalog.Load("na64-ecal").HasMultiSlabVolumes);
    }

    [Fact]
    public void A_birks_constant_must_be_non_negative_and_on_an_active_layer()
    {
        static string Doc(string layer) => "{\"schema\":\"emiss-geometry/1\",\"name\":\"x\",\"description\":\"d\",\"transverse\":{\"shape\":\"box\",\"halfWidthCm\":1},\"sections\":[{\"name\":\"s\",\"layers\":[" + layer + "]}]}";
        static SlabStack Parse(string json) => GeometryCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test");
        Assert.Equal(12.6, Parse(Doc("{\"material\":\"Sc\",\"thicknessCm\":1,\"active\":true,\"birksMmPerMeV\":0.126}")).SlabBirksCmPerGeV[0], 12);
        var passive = Assert.Throws<InvalidDataException>(() => Parse(Doc("{\"material\":\"Sc\",\"thicknessCm\":1,\"birksMmPerMeV\":0.126}")));
        Assert.Contains("sections[0].layers[0].birksMmPerMeV", passive.Message, StringComparison.Ordinal);
        Assert.Contains("active", passive.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<InvalidDataException>(() => Parse(Doc("{\"material\":\"Sc\",\"thicknessCm\":1,\"active\":true,\"birksMmPerMeV\":-0.1}")));
        Assert.Contains("≥ 0", negative.Message, StringComparison.Ordinal);
        Assert.False(Parse(Doc("{\"material\":\"Sc\",\"thicknessCm\":1,\"active\":true}")).HasBirksSaturation);
    }

    [Fact]   // docs/physics/na64-detector.md#hcal: 48 × (25 mm Fe + 4 mm Sc) ≈ 7.4 λ_I per module
    public void Na64_hcal_modules_are_about_seven_and_a_half_interaction_lengths()
    {
        SlabStack g = GeometryCatalog.Load("na64-hcal");
        double lambda = g.Layers.Take(96).Sum(l => l.ThicknessCm / l.Material.NuclearInteractionLengthCm);
        Tolerance.Rel(0.02, "docs/physics/na64-detector.md#hcal").AssertClose(7.4, lambda, "HCAL module λ_I");
        Assert.Equal(4, g.SectionNames.Length);
    }

    [Fact]
    public void Unknown_key_is_an_error_naming_the_field()
    {
        string json = """{"schema":"emiss-geometry/1","name":"x","description":"d","transverse":{"shape":"box","halfWidthCm":1},"sections":[{"name":"s","layers":[{"material":"Pb","thicknesCm":1}]}]}""";
        var e = Assert.Throws<InvalidDataException>(() => GeometryCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test"));
        Assert.Contains("thicknesCm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_thickness_and_unknown_material_are_reported_with_their_path()
    {
        string json = """{"schema":"emiss-geometry/1","name":"x","description":"d","transverse":{"shape":"box","halfWidthCm":1},"sections":[{"name":"s","layers":[{"material":"Pb"}]}]}""";
        var e = Assert.Throws<InvalidDataException>(() => GeometryCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test"));
        Assert.Contains("sections[0].layers[0]", e.Message, StringComparison.Ordinal);
        string json2 = json.Replace("\"Pb\"", "\"Unobtainium\",\"thicknessCm\":1", StringComparison.Ordinal);
        var e2 = Assert.Throws<InvalidDataException>(() => GeometryCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json2)), "test"));
        Assert.Contains("sections[0].layers[0].material", e2.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GeometryCatalog.Load("no-such-geometry"));
    }
}

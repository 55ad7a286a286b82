using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Setup;

public sealed class SetupCardJsonTests
{
    [Fact]
    public void Presets_are_valid_and_differ_in_SRD_and_intensity()
    {
        Assert.Empty(TestCards.PbSc.Validate());
        Assert.Empty(TestCards.Bgo.Validate());
        Assert.Equal(1.4e6, TestCards.PbSc.Beam.ParticlesPerSpill);   // seed: PbSc run
        Assert.Equal(0.3e6, TestCards.Bgo.Beam.ParticlesPerSpill);    // seed: BGO run
        Assert.Equal(SrdKind.Bgo, TestCards.Bgo.Srd.Kind);
        Assert.NotEqual(TestCards.PbSc.Srd.Kind, TestCards.Bgo.Srd.Kind);
        Assert.Equal(7.0, TestCards.PbSc.Spectrometer.FieldIntegralTm, 12); // seed: ≈ 7 T·m
    }

    [Fact]
    public void Serialized_preset_parses_back_to_the_same_card()
    {
        foreach (SetupCard c in SetupPresets.All.Values)
        {
            SetupCard back = SetupCardJson.Parse(SetupCardJson.Serialize(c));
            Assert.Equal(SetupCardJson.Serialize(c), SetupCardJson.Serialize(back));
        }
    }

    [Fact]
    public void Override_file_changes_only_its_keys_on_top_of_the_named_base()
    {
        SetupCard c = SetupCardJson.Parse("""{ "base": "na64-2016-bgo", "beam": { "energyGeV": 80 }, "ecal": { "gateNs": 150 } }""");
        Assert.Equal(80, c.Beam.EnergyGeV);
        Assert.Equal(0.3e6, c.Beam.ParticlesPerSpill);
        Assert.Equal(SrdKind.Bgo, c.Srd.Kind);
        Assert.Equal(150, c.Ecal.GateNs);
        Assert.Equal(150, c.Ecal.Layers);
    }

    [Fact]
    public void Unknown_key_names_path_and_suggests_the_fix()
    {
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "beam": { "energy": 100 }, "ecal": { "gateNS": 3, "bogus": 1 } }"""));
        Assert.Contains("setup card error at $.beam.energy: unknown key 'energy'; did you mean 'energyGeV'?", ex.Problems);
        Assert.Contains("setup card error at $.ecal.gateNs".Replace("gateNs", "gateNS") + ": unknown key 'gateNS'; did you mean 'gateNs'?", ex.Problems);
        Assert.Equal(3, ex.Problems.Count); // all problems reported together
        Assert.Contains(ex.Problems, p => p.StartsWith("setup card error at $.ecal.bogus: unknown key 'bogus'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_inside_list_elements_are_reported_with_index()
    {
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "spectrometer": { "dipoles": [ { "name": "M", "zStartCm": -2700, "lengthCm": 400, "field": 1.75 } ] } }"""));
        Assert.Contains("setup card error at $.spectrometer.dipoles[0].field: unknown key 'field'; did you mean 'fieldT'?", ex.Problems);
    }

    [Fact]
    public void Out_of_range_values_are_all_reported()
    {
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "beam": { "energyGeV": -5, "composition": { "pionFraction": 0.9, "muonFraction": 0.2 } }, "srd": { "kind": "bgo", "gateNs": 0 } }"""));
        Assert.Contains(ex.Problems, p => p.Contains("$.beam.energyGeV", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("$.beam.composition", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("$.srd.gateNs", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_base_and_bad_enum_are_errors()
    {
        Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "base": "na64-2099" }"""));
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "srd": { "kind": "silicon" } }"""));
        Assert.Contains("$.srd.kind", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spectrometer_without_four_trackers_is_reported_not_crashed()
    {
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "spectrometer": { "trackers": [] } }"""));
        Assert.Contains(ex.Problems, p => p.Contains("$.spectrometer.trackers", StringComparison.Ordinal) && p.Contains("exactly 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Materials_are_card_keys_resolved_through_the_catalog()
    {
        SetupCard w = SetupCardJson.Parse("""{ "ecal": { "absorberMaterial": "W" } }""");
        var lw = new Emiss.Detector.Calorimetry.CalorimeterLayout(w);
        // 150 × (1.5 mm W + 1.5 mm Sc): X0_eff = 0.3/(0.15/0.3504 + 0.15/41.31) cm (docs/physics/materials.md#material-table X0 values).
        Assert.Equal(0.3 / (0.15 / 0.3504 + 0.15 / 41.31), lw.EcalX0Cm, 3);
        var ex = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{ "hcal": { "absorberMaterial": "Unobtainium" } }"""));
        Assert.Contains(ex.Problems, p => p.StartsWith("setup card error at $.hcal.absorberMaterial: unknown material 'Unobtainium'", StringComparison.Ordinal));
    }
}

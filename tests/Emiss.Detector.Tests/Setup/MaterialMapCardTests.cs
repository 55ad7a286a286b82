using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Setup;

/// <summary>The material map of the set-up card (docs/physics/beam-line.md#material-map): bad maps are refused with a
/// message naming the key.</summary>
public sealed class MaterialMapCardTests
{
    private static SetupCardException Refused(string passiveElementsJson) =>
        Assert.Throws<SetupCardException>(() => SetupCardJson.Parse($$"""{ "spectrometer": { "passiveElements": {{passiveElementsJson}} } }"""));

    [Fact]
    public void Presets_carry_the_vessel_windows_and_air_gaps()
    {
        foreach (SetupCard c in SetupPresets.All.Values)
        {
            var names = c.Spectrometer.PassiveElements.Select(e => e.Name).ToList();
            Assert.Contains("vessel-entry-window", names);
            Assert.Contains("vessel-exit-window", names);
            PassiveElementOptions entry = c.Spectrometer.PassiveElements.Single(e => e.Name == "vessel-entry-window");
            PassiveElementOptions exit = c.Spectrometer.PassiveElements.Single(e => e.Name == "vessel-exit-window");
            // Seed: a 15 m vacuum vessel between the magnets and the ECAL.
            Assert.Equal(1500, exit.ZCm - entry.ZEndCm(), 1);
            Assert.True(entry.ZCm > c.Spectrometer.Dipoles.Max(d => d.ZStartCm + d.LengthCm));
        }
    }

    [Fact]
    public void Overlapping_elements_are_refused_naming_both()
    {
        var e = Refused("""[ { "name": "a", "zCm": -500, "material": "Air", "thicknessCm": 100 }, { "name": "b", "zCm": -450, "material": "Mylar", "thicknessCm": 0.01 } ]""");
        string m = Assert.Single(e.Problems);
        Assert.Contains("$.spectrometer.passiveElements[1].zCm", m, StringComparison.Ordinal);
        Assert.Contains("'a'", m, StringComparison.Ordinal);
        Assert.Contains("must not overlap", m, StringComparison.Ordinal);
    }

    [Fact]
    public void Touching_elements_are_accepted()
    {
        SetupCard c = SetupCardJson.Parse("""{ "spectrometer": { "passiveElements": [ { "name": "a", "zCm": -500, "material": "Air", "thicknessCm": 100 }, { "name": "b", "zCm": -400, "material": "Al", "thicknessCm": 0.02 } ] } }""");
        Assert.Equal(2, c.Spectrometer.PassiveElements.Count);
    }

    [Fact]
    public void Unknown_material_is_refused_with_the_known_ones()
    {
        var e = Refused("""[ { "name": "w", "zCm": -500, "material": "Kapton", "thicknessCm": 0.01 } ]""");
        string m = Assert.Single(e.Problems);
        Assert.Contains("$.spectrometer.passiveElements[0].material", m, StringComparison.Ordinal);
        Assert.Contains("unknown material 'Kapton'", m, StringComparison.Ordinal);
        Assert.Contains("Mylar", m, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.0)]
    public void Non_positive_thickness_is_refused(double thickness)
    {
        var e = Refused($$"""[ { "name": "w", "zCm": -500, "material": "Al", "thicknessCm": {{thickness.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } ]""");
        Assert.Contains(e.Problems, p => p.Contains("$.spectrometer.passiveElements[0].thicknessCm", StringComparison.Ordinal) && p.Contains("> 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Element_behind_the_ECAL_face_is_refused()
    {
        var e = Refused("""[ { "name": "w", "zCm": -5, "material": "Air", "thicknessCm": 10 } ]""");
        Assert.Contains(e.Problems, p => p.Contains("$.spectrometer.passiveElements[0].zCm", StringComparison.Ordinal) && p.Contains("ECAL face", StringComparison.Ordinal));
    }

    [Fact]
    public void Misspelt_key_names_the_closest_one()
    {
        var e = Refused("""[ { "name": "w", "zCm": -500, "material": "Al", "thickness": 0.02 } ]""");
        Assert.Contains(e.Problems, p => p.Contains("unknown key 'thickness'", StringComparison.Ordinal));
    }
}

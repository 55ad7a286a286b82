using Emiss.Cli.RunCards;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class CardLoaderTests
{
    private static string WriteCard(string yaml)
    {
        string path = Path.Combine(TestScratch.NewDirectory("emiss-card"), "card.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string EmbeddedText() => CardLoader.ReadText("na64-2016").Text;

    [Fact]
    public void Embedded_na64_2016_card_matches_the_seed_numbers()
    {
        LimitCard c = CardLoader.Load<LimitCard>("na64-2016", x => x.Validate());
        Assert.Equal(100.0, c.Beam.EnergyGeV);
        Assert.Equal(2.75e9, c.Runs.Sum(r => r.ElectronsOnTarget), 1e-3);  // seed: 2.75e9 EOT = 1.88e9 + 0.87e9
        Assert.Equal(0, c.Statistics.ObservedEvents);
        Assert.Equal(0.15, c.Statistics.ExpectedBackground);
        Assert.Equal(new[] { 0.69, 0.55 }, c.Efficiency.Signal);  // seed: 0.69 falling to 0.55 with mass
        Assert.True(c.MassesMeV().Length >= 61);
        Assert.Equal("published values of NA64, PRL 118, 011802 (2017)", c.InputSource);
    }

    [Fact]
    public void Unknown_key_is_rejected_with_path_and_suggestion()
    {
        string path = WriteCard(EmbeddedText().Replace("energyGeV: 100", "energy: 100", StringComparison.Ordinal));
        var ex = Assert.Throws<RunCardException>(() => CardLoader.Load<LimitCard>(path, x => x.Validate()));
        Assert.Contains(": beam.energy:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'energyGeV'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_values_are_all_reported_with_their_fields()
    {
        string path = WriteCard(EmbeddedText()
            .Replace("energyGeV: 100", "energyGeV: -5", StringComparison.Ordinal)
            .Replace("confidenceLevel: 0.90", "confidenceLevel: 90", StringComparison.Ordinal));
        var ex = Assert.Throws<RunCardException>(() => CardLoader.Load<LimitCard>(path, x => x.Validate()));
        Assert.Contains(": beam.energyGeV:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(": statistics.confidenceLevel:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.85", true)]     // a quick-look reproduce's derived systematic (statistics of small samples)
    [InlineData("1", true)]
    [InlineData("1.2", false)]     // beyond 100 % the yield is unknown
    [InlineData("19", false)]      // per cent typed for a fraction
    [InlineData("-0.1", false)]
    public void Signal_yield_systematic_is_a_fraction_up_to_one(string value, bool valid)
    {
        string path = WriteCard(EmbeddedText().Replace("signalYieldRelativeUncertainty: 0.19", "signalYieldRelativeUncertainty: " + value, StringComparison.Ordinal));
        if (valid)
        {
            Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
                CardLoader.Load<LimitCard>(path, x => x.Validate()).Statistics.SignalYieldRelativeUncertainty);
            return;
        }
        var ex = Assert.Throws<RunCardException>(() => CardLoader.Load<LimitCard>(path, x => x.Validate()));
        Assert.Contains(": statistics.signalYieldRelativeUncertainty:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_the_field()
    {
        string path = WriteCard(EmbeddedText().Replace("observedEvents: 0", "observedEvents: none", StringComparison.Ordinal));
        var ex = Assert.Throws<RunCardException>(() => CardLoader.Load<LimitCard>(path, x => x.Validate()));
        Assert.Contains("observedEvents", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolved_card_round_trips_through_yaml()
    {
        LimitCard c = CardLoader.Load<LimitCard>("na64-2016", x => x.Validate());
        string path = WriteCard(CardLoader.ToYaml(c));
        LimitCard back = CardLoader.Load<LimitCard>(path, x => x.Validate());
        Assert.Equal(c.Beam, back.Beam);
        Assert.Equal(c.Signal, back.Signal);
        Assert.Equal(c.Statistics, back.Statistics);
        Assert.Equal(c.Runs, back.Runs);
        Assert.Equal(c.Efficiency.Signal, back.Efficiency.Signal);
    }

    [Fact]
    public void Missing_file_lists_the_embedded_cards()
    {
        var ex = Assert.Throws<RunCardException>(() => CardLoader.Load<LimitCard>("/nonexistent/card.yaml", x => x.Validate()));
        Assert.Contains("na64-2016", ex.Message, StringComparison.Ordinal);
    }
}

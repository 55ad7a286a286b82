using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower.Geometry;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>The card's Birks constant reaches the shower engine's ECAL stack (docs/physics/birks-saturation.md#the-detectors-ecal).</summary>
public class EcalLayeringBirksTests
{
    [Fact]
    public void The_2016_cards_read_their_scintillator_out_with_polystyrene_s_birks_constant()
    {
        foreach (SetupCard card in new[] { TestCards.PbSc, TestCards.Bgo })
        {
            // Hirschberg et al., IEEE TNS 39, 511 (1992): 0.00842 g/cm²/MeV at 1.06 g/cm³ = 0.07943 mm/MeV.
            Assert.Equal(0.07943, card.Ecal.ActiveBirksMmPerMeV, 12);
            SlabStack stack = EcalLayering.FromCard(card.Ecal, "t", "t", 11.4, v2ThicknessCm: 1.0);
            Assert.True(stack.HasBirksSaturation);
            for (int i = 0; i < stack.SlabCount; i++)
                Assert.Equal(stack.SlabActive[i] ? 7.943 : 0.0, stack.SlabBirksCmPerGeV[i], 9);
        }
    }

    [Fact]
    public void With_a_zero_constant_the_stack_reads_deposits_and_a_bad_value_is_refused()
    {
        SlabStack plain = EcalLayering.FromCard(SetupCardJson.Parse("""{"ecal": {"activeBirksMmPerMeV": 0}}""").Ecal, "t", "t", 11.4);
        Assert.False(plain.HasBirksSaturation);
        var e = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse("""{"ecal": {"activeBirksMmPerMeV": -0.1}}"""));
        Assert.Contains("ecal.activeBirksMmPerMeV: value -0.1 is outside [0, 1]", e.Message, StringComparison.Ordinal);
    }
}

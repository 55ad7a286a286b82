using Emiss.Cli.Commands;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class SetupCardTests
{
    [Theory]
    [InlineData("na64-2016-pbsc")]
    [InlineData("na64-2016-bgo")]
    public void Embedded_yaml_setup_equals_the_preset_used_as_override_base(string name)
    {
        // The YAML card users copy and the preset that partial cards override must not drift apart.
        SetupCard fromYaml = SimulateCommand.LoadSetup(name);
        Assert.Equal(SetupCardJson.Serialize(SetupPresets.ByName(name)), SetupCardJson.Serialize(fromYaml));
    }

    [Fact]
    public void Embedded_setups_carry_the_seed_intensities()
    {
        // Seed: 1.4e6 e-/spill (PbSc-SRD run), 0.3e6 (BGO run), 4.8 s spills.
        Assert.Equal(1.4e6, SimulateCommand.LoadSetup("na64-2016-pbsc").Beam.ParticlesPerSpill);
        Assert.Equal(0.3e6, SimulateCommand.LoadSetup("na64-2016-bgo").Beam.ParticlesPerSpill);
        Assert.Equal(4.8, SimulateCommand.LoadSetup("na64-2016-bgo").Beam.SpillLengthS);
    }

    [Fact]
    public void Unknown_setup_key_in_a_user_yaml_names_the_path()
    {
        string path = Path.Combine(TestScratch.NewDirectory("emiss-setup"), "s.yaml");
        File.WriteAllText(path, "base: na64-2016-bgo\nbeam:\n  energy: 80\n");
        var ex = Assert.Throws<RunCards.RunCardException>(() => SimulateCommand.LoadSetup(path));
        Assert.Contains(": beam.energy:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("energyGeV", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ecal_profile_shifts_are_read_from_the_card_and_checked()
    {
        string dir = TestScratch.NewDirectory("emiss-setup");
        string ok = Path.Combine(dir, "ok.yaml"), bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(ok, "base: na64-2016-pbsc\necal:\n  profileTmaxShiftX0: -0.3\n  profilePhotonAlphaShift: 0.2\n");
        var card = SimulateCommand.LoadSetup(ok);
        var medium = new Emiss.Detector.Calorimetry.CalorimeterLayout(card).EcalShowerMedium;
        Assert.Equal(-0.3, medium.TmaxShiftX0);
        Assert.Equal(Emiss.Detector.Calorimetry.ShowerMedium.NA64PbScAlphaShift, card.Ecal.ProfileAlphaShift);   // the card's default common Δα
        Assert.Equal((0.08, 0.283), (medium.TailFraction, medium.TailSlopePerX0));   // the deep tail's defaults reach the medium
        Assert.Equal(0.2, medium.PhotonAlpha);      // photons take their own α shift
        Assert.Equal(-0.50, SimulateCommand.LoadSetup("na64-2016-bgo").Ecal.ProfilePhotonAlphaShift);
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileAlphaShift: 5\n", "ecal.profileAlphaShift: value 5 is outside [-3, 3]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profilePhotonAlphaShift: -4\n", "ecal.profilePhotonAlphaShift: value -4 is outside [-3, 3]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileTailFraction: 0.6\n", "ecal.profileTailFraction: value 0.6 is outside [0, 0.5]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileTailSlopePerX0: 0\n", "ecal.profileTailSlopePerX0: value 0 is outside [0.05, 2]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileDeepSamplingRatio: 0\n", "ecal.profileDeepSamplingRatio: value 0 is outside [0.2, 2]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileBackFlowAbsorbedFraction: 1.2\n", "ecal.profileBackFlowAbsorbedFraction: value 1.2 is outside [0.2, 1]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  backLeakPhotonMeanMeV: 0\n", "ecal.backLeakPhotonMeanMeV: value 0 is outside [0.1, 50]");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  backLeakPhotonObliquity: 0.9\n", "ecal.backLeakPhotonObliquity: value 0.9 is outside [1, 5]");
    }

    /// <summary>Writes <paramref name="yaml"/> to <paramref name="path"/> and checks that loading it fails with <paramref name="expected"/>.</summary>
    private static void AssertRefused(string path, string yaml, string expected)
    {
        File.WriteAllText(path, yaml);
        var ex = Assert.Throws<RunCards.RunCardException>(() => SimulateCommand.LoadSetup(path));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ecal_alpha_table_and_photon_keys_are_read_from_the_yaml_card_and_checked()
    {
        // both embedded set-ups carry the tuned table and photon keys, equal to the library's defaults
        foreach (string name in new[] { "na64-2016-pbsc", "na64-2016-bgo" })
        {
            var ecal = SimulateCommand.LoadSetup(name).Ecal;
            Assert.Equal(Emiss.Detector.Setup.AlphaShiftTableOptions.NA64PbSc.EnergiesGeV, ecal.ProfileAlphaShiftTable!.EnergiesGeV);
            Assert.Equal(Emiss.Detector.Setup.AlphaShiftTableOptions.NA64PbSc.Shifts, ecal.ProfileAlphaShiftTable.Shifts);
            Assert.Equal(Emiss.Detector.Calorimetry.ShowerMedium.NA64PbScPhotonTmaxShiftX0, ecal.ProfilePhotonTmaxShiftX0);
            Assert.Equal(Emiss.Detector.Calorimetry.ShowerMedium.NA64PbScPhotonAlphaShift, ecal.ProfilePhotonAlphaShift);
            Assert.True(ecal.ProfilePhotonConversion);
        }
        string dir = TestScratch.NewDirectory("emiss-setup");
        string ok = Path.Combine(dir, "ok.yaml"), bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(ok, "base: na64-2016-pbsc\necal:\n  profilePhotonTmaxShiftX0: -0.5\n  profileAlphaShiftTable:\n    energiesGeV: [4, 40]\n    shifts: [-0.2, 0.2]\n");
        var medium = new Emiss.Detector.Calorimetry.CalorimeterLayout(SimulateCommand.LoadSetup(ok)).EcalShowerMedium;
        Assert.Equal(-0.5, medium.PhotonTmax);
        Assert.Equal(Emiss.Detector.Calorimetry.ShowerMedium.NA64PbScAlphaShift, medium.AlphaShiftAt(Math.Sqrt(160)), 12);   // the common Δα plus the table halfway in ln E between its nodes (0)
        Assert.Equal(-0.50, medium.AlphaShiftAt(Math.Sqrt(160), photon: true), 12);   // photons keep their own shift
        Assert.NotNull(medium.PhotonConversion);
        File.WriteAllText(ok, "base: na64-2016-pbsc\necal:\n  profilePhotonConversion: false\n");
        Assert.Null(new Emiss.Detector.Calorimetry.CalorimeterLayout(SimulateCommand.LoadSetup(ok)).EcalShowerMedium.PhotonConversion);
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profilePhotonConversion: maybe\n", "ecal.profilePhotonConversion");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileAlphaShiftTable:\n    energiesGeV: [4, 40]\n    shifts: [-0.2]\n", "ecal.profileAlphaShiftTable: 2 energiesGeV and 1 shifts");
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profilePhotonTmaxShiftX0: 3.5\n", "ecal.profilePhotonTmaxShiftX0: value 3.5 is outside [-3, 3]");
        // the tail fraction per energy: read from YAML, replacing the one fraction at each energy; checked like the α table
        File.WriteAllText(ok, "base: na64-2016-pbsc\necal:\n  profileTailFractionTable:\n    energiesGeV: [4, 40]\n    fractions: [0.05, 0.11]\n");
        var tail = new Emiss.Detector.Calorimetry.CalorimeterLayout(SimulateCommand.LoadSetup(ok)).EcalShowerMedium;
        Assert.Equal(0.08, tail.TailFractionAt(Math.Sqrt(160)), 12);
        Assert.Equal(0.11, tail.TailFractionAt(100), 12);
        AssertRefused(bad, "base: na64-2016-pbsc\necal:\n  profileTailFractionTable:\n    energiesGeV: [4, 40]\n    fractions: [0.05, -0.1]\n", "ecal.profileTailFractionTable.fractions[1]: value -0.1 is outside [0, 0.5]");
    }
}

using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The tail fraction per energy (<see cref="TailFractionTable"/>, card key <c>ecal.profileTailFractionTable</c>): linear in ln E
/// between nodes and held beyond them; it replaces the one tail fraction in the median and the drawn shapes of electrons and
/// photons (a photon at half its energy, unless <c>ecal.profilePhotonTailFractionTable</c> gives photons their own); the tail scan of
/// the tune ignores both (each scanned w holds at every energy).
/// </summary>
public sealed class TailFractionTableTests
{
    private static readonly TailFractionTable Table = new([2, 10, 100], [0.04, 0.06, 0.12]);

    [Fact]
    public void Fractions_are_linear_in_ln_E_between_nodes_and_held_beyond_them()
    {
        Assert.Equal([0.04, 0.06, 0.12], Table.Fractions);
        Assert.Equal(0.05, Table.At(Math.Sqrt(2 * 10)), 12);           // geometric mean of 2 and 10 GeV
        Assert.Equal(0.09, Table.At(Math.Sqrt(10 * 100)), 12);
        Assert.Equal(0.04, Table.At(0.5), 15);
        Assert.Equal(0.12, Table.At(150), 15);
        Assert.NotEqual<LnEnergyTable>(Table, new AlphaShiftTable([2, 10, 100], [0.04, 0.06, 0.12]));   // same numbers, another parameter
        Assert.Throws<ArgumentException>(() => new TailFractionTable([2, 10], [0.1]));
    }

    [Fact]
    public void The_shapes_take_the_tables_fraction_at_their_energy_for_electrons_and_at_half_of_it_for_photons()
    {
        var layout = new CalorimeterLayout(TestCards.PbSc);
        ShowerMedium medium = layout.EcalShowerMedium with { TailFraction = 0.3, TailFractionByEnergy = Table, PhotonTailFractionByEnergy = null };
        foreach (double e in new[] { 1.0, 2.0, 4.47, 31.6, 100.0, 150.0 })
        {
            Assert.Equal(Table.At(e), medium.TailFractionAt(e), 15);
            Assert.Equal(Table.At(e), EmLongitudinalProfile.Median(e, medium).TailFraction, 15);
            // a photon's shower is a pair of showers sharing its energy: its tail fraction is the table's at half its energy
            Assert.Equal(Table.At(e / 2), EmLongitudinalProfile.Median(e, medium, photon: true).TailFraction, 15);
            EventRng g = RngStreams.For(1, StreamKind.Digitization, 1);
            Assert.Equal(Table.At(e / 2), EmLongitudinalProfile.Draw(e, medium, true, ref g).TailFraction, 15);
            EventRng r = RngStreams.For(1, StreamKind.Digitization, 0);
            Assert.Equal(Table.At(e), EmLongitudinalProfile.Draw(e, medium, false, ref r).TailFraction, 15);
        }
        // without a table the one fraction holds everywhere, and a deeper tail puts more energy behind 30 X0
        ShowerMedium flat = medium with { TailFractionByEnergy = null };
        Assert.Equal(0.3, flat.TailFractionAt(3), 15);
        double Behind(ShowerMedium m) => 1 - EmLongitudinalProfile.Cumulative(EmLongitudinalProfile.Median(100, m), 30);
        Assert.True(Behind(flat) > 2 * Behind(medium), $"w 0.3 leaves {Behind(flat)} behind 30 X0 against {Behind(medium)} with w 0.12");
    }

    [Fact]
    public void A_photon_table_replaces_the_half_energy_rule_for_photons_only()
    {
        var layout = new CalorimeterLayout(TestCards.PbSc);
        var photonTable = new TailFractionTable([5, 50], [0.02, 0.2]);
        ShowerMedium medium = layout.EcalShowerMedium with { TailFraction = 0.3, TailFractionByEnergy = Table, PhotonTailFractionByEnergy = photonTable };
        foreach (double e in new[] { 1.0, 5.0, 15.8, 100.0 })
        {
            Assert.Equal(photonTable.At(e), medium.TailFractionAt(e, photon: true), 15);
            Assert.Equal(photonTable.At(e), EmLongitudinalProfile.Median(e, medium, photon: true).TailFraction, 15);
            EventRng g = RngStreams.For(1, StreamKind.Digitization, 1);
            Assert.Equal(photonTable.At(e), EmLongitudinalProfile.Draw(e, medium, true, ref g).TailFraction, 15);
            // electrons keep their own table
            Assert.Equal(Table.At(e), EmLongitudinalProfile.Median(e, medium).TailFraction, 15);
            Assert.Equal(Table.At(e), medium.TailFractionAt(e, photon: false), 15);
        }
        Assert.Equal(0.11, photonTable.At(Math.Sqrt(250)), 12);
    }

    [Fact]
    public void The_tail_scan_holds_each_scanned_fraction_at_every_energy()
    {
        (CalorimeterLayout layout, int perBin, int layers, _, double layerX0) = ProfileShiftFitTests.PbScStack();
        var grid = new ShiftGrid(-0.3, 0.05, 1, 0, 0.1, 1);
        ShowerMedium withTable = layout.EcalShowerMedium with { TailFractionByEnergy = Table, PhotonTailFractionByEnergy = new TailFractionTable([5, 50], [0.02, 0.2]) };
        ShowerMedium without = layout.EcalShowerMedium with { TailFractionByEnergy = null, PhotonTailFractionByEnergy = null };
        foreach (bool photon in new[] { false, true })
        {
            var scan = ProfileShiftFit.TailModels([5.0], withTable, layerX0, perBin, layers, grid, [0.1], 200, 3, 1, photon, 10);
            var plain = ProfileShiftFit.TailModels([5.0], without, layerX0, perBin, layers, grid, [0.1], 200, 3, 1, photon, 10);
            Assert.Equal(plain[0].Models.Models[0][0].Fraction, scan[0].Models.Models[0][0].Fraction);
        }
    }

    [Theory]
    [InlineData("""{"ecal": {"profileTailFractionTable": {"energiesGeV": [2, 10], "fractions": [0.1]}}}""", "ecal.profileTailFractionTable: 2 energiesGeV and 1 fractions; give one fraction per energy")]
    [InlineData("""{"ecal": {"profileTailFractionTable": {"energiesGeV": [10, 2], "fractions": [0.1, 0.2]}}}""", "ecal.profileTailFractionTable.energiesGeV[1]: 2 does not exceed the previous 10")]
    [InlineData("""{"ecal": {"profileTailFractionTable": {"energiesGeV": [2, 10], "fractions": [0.1, 0.6]}}}""", "ecal.profileTailFractionTable.fractions[1]: value 0.6 is outside [0, 0.5]")]
    [InlineData("""{"ecal": {"profileTailFractionTable": {"energiesGeV": [2], "fraction": [0.1]}}}""", "unknown key 'fraction'")]
    [InlineData("""{"ecal": {"profilePhotonTailFractionTable": {"energiesGeV": [2, 10], "fractions": [-0.1, 0.2]}}}""", "ecal.profilePhotonTailFractionTable.fractions[0]: value -0.1 is outside [0, 0.5]")]
    public void Bad_card_tables_are_refused(string json, string expected)
    {
        var e = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_tables_reach_the_ecal_medium_and_the_na64_card_has_the_tuned_one()
    {
        SetupCard card = SetupCardJson.Parse("""{"ecal": {"profileTailFractionTable": {"energiesGeV": [3, 30], "fractions": [0.05, 0.11]}, "profilePhotonTailFractionTable": {"energiesGeV": [4, 40], "fractions": [0.02, 0.2]}}}""");
        ShowerMedium m = new CalorimeterLayout(card).EcalShowerMedium;
        Assert.Equal(0.08, m.TailFractionAt(Math.Sqrt(90)), 12);
        Assert.Equal(0.11, m.TailFractionAt(Math.Sqrt(160), photon: true), 12);
        // the NA64 card: the electrons' table of the tune, and the photons' own (one fraction at every energy)
        Assert.Equal(ShowerMedium.NA64PbScTailFractionsByEnergy, TestCards.PbSc.Ecal.ProfileTailFractionTable!.Fractions);
        Assert.Equal(ShowerMedium.NA64PbScTailFractionEnergiesGeV, TestCards.PbSc.Ecal.ProfileTailFractionTable!.EnergiesGeV);
        Assert.Equal(ShowerMedium.NA64PbScPhotonTailFractionsByEnergy, TestCards.PbSc.Ecal.ProfilePhotonTailFractionTable!.Fractions);
        ShowerMedium na64 = new CalorimeterLayout(TestCards.PbSc).EcalShowerMedium;
        Assert.Equal(ShowerMedium.NA64PbScTailFractionsByEnergy[2], na64.TailFractionAt(10), 15);
        Assert.Equal(ShowerMedium.NA64PbScPhotonTailFractionsByEnergy[2], na64.TailFractionAt(10, photon: true), 15);
        // the card round-trips through its JSON form with the tables
        SetupCard back = SetupCardJson.Parse(SetupCardJson.Serialize(card));
        Assert.Equal<LnEnergyTable>(card.Ecal.ProfileTailFractionTable!.ToTable(), back.Ecal.ProfileTailFractionTable!.ToTable());
        Assert.Equal<LnEnergyTable>(card.Ecal.ProfilePhotonTailFractionTable!.ToTable(), back.Ecal.ProfilePhotonTailFractionTable!.ToTable());
    }
}

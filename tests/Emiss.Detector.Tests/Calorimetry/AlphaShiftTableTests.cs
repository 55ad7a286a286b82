using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The energy-dependent α shift (<see cref="AlphaShiftTable"/>, card key <c>ecal.profileAlphaShiftTable</c>): linear in ln E
/// between nodes, so the geometric mean of two nodes takes the mean of their shifts; held at the end values beyond them;
/// added to the electrons' constant shift by <see cref="ShowerMedium.AlphaShiftAt"/> (photons with their own shift keep it alone).
/// </summary>
public sealed class AlphaShiftTableTests
{
    private static readonly AlphaShiftTable Table = new([2, 10, 100], [-0.1, -0.05, 0.2]);

    [Fact]
    public void Shifts_are_linear_in_ln_E_between_nodes_and_held_beyond_them()
    {
        Assert.Equal(-0.1, Table.At(2), 15);
        Assert.Equal(0.2, Table.At(100), 15);
        Assert.Equal(-0.075, Table.At(Math.Sqrt(2 * 10)), 12);          // geometric mean of 2 and 10 GeV
        Assert.Equal(0.075, Table.At(Math.Sqrt(10 * 100)), 12);
        Assert.Equal(-0.05 + 0.25 * Math.Log(3) / Math.Log(10), Table.At(30), 12);
        Assert.Equal(-0.1, Table.At(0.05), 15);                        // below the first node
        Assert.Equal(0.2, Table.At(1000), 15);                         // above the last
        Assert.Equal(0.7, new AlphaShiftTable([5], [0.7]).At(123), 15);
    }

    [Fact]
    public void The_medium_adds_the_table_to_the_electron_and_the_photon_shift()
    {
        var medium = new ShowerMedium(0.0086, 75, -0.3, AlphaShift: 0.1, PhotonAlphaShift: 0.7, AlphaShiftByEnergy: Table);
        Assert.Equal(0.1 - 0.075, medium.AlphaShiftAt(Math.Sqrt(20)), 12);
        Assert.Equal(0.7, medium.AlphaShiftAt(150, photon: true), 15);          // a photon shift of its own is the whole shift
        Assert.Equal(0.1 + 0.2, (medium with { PhotonAlphaShift = null }).AlphaShiftAt(150, photon: true), 12);
        Assert.Equal(0.1, (medium with { AlphaShiftByEnergy = null }).AlphaShiftAt(50), 15);
        // the median shape takes the whole shift: with a table the median α at 100 GeV moves by its 0.2
        double withTable = EmLongitudinalProfile.Median(100, medium).Alpha, without = EmLongitudinalProfile.Median(100, medium with { AlphaShiftByEnergy = null }).Alpha;
        Assert.Equal(0.2, withTable - without, 12);
        // equal tables make equal media (the medium is a value)
        Assert.Equal(medium, medium with { AlphaShiftByEnergy = new AlphaShiftTable([2, 10, 100], [-0.1, -0.05, 0.2]) });
    }

    [Fact]
    public void Bad_tables_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AlphaShiftTable([], []));
        Assert.Throws<ArgumentException>(() => new AlphaShiftTable([1, 2], [0.1]));
        Assert.Throws<ArgumentException>(() => new AlphaShiftTable([2, 2], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => new AlphaShiftTable([0, 2], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => new AlphaShiftTable([1, 2], [0.1, double.NaN]));
    }

    [Theory]
    [InlineData("""{"ecal": {"profileAlphaShiftTable": {"energiesGeV": [2, 10], "shifts": [0.1]}}}""", "ecal.profileAlphaShiftTable: 2 energiesGeV and 1 shifts")]
    [InlineData("""{"ecal": {"profileAlphaShiftTable": {"energiesGeV": [10, 2], "shifts": [0.1, 0.2]}}}""", "ecal.profileAlphaShiftTable.energiesGeV[1]: 2 does not exceed the previous 10")]
    [InlineData("""{"ecal": {"profileAlphaShiftTable": {"energiesGeV": [2, 10], "shifts": [0.1, 4]}}}""", "ecal.profileAlphaShiftTable.shifts[1]: value 4 is outside [-3, 3]")]
    [InlineData("""{"ecal": {"profileAlphaShiftTable": {"energiesGeV": [2], "shift": [0.1]}}}""", "unknown key 'shift'")]
    public void The_card_key_is_checked(string json, string expected)
    {
        var e = Assert.Throws<SetupCardException>(() => SetupCardJson.Parse(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_table_reaches_the_ecal_medium_and_null_removes_it()
    {
        SetupCard card = SetupCardJson.Parse("""{"ecal": {"profileAlphaShiftTable": {"energiesGeV": [3, 30], "shifts": [0.05, 0.25]}}}""");
        Assert.Equal(0.15, new CalorimeterLayout(card).EcalShowerMedium.AlphaShiftAt(Math.Sqrt(90)) - card.Ecal.ProfileAlphaShift, 12);
        SetupCard none = SetupCardJson.Parse("""{"ecal": {"profileAlphaShiftTable": null}}""");
        Assert.Null(new CalorimeterLayout(none).EcalShowerMedium.AlphaShiftByEnergy);
        Assert.Equal(none.Ecal.ProfileAlphaShift, new CalorimeterLayout(none).EcalShowerMedium.AlphaShiftAt(42), 15);
    }
}

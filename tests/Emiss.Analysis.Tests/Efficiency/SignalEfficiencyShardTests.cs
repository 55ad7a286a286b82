using Emiss.Analysis.Efficiency;
using Emiss.Detector.Setup;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Efficiency;

/// <summary>
/// A shard of the efficiency scan (<c>reproduce --shard</c>): a mass point computed alone through the mass filter is
/// the point of the whole scan, count for count (it keeps its mass index's emission seed and event keys), whatever the
/// thread count, and the part file returns the points exactly as written.
/// </summary>
public sealed class SignalEfficiencyShardTests
{
    private static readonly double[] Masses = [10, 300];

    private static IReadOnlyList<SignalEfficiencyPoint> Scan(int threads, Func<int, bool>? onlyMass) => SignalEfficiencyScan.Run("pbsc-srd", 1,
        SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), SeedCuts.Na64_2016(), DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ExactTreeLevel),
        Masses, 0.5, 300, 11, threads, onlyMass);

    [Fact]
    public void A_mass_point_scanned_alone_equals_that_point_of_the_whole_scan_and_survives_the_part_file()
    {
        IReadOnlyList<SignalEfficiencyPoint> whole = Scan(2, null);
        SignalEfficiencyPoint alone = Assert.Single(Scan(1, mi => mi == 1));
        Assert.Equal(Masses, whole.Select(p => p.MassMeV));
        AssertSame(whole[1], alone);
        Assert.NotEqual(whole[0].PassedStage, whole[1].PassedStage);   // the two masses are distinct samples, so the comparison can fail

        string dir = TestScratch.NewDirectory("eff-part");
        try
        {
            Assert.Equal(SignalEfficiencyParts.FileName, SignalEfficiencyParts.Write(whole, dir));
            IReadOnlyList<SignalEfficiencyPoint> read = SignalEfficiencyParts.Read(dir);
            Assert.Equal(whole.Count, read.Count);
            for (int i = 0; i < whole.Count; i++) AssertSame(whole[i], read[i]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AssertSame(SignalEfficiencyPoint expected, SignalEfficiencyPoint actual)
    {
        Assert.Equal(expected.Run, actual.Run);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.MassMeV), BitConverter.DoubleToInt64Bits(actual.MassMeV));
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.PassedStage, actual.PassedStage);
        Assert.Equal(expected.InBoxAfterCuts, actual.InBoxAfterCuts);
        Assert.Equal(expected.InBoxEcalOnly, actual.InBoxEcalOnly);
        Assert.Equal(expected.BeamCountersFired, actual.BeamCountersFired);
        Assert.Equal(expected.EventsWithoutPileUp, actual.EventsWithoutPileUp);
        Assert.Equal(expected.InBoxWithoutPileUp, actual.InBoxWithoutPileUp);
    }
}

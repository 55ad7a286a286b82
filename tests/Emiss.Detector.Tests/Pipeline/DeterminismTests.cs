using Emiss.Events;
using Emiss.Detector.Pipeline;
using Xunit;

namespace Emiss.Detector.Tests.Pipeline;

public sealed class DeterminismTests
{
    private static List<double[]> Collect(int threads, int chunk)
    {
        var model = new DetectorModel(TestCards.PbSc, 2024);
        var rows = new List<double[]>();
        SimulationSummary s = SimulationPipeline.Run(model, new SimulationRequest(100, 700, 3, chunk, threads), b =>
        {
            for (int i = 0; i < b.Count; i++)
                rows.Add([b.Event[i], b.EcalEnergyGeV[i], b.HcalEnergyGeV[i], b.SrdEnergyMeV[i], b.TrackMomentumGeV[i], b.Trigger[i], b.PileUpCount[i], b.EcalCellGeV[i * b.EcalCells + 21]]);
        });
        Assert.Equal(700, s.Events);
        return rows;
    }

    [Fact]
    public void Output_is_bit_identical_for_any_thread_count_and_chunking()
    {
        List<double[]> one = Collect(1, 256), two = Collect(2, 64), four = Collect(4, 100);
        Assert.Equal(700, one.Count);
        for (int i = 0; i < one.Count; i++)
        {
            Assert.Equal(100 + i, one[i][0]); // event order
            Assert.Equal(one[i], two[i]);
            Assert.Equal(one[i], four[i]);
        }
    }

    [Fact]
    public void Different_seeds_give_different_events()
    {
        var a = Sim.Run(TestCards.PbSc, 5, 1);
        var b = Sim.Run(TestCards.PbSc, 5, 2);
        Assert.NotEqual(a.EcalEnergyGeV[0], b.EcalEnergyGeV[0]);
    }

    [Fact]
    public void Trigger_bits_are_consistent()
    {
        var b = Sim.Run(TestCards.PbSc, 300, 9);
        for (int i = 0; i < b.Count; i++)
        {
            var t = (TriggerBits)b.Trigger[i];
            bool all = t.HasFlag(TriggerBits.BeamCounters) && t.HasFlag(TriggerBits.EcalCluster) && t.HasFlag(TriggerBits.EcalBelowMax);
            Assert.Equal(all, t.HasFlag(TriggerBits.Physics));
        }
    }
}

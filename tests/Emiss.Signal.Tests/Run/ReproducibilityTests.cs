using Emiss.Signal.Run;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class ReproducibilityTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void ResultsAreBitIdenticalForAnyThreadCount()
    {
        var o = new SignalOptions { BiasFactor = 5e9, KeepEvents = true };
        SignalRunResult one = SignalRunner.Run(fx.Tables10MeV, fx.Lead, o, 3 * SignalRunner.ChunkSize + 17, 21, threads: 1);
        SignalRunResult two = SignalRunner.Run(fx.Tables10MeV, fx.Lead, o, 3 * SignalRunner.ChunkSize + 17, 21, threads: 3);
        Assert.Equal(one.Estimator, two.Estimator);
        Assert.Equal(one.EmissionsTotal, two.EmissionsTotal);
        Assert.Equal(one.MissingEnergy.SumW, two.MissingEnergy.SumW);
        Assert.Equal(one.Kept.Select(e => (e.EventIndex, e.Emission, e.WeightPerEotEps1)), two.Kept.Select(e => (e.EventIndex, e.Emission, e.WeightPerEotEps1)));
        Assert.True(one.Kept.Count > 100);
    }

    [Fact]
    public void ShardsReproduceTheSingleRunEvents()
    {
        var o = new SignalOptions { BiasFactor = 5e9, KeepEvents = true };
        SignalRunResult all = SignalRunner.Run(fx.Tables10MeV, fx.Lead, o, 1024, 22, threads: 2);
        SignalRunResult second = SignalRunner.Run(fx.Tables10MeV, fx.Lead, o, 512, 22, threads: 2, firstEvent: 512);
        Assert.Equal(all.Kept.Where(e => e.EventIndex >= 512).Select(e => (e.EventIndex, e.Emission)), second.Kept.Select(e => (e.EventIndex, e.Emission)));
    }

    [Fact]
    public void Parts_stored_and_merged_give_the_single_run_bit_for_bit()
    {
        var o = new SignalOptions { BiasFactor = 5e9, KeepEvents = true };
        long events = 5 * SignalRunner.ChunkSize + 17;   // 6 chunks, the last one short
        SignalRunResult single = SignalRunner.Run(fx.Tables10MeV, fx.Lead, o, events, 23, threads: 2, firstEvent: 100);
        string dir = TestScratch.NewDirectory("emiss-signal-parts");
        try
        {
            // Parts of 1, 3 and 2 chunks with different thread counts, stored and read back, merged out of order.
            (long First, long Count, int Threads)[] parts = [(0, 1, 1), (1, 3, 2), (4, 2, 3)];
            var read = new List<SignalBlockSums>();
            foreach (var (first, count, threads) in parts)
            {
                string path = Path.Combine(dir, $"part{first}.sums");
                SignalRunner.RunBlocks(fx.Tables10MeV, fx.Lead, o, events, 23, first, count, threads, firstEvent: 100).Write(path);
                read.Add(SignalBlockSums.Read(path, fx.Tables10MeV, o));
            }
            read.Add(SignalRunner.RunBlocks(fx.Tables10MeV, fx.Lead, o, events, 23, 6, 0));   // an empty part runs nothing and adds nothing
            read.Reverse();
            SignalRunResult merged = SignalRunner.Result(fx.Tables10MeV, fx.Lead, o, read, events, firstEvent: 100);
            Assert.Equal(Bits(single.Estimator.Value, single.Estimator.StatError, single.EmissionsTotal.Value, single.EmissionsTotal.StatError, single.MeanEventWeight.Value),
                         Bits(merged.Estimator.Value, merged.Estimator.StatError, merged.EmissionsTotal.Value, merged.EmissionsTotal.StatError, merged.MeanEventWeight.Value));
            Assert.Equal(Bits([.. single.MissingEnergy.SumW, .. single.MissingEnergy.SumW2, .. single.TrackLengthCmPerEot]),
                         Bits([.. merged.MissingEnergy.SumW, .. merged.MissingEnergy.SumW2, .. merged.TrackLengthCmPerEot]));
            Assert.Equal(single.Kept.Select(e => (e.EventIndex, e.Emission, e.WeightPerEotEps1, e.LeakedGeV)),
                         merged.Kept.Select(e => (e.EventIndex, e.Emission, e.WeightPerEotEps1, e.LeakedGeV)));
            Assert.True(single.Kept.Count > 100);
            Assert.Equal((single.Events, single.Emissions, single.FirstEvent), (merged.Events, merged.Emissions, merged.FirstEvent));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long[] Bits(params double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}

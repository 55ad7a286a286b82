using Emiss.Signal.Run;
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
}

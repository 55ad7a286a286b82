using Emiss.Analysis.CutFlow;
using Emiss.Analysis.EventData;
using Emiss.Analysis.Tests.CutFlow;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.EventData;

public sealed class SimulationSampleTests
{
    [Fact]
    public async Task Simulated_samples_give_per_source_cut_flows_with_the_box()
    {
        string path = Path.Combine(TestScratch.NewDirectory("simsample"), "mc.parquet");
        await SyntheticEvents.WriteAsync(path, SyntheticEvents.SimulationCommand, CutFlowCounterTests.Mixture(), rowGroup: 37);
        await using SimulationSample s = await SimulationSample.OpenAsync(path);
        CutFlowResult r = await s.CutFlowAsync(SyntheticEvents.SeedCuts());
        Assert.True(r.SignalBoxIncluded);
        Assert.Equal(5, r.Regions.Single(x => x.Source == nameof(TrueProcess.DarkPhotonSignal) && x.Region == "signal_box").Events);
        Assert.Equal(30, r.Rows.Single(x => x.Source == nameof(TrueProcess.DecayInFlight) && x.Cut == "all").Events);
    }

    [Fact]
    public async Task Data_files_cannot_be_opened_with_truth()
    {
        string path = Path.Combine(TestScratch.NewDirectory("simdata"), "pbsc-srd.parquet");
        await SyntheticEvents.WriteAsync(path, SyntheticEvents.DataCommand, CutFlowCounterTests.Mixture());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => SimulationSample.OpenAsync(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truth is blinded", e.Message, StringComparison.Ordinal);
    }
}

using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Soak;
using Xunit;

namespace Emiss.Detector.Tests.Soak;

public sealed class SoakBenchmarkTests
{
    private sealed class BrokenShowers : ICalorimeterShowerModel
    {
        public string Name => "broken";

        public void Deposit(in IncidentParticle particle, ref EventRng rng, CalorimeterDeposits into) =>
            throw new InvalidOperationException("broken calorimeter model");
    }

    [Fact]
    public void Soak_counts_every_event_and_reports_the_slowest_replays_among_the_slowest_in_the_run()
    {
        var request = new SoakRequest([4, 9], 700, FirstEvent: 1000, Threads: 2, Slowest: 5, WarmupSeconds: 0);
        SoakResult r = SoakBenchmark.Run(TestCards.PbSc, request);
        Assert.Equal(1400, r.Events);
        Assert.Equal([4UL, 9UL], r.Seeds);
        Assert.Equal(0, r.FailureCount);
        Assert.Equal(5, r.Slowest.Count);
        for (int i = 1; i < r.Slowest.Count; i++) Assert.True(r.Slowest[i - 1].ReplayCpuSeconds >= r.Slowest[i].ReplayCpuSeconds);
        foreach (SlowEvent e in r.Slowest)
        {
            Assert.Contains(e.Seed, r.Seeds);
            Assert.InRange(e.EventIndex, 1000, 1699);
            Assert.True(e.ReplayCpuSeconds > 0);
            Assert.True(e.CpuSeconds >= r.MeanEventCpuSeconds, "candidates are the slowest 50 of 1400 in the run");
        }
        Assert.True(r.EventsPerSecond > 0);
    }

    [Fact]
    public void A_failing_event_is_recorded_with_its_seed_and_index_and_the_run_goes_on()
    {
        var request = new SoakRequest([3], 150, FirstEvent: 20, Threads: 2, Slowest: 0, WarmupSeconds: 0);
        // The warm-up event fails too; it is not a measured event, so it is not counted.
        SoakResult r = SoakBenchmark.Run(TestCards.PbSc, request, showerModel: new BrokenShowers());
        Assert.Equal(150, r.FailureCount);
        Assert.Equal(100, r.Failures.Count);
        Assert.Equal(20, r.Failures[0].EventIndex);
        Assert.Equal("internal error in detector simulation, seed 3, event 20 (InvalidOperationException: broken calorimeter model); replay that event alone to debug it",
            r.Failures[0].Message);
    }
}

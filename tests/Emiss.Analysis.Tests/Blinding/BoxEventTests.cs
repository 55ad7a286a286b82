using Emiss.Analysis.Blinding;
using Emiss.Analysis.Tests.CutFlow;
using Emiss.Analysis.Tests.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Blinding;

/// <summary>
/// The box-event list (docs/physics/blinding.md#box-events) on <see cref="CutFlowCounterTests.Mixture"/>: 128 hand-made
/// events whose cut outcome is known by construction; the 5 that pass every cut inside the box are rows 114–118
/// (after 40 + 30 + 20 + 10 + 8 + 6 events that fail a cut), E_ECAL = 30 GeV, E_HCAL = 0.2 GeV, true process
/// <see cref="TrueProcess.DarkPhotonSignal"/>. The 74 other events in the blinded region fail a cut and are not listed.
/// </summary>
public sealed class BoxEventTests
{
    private static readonly DateTimeOffset When = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(string Data, string Analysis)> DataAsync(string name, string command, int rowGroup = 50)
    {
        string root = TestScratch.NewDirectory(name);
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await SyntheticEvents.WriteAsync(Path.Combine(data, "pbsc-srd.parquet"), command, CutFlowCounterTests.Mixture(), rowGroup);
        return (data, Path.Combine(root, "analysis"));
    }

    [Fact]
    public async Task While_blind_the_box_events_are_refused()
    {
        var (data, analysis) = await DataAsync("box-blind", SyntheticEvents.DataCommand);
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        Assert.True(set.IsBlind);
        var e = await Assert.ThrowsAsync<BlindingException>(() => set.BoxEventsAsync(SyntheticEvents.SeedCuts()));
        Assert.Contains("blind", e.Message, StringComparison.Ordinal);
        Assert.Contains("emiss unblind", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_unblinding_the_list_holds_exactly_the_events_passing_every_cut_in_the_box()
    {
        var (data, analysis) = await DataAsync("box-open", SyntheticEvents.DataCommand);
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        set.Unblind(cuts, "sidebands validated", "tester", When);
        IReadOnlyList<BoxEvent> box = await set.BoxEventsAsync(cuts);
        Assert.Equal([114L, 115, 116, 117, 118], box.Select(b => b.Event));
        // The row values written by SyntheticEvents.Fill for a passing event.
        Assert.All(box, b =>
        {
            Assert.Equal(("pbsc-srd", 1, 30.0, 0.2, 50.0, 100.3, 0.2, 0.01, 1.0), (b.Sample, b.Run, b.EcalGeV, b.HcalGeV, b.SrdMeV, b.TrackMomentumGeV, b.TrackThetaMrad, b.V2MeV, b.Weight));
            Assert.Equal((int)TrueProcess.DarkPhotonSignal, b.TrueProcess);
        });
        // The same count as the unblinded cut flow's signal-box row.
        Assert.Equal((await set.CutFlowAsync(cuts)).Regions.Single(r => r.Region == "signal_box").Events, box.Count);
    }

    [Fact]
    public async Task The_list_does_not_depend_on_the_row_group_size()
    {
        var (d1, a1) = await DataAsync("box-rg1", SyntheticEvents.DataCommand, rowGroup: 7);
        var (d2, a2) = await DataAsync("box-rg2", SyntheticEvents.DataCommand, rowGroup: 1000);
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using BlindDataSet s1 = await BlindDataSet.OpenAsync(d1, a1);
        await using BlindDataSet s2 = await BlindDataSet.OpenAsync(d2, a2);
        s1.Unblind(cuts, "validated", "tester", When);
        s2.Unblind(cuts, "validated", "tester", When);
        Assert.Equal(await s2.BoxEventsAsync(cuts), await s1.BoxEventsAsync(cuts));
    }

    [Fact]
    public async Task Truth_is_read_only_from_files_an_emiss_generator_wrote()
    {
        var (data, analysis) = await DataAsync("box-data", "na64 daq converter run 2016");
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        set.Unblind(cuts, "validated", "tester", When);
        IReadOnlyList<BoxEvent> box = await set.BoxEventsAsync(cuts);
        Assert.Equal(5, box.Count);
        Assert.All(box, b => Assert.Null(b.TrueProcess));
        Assert.True(BlindDataSet.IsGeneratedCommand("emiss pseudodata --seed 1 --out data"));
        Assert.True(BlindDataSet.IsGeneratedCommand("emiss reproduce"));
        Assert.False(BlindDataSet.IsGeneratedCommand("emiss pseudodatax --out d"));
        Assert.False(BlindDataSet.IsGeneratedCommand("emiss analyze --data d --out a"));
    }

    [Fact]
    public async Task After_unblinding_other_cuts_are_refused()
    {
        var (data, analysis) = await DataAsync("box-cuts", SyntheticEvents.DataCommand);
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        set.Unblind(cuts, "validated", "tester", When);
        var e = await Assert.ThrowsAsync<BlindingException>(() => set.BoxEventsAsync(cuts with { V2 = new VetoCut { MaxMeV = 0.9 } }));
        Assert.Contains("the cuts differ from those frozen at unblinding", e.Message, StringComparison.Ordinal);
    }
}

using Emiss.Analysis.CutFlow;
using Emiss.Analysis.Tests.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Xunit;

namespace Emiss.Analysis.Tests.CutFlow;

public sealed class CutFlowCounterTests
{
    /// <summary>Rows per failing stage (null = passes all) and region: the expected cut flow is known by construction.</summary>
    internal static List<EventSpec> Mixture()
    {
        var specs = new List<EventSpec>();
        void Add(int n, EventSpec s) => specs.AddRange(Enumerable.Repeat(s, n));
        Add(40, new EventSpec(95, 2, CutStage.PhysicsTrigger, TrueProcess.BeamElectron));
        Add(30, new EventSpec(30, 0.2, CutStage.LooseSrd, TrueProcess.DecayInFlight));
        Add(20, new EventSpec(30, 0.2, CutStage.Track, TrueProcess.BeamElectron));
        Add(10, new EventSpec(30, 0.2, CutStage.Srd, TrueProcess.BeamElectron));
        Add(8, new EventSpec(30, 0.2, CutStage.EcalShape, TrueProcess.Dimuon));
        Add(6, new EventSpec(30, 0.2, CutStage.V2, TrueProcess.Dimuon));
        Add(5, new EventSpec(30, 0.2, null, TrueProcess.DarkPhotonSignal));   // signal box
        Add(4, new EventSpec(30, 12, null, TrueProcess.Photonuclear));       // sideband A
        Add(3, new EventSpec(60, 0.3, null, TrueProcess.BeamElectron));          // sideband C
        Add(2, new EventSpec(70, 25, null, TrueProcess.BeamElectron));           // other
        return specs;
    }

    [Fact]
    public void Cumulative_counts_and_efficiencies_match_the_construction()
    {
        List<EventSpec> specs = Mixture();
        var b = new EventBatch(specs.Count, 36, 4) { Count = specs.Count };
        for (int i = 0; i < specs.Count; i++) SyntheticEvents.Fill(b, i, i, specs[i]);
        var counter = new CutFlowCounter(new SelectionEvaluator(SyntheticEvents.SeedCuts(), 6, 6));
        counter.Add("mc", SelectionColumns.FromBatch(b, 6, 6), b.TrueProcessCode.AsSpan(0, b.Count));
        CutFlowResult r = counter.Result(includeSignalBox: true);
        long[] expected = [128, 88, 58, 38, 28, 20, 14];
        long[] got = [.. r.Rows.Where(x => x.Source == "all").Select(x => x.Events)];
        Assert.Equal(expected, got);
        CutFlowRow v2 = r.Rows.Single(x => x.Source == "all" && x.Cut == "iv_v2");
        Assert.Equal(14.0 / 20.0, v2.Efficiency, 15);
        Assert.Equal(14.0 / 128.0, v2.CumulativeEfficiency, 15);
        long Region(string name, string source = "all") => r.Regions.Single(x => x.Source == source && x.Region == name).Events;
        Assert.Equal(5, Region("signal_box"));
        Assert.Equal(4, Region("sideband_a"));
        Assert.Equal(3, Region("sideband_c"));
        Assert.Equal(2, Region("other"));
        Assert.Equal(5, Region("signal_box", nameof(TrueProcess.DarkPhotonSignal)));
        // Per-source rows add up to the all-source rows at every stage.
        foreach (string cut in r.Rows.Select(x => x.Cut).Distinct())
            Assert.Equal(r.Rows.Single(x => x.Source == "all" && x.Cut == cut).Events, r.Rows.Where(x => x.Source != "all" && x.Cut == cut).Sum(x => x.Events));
    }

    [Fact]
    public void Without_the_box_there_is_no_box_row_and_merging_adds_counts()
    {
        List<EventSpec> specs = Mixture();
        var b = new EventBatch(specs.Count, 36, 4) { Count = specs.Count };
        for (int i = 0; i < specs.Count; i++) SyntheticEvents.Fill(b, i, i, specs[i]);
        var eval = new SelectionEvaluator(SyntheticEvents.SeedCuts(), 6, 6);
        var a = new CutFlowCounter(eval);
        var c = new CutFlowCounter(eval);
        a.Add("d", SelectionColumns.FromBatch(b, 6, 6));
        c.Add("d", SelectionColumns.FromBatch(b, 6, 6));
        a.Merge(c);
        CutFlowResult r = a.Result(includeSignalBox: false);
        Assert.DoesNotContain(r.Regions, x => x.Region == "signal_box");
        Assert.Equal(256, r.Rows.Single(x => x.Cut == "all").Events);
        Assert.All(r.Rows, x => Assert.Equal("all", x.Source));
    }
}

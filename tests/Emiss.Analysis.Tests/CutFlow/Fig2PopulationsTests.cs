using Emiss.Analysis.CutFlow;
using Emiss.Analysis.Tests.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Xunit;

namespace Emiss.Analysis.Tests.CutFlow;

public sealed class Fig2PopulationsTests
{
    [Theory]
    [InlineData(30, 65, 1)]    // E_ECAL + E_HCAL = 95 GeV with hadronic energy: electroproduction (region II)
    [InlineData(85, 34.9, 1)]  // 119.9 GeV: still within 20 % of E0
    [InlineData(100, 20.1, 2)] // 120.1 GeV: more than one beam particle (region III)
    [InlineData(160, 0.2, 2)]  // a pile-up electron on top of a full shower, no HCAL energy
    [InlineData(79, 0.5, -1)]  // E_HCAL below the box edge: not electroproduction
    [InlineData(20, 8, -1)]    // dimuon-like (region I) and sideband A
    public void Regions_follow_the_energy_sum_and_the_hcal_edge(double ecal, double hcal, int expected) =>
        Assert.Equal(expected, Fig2Populations.RegionOf(ecal, hcal, 1.0, 100.0));

    [Fact]
    public void Counts_only_events_after_the_loose_srd_cut_per_run_and_in_sum()
    {
        var specs = new List<EventSpec>();
        void Add(int n, EventSpec s) => specs.AddRange(Enumerable.Repeat(s, n));
        Add(7, new EventSpec(150, 30, CutStage.LooseSrd, TrueProcess.BeamElectron, Run: 1));   // fails the loose SRD cut: not counted
        Add(6, new EventSpec(150, 30, CutStage.PhysicsTrigger, TrueProcess.BeamElectron, Run: 1));
        Add(2, new EventSpec(150, 30, CutStage.Track, TrueProcess.BeamElectron, Run: 1));       // region III, fails a later cut: counted
        Add(5, new EventSpec(40, 58, null, TrueProcess.Photonuclear, Run: 1));                   // region II
        Add(3, new EventSpec(30, 0.2, null, TrueProcess.BeamElectron, Run: 1));                  // neither
        Add(4, new EventSpec(40, 58, CutStage.Srd, TrueProcess.Photonuclear, Run: 2));           // region II
        Add(1, new EventSpec(130, 0.2, null, TrueProcess.BeamElectron, Run: 2));                 // region III
        var b = new EventBatch(specs.Count, 36, 4) { Count = specs.Count };
        for (int i = 0; i < specs.Count; i++) SyntheticEvents.Fill(b, i, i, specs[i]);
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        var evaluator = new SelectionEvaluator(cuts, 6, 6);
        var populations = new Fig2Populations(cuts, 100.0);
        SelectionColumns c = SelectionColumns.FromBatch(b, 6, 6);
        for (int i = 0; i < c.Count; i++) populations.Add(c, i, evaluator.LastPassed(c, i));

        var rows = populations.Result().ToDictionary(r => (r.Run, r.Population));
        Assert.Equal((10L, 2L, 5L), (rows[(1, "loose_srd")].Events, rows[(1, "region_iii")].Events, rows[(1, "region_ii")].Events));
        Assert.Equal((5L, 1L, 4L), (rows[(2, "loose_srd")].Events, rows[(2, "region_iii")].Events, rows[(2, "region_ii")].Events));
        Assert.Equal((15L, 3L, 9L), (rows[(0, "loose_srd")].Events, rows[(0, "region_iii")].Events, rows[(0, "region_ii")].Events));
        Assert.Equal(0.2, rows[(1, "region_iii")].FractionOfLooseSrd, 12);
        Assert.Equal(0.2, rows[(0, "region_iii")].FractionOfLooseSrd, 12);
        Assert.Equal(0.6, rows[(0, "region_ii")].FractionOfLooseSrd, 12);
        Assert.Equal(1.0, rows[(0, "loose_srd")].FractionOfLooseSrd, 12);
    }
}

using Emiss.Analysis.Tests.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Xunit;

namespace Emiss.Analysis.Tests.Selection;

public sealed class SelectionEvaluatorTests
{
    private static SelectionColumns One(EventSpec spec)
    {
        var b = new EventBatch(1, SyntheticEvents.CellsX * SyntheticEvents.CellsY, SyntheticEvents.HcalModules) { Count = 1 };
        SyntheticEvents.Fill(b, 0, 0, spec);
        return SelectionColumns.FromBatch(b, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
    }

    private static readonly SelectionEvaluator Evaluator = new(SyntheticEvents.SeedCuts(), SyntheticEvents.CellsX, SyntheticEvents.CellsY);

    [Fact]
    public void An_event_built_to_pass_passes_every_cut()
    {
        Assert.Equal(CutStage.V2, Evaluator.LastPassed(One(new EventSpec(30, 0.2)), 0));
    }

    // Each failing row breaks exactly one cut: it must stop at the stage before it.
    [Theory]
    [InlineData(CutStage.PhysicsTrigger, CutStage.All)]
    [InlineData(CutStage.LooseSrd, CutStage.PhysicsTrigger)]
    [InlineData(CutStage.Track, CutStage.LooseSrd)]
    [InlineData(CutStage.Srd, CutStage.Track)]
    [InlineData(CutStage.EcalShape, CutStage.Srd)]
    [InlineData(CutStage.V2, CutStage.EcalShape)]
    public void An_event_failing_one_cut_stops_just_before_it(CutStage fails, CutStage lastPassed)
    {
        Assert.Equal(lastPassed, Evaluator.LastPassed(One(new EventSpec(30, 0.2, fails)), 0));
    }

    [Fact]
    public void Absent_track_and_nan_values_fail_their_cuts()
    {
        SelectionColumns c = One(new EventSpec(30, 0.2));
        c.TrackOk[0] = false;
        c.TrackThetaMrad[0] = double.NaN;
        c.TrackMomentumGeV[0] = double.NaN;
        Assert.Equal(CutStage.LooseSrd, Evaluator.LastPassed(c, 0));
        c = One(new EventSpec(30, 0.2));
        c.SrdEnergyMeV[0] = double.NaN;
        Assert.Equal(CutStage.PhysicsTrigger, Evaluator.LastPassed(c, 0));
        c = One(new EventSpec(30, 0.2));
        c.V2EnergyMeV[0] = double.NaN;
        Assert.Equal(CutStage.EcalShape, Evaluator.LastPassed(c, 0));
    }

    [Fact]
    public void Track_momentum_window_is_symmetric_about_the_nominal_momentum()
    {
        SelectionColumns c = One(new EventSpec(30, 0.2));
        c.TrackMomentumGeV[0] = 109.9;
        Assert.Equal(CutStage.V2, Evaluator.LastPassed(c, 0));
        c.TrackMomentumGeV[0] = 89.9;
        Assert.Equal(CutStage.LooseSrd, Evaluator.LastPassed(c, 0));
        c.TrackMomentumGeV[0] = -100.0; // a positive particle bends the other way
        Assert.Equal(CutStage.LooseSrd, Evaluator.LastPassed(c, 0));
    }

    /// <summary>The table is interpolated linearly in ln E_ECAL between nodes and held at the end values outside; without
    /// a table the fixed preshowerMinGeV applies at every energy.</summary>
    [Fact]
    public void Preshower_threshold_interpolates_in_log_energy_and_is_fixed_without_a_table()
    {
        SelectionCuts seed = SyntheticEvents.SeedCuts();
        var table = new PreshowerThresholdTable { EnergiesGeV = [2, 8, 32], MinGeV = [0.1, 0.3, 0.4] };
        var scaled = new SelectionEvaluator(seed with { Ecal = seed.Ecal with { PreshowerMinTable = table } }, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
        Assert.Equal(0.1, scaled.PreshowerThreshold(1), 12);
        Assert.Equal(0.2, scaled.PreshowerThreshold(4), 12);     // ln 4 is half-way between ln 2 and ln 8
        Assert.Equal(0.35, scaled.PreshowerThreshold(16), 12);
        Assert.Equal(0.4, scaled.PreshowerThreshold(100), 12);
        var fixedCut = new SelectionEvaluator(seed with { Ecal = seed.Ecal with { PreshowerMinTable = null } }, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
        Assert.Equal(seed.Ecal.PreshowerMinGeV, fixedCut.PreshowerThreshold(3), 12);
        Assert.Equal(seed.Ecal.PreshowerMinGeV, fixedCut.PreshowerThreshold(90), 12);
    }

    /// <summary>A 3 GeV shower with 0.3 GeV in the preshower passes the energy-scaled cut (threshold 0.12 GeV) and fails
    /// the fixed 0.7 GeV one.</summary>
    [Fact]
    public void A_soft_shower_passes_the_scaled_preshower_cut_that_the_fixed_one_refuses()
    {
        SelectionCuts seed = SyntheticEvents.SeedCuts();
        var b = new EventBatch(1, SyntheticEvents.CellsX * SyntheticEvents.CellsY, SyntheticEvents.HcalModules) { Count = 1 };
        SyntheticEvents.Fill(b, 0, 0, new EventSpec(3, 0.2));
        b.EcalPreshowerGeV[0] = 0.3;
        SelectionColumns c = SelectionColumns.FromBatch(b, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
        Assert.Equal(CutStage.V2, new SelectionEvaluator(seed, SyntheticEvents.CellsX, SyntheticEvents.CellsY).LastPassed(c, 0));
        var fixedCut = new SelectionEvaluator(seed with { Ecal = seed.Ecal with { PreshowerMinTable = null } }, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
        Assert.Equal(CutStage.Srd, fixedCut.LastPassed(c, 0));
    }

    [Fact]
    public void Invalid_preshower_tables_are_named()
    {
        SelectionCuts seed = SyntheticEvents.SeedCuts();
        string[] Problems(PreshowerThresholdTable t) => [.. (seed with { Ecal = seed.Ecal with { PreshowerMinTable = t } }).Validate()];
        Assert.Contains(Problems(new PreshowerThresholdTable { EnergiesGeV = [5, 2], MinGeV = [0.1, 0.2] }), p => p.StartsWith("ecal.preshowerMinTable.energiesGeV", StringComparison.Ordinal));
        Assert.Contains(Problems(new PreshowerThresholdTable { EnergiesGeV = [2, 5], MinGeV = [0.1] }), p => p.StartsWith("ecal.preshowerMinTable", StringComparison.Ordinal));
        Assert.Contains(Problems(new PreshowerThresholdTable { EnergiesGeV = [2, 5], MinGeV = [0.1, double.NaN] }), p => p.StartsWith("ecal.preshowerMinTable.minGeV", StringComparison.Ordinal));
    }

    [Fact]
    public void Leaking_shower_fails_lateral_containment()
    {
        SelectionColumns c = One(new EventSpec(30, 0.2));
        // Move 10 % of E_ECAL to a corner cell outside the 3×3: containment 0.985 − 0.10 < 0.94.
        c.EcalCellGeV[0] = 3.0f;
        c.EcalCellGeV[SyntheticEvents.BeamCell] -= 3.0f;
        Assert.Equal(CutStage.Srd, Evaluator.LastPassed(c, 0));
    }

    [Fact]
    public void Chi2_is_zero_for_the_template_and_follows_the_closed_form_for_one_deviating_cell()
    {
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        const double e = 25.0;
        double[] cells = [.. cuts.Ecal.ShapeFractions.Select(f => f * e)];
        Assert.Equal(0.0, Evaluator.ShapeChi2(cells, e), 15);
        cells[4] += 0.02 * e; // central fraction up by 0.02
        // χ²/9 = (0.02/σ₄)² · (E/E_ref) / 9 with σ₄ = 0.0518, E_ref = 100 GeV.
        double expected = Math.Pow(0.02 / 0.0518, 2) * (e / 100.0) / 9.0;
        Assert.Equal(expected, Evaluator.ShapeChi2(cells, e), 12);
    }

    [Theory]
    [InlineData(49.99, 0.99, SignalRegion.SignalBox)]
    [InlineData(49.99, 1.0, SignalRegion.SidebandA)]
    [InlineData(50.0, 0.99, SignalRegion.SidebandC)]
    [InlineData(79.99, 0.0, SignalRegion.SidebandC)]
    [InlineData(80.0, 0.0, SignalRegion.Other)]
    [InlineData(60.0, 40.0, SignalRegion.Other)]
    public void Regions_follow_the_seeds_figure_2(double ecal, double hcal, SignalRegion region)
    {
        Assert.Equal(region, Evaluator.RegionOf(ecal, hcal));
    }

    [Fact]
    public void Invalid_cut_values_are_named()
    {
        SelectionCuts bad = SyntheticEvents.SeedCuts() with
        {
            Srd = new SrdCut { MinMeV = 300, MaxMeV = 240, TimeWindowNs = 10 },
            Ecal = SyntheticEvents.SeedCuts().Ecal with { ShapeFractions = [0.5] },
        };
        IReadOnlyList<string> problems = bad.Validate();
        Assert.Contains(problems, p => p.StartsWith("srd:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ecal.shapeFractions:", StringComparison.Ordinal));
        var e = Assert.Throws<ArgumentException>(() => new SelectionEvaluator(bad, 6, 6));
        Assert.Contains("srd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_beam_cell_on_the_ecal_edge_is_refused()
    {
        SelectionCuts edge = SyntheticEvents.SeedCuts() with { Ecal = SyntheticEvents.SeedCuts().Ecal with { BeamCellX = 5 } };
        var e = Assert.Throws<ArgumentException>(() => new SelectionEvaluator(edge, 6, 6));
        Assert.Contains("3×3", e.Message, StringComparison.Ordinal);
    }
}

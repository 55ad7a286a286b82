using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Events;
using Xunit;

namespace Emiss.Backgrounds.Tests.PseudoData;

public class RunGeneratorTests
{
    private static readonly IBackgroundSource[] Pions = [new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus)];

    /// <summary>The embedded PbSc card with a 10³ reference prescale, so that 10⁷ EOT give ≈ 10⁴ reference events.</summary>
    private static SetupCard Card => SetupPresets.ByName(SetupPresets.Na64_2016_PbSc) is var c ? c with { Daq = c.Daq with { ReferencePrescale = 1000 } } : null!;

    /// <summary>What a sharded campaign does per run: consecutive chunk ranges (one of them empty), each generated on
    /// its own with one thread, assembled, give the run that one call with two threads makes.</summary>
    [Fact]
    public void Chunk_ranges_assembled_equal_the_whole_run()
    {
        var run = new PseudoDataRun("pbsc", 1, Card, 4e6);
        RunOutput whole = RunGenerator.Generate(run, 11, Pions, null, threads: 2);
        RunPlan plan = RunGenerator.Plan(run, 11, Pions, null, threads: 1);
        int c = plan.ChunkCount, half = c / 2;
        Assert.True(c >= 2, $"only {c} chunk(s): the split would be trivial");
        RunPart[] parts = [RunGenerator.GenerateChunks(plan, 0, half, 1), RunGenerator.GenerateChunks(plan, half, half, 1), RunGenerator.GenerateChunks(plan, half, c, 1)];
        Assert.True(whole.RecordedEvents > 100, $"only {whole.RecordedEvents} recorded events");
        Assert.Equal(0, parts[1].Summary.RecordedEvents);
        RunOutput assembled = RunGenerator.Assemble(run, 11, parts);
        Assert.Equal(whole.RecordedEvents, assembled.RecordedEvents);
        EventBatch[] ra = [.. whole.Batches], rb = [.. assembled.Batches];
        Assert.Equal(ra.Select(x => x.Count), rb.Select(x => x.Count));
        for (int i = 0; i < ra.Length; i++)
        {
            Assert.Equal(ra[i].Event.Take(ra[i].Count), rb[i].Event.Take(rb[i].Count));
            Assert.Equal(ra[i].EcalEnergyGeV.Take(ra[i].Count), rb[i].EcalEnergyGeV.Take(rb[i].Count));
            Assert.Equal(ra[i].Spill.Take(ra[i].Count), rb[i].Spill.Take(rb[i].Count));
            Assert.Equal(ra[i].Trigger.Take(ra[i].Count), rb[i].Trigger.Take(rb[i].Count));
            Assert.Equal(ra[i].TrueProcessCode.Take(ra[i].Count), rb[i].TrueProcessCode.Take(rb[i].Count));
        }
        Assert.Equal(whole.Tallies, assembled.Tallies);
        Assert.Equal(whole.Spills, assembled.Spills);
        Assert.Equal(whole.ReferenceGenerated, assembled.ReferenceGenerated);
    }

    /// <summary>A source draws its Poisson count from its catalogue slot: alone, in a subset in another order, or in the
    /// full catalogue it plans the same number of events (`study seeds --sources` then samples the full campaign's runs).</summary>
    [Fact]
    public void A_source_plans_the_same_count_alone_in_a_subset_and_in_the_catalogue()
    {
        var run = new PseudoDataRun("pbsc", 1, Card, 2.75e9);
        IBackgroundSource decays = SourceCatalog.Find("decay-in-flight")!, pileUp = SourceCatalog.Find("pileup-decay")!;
        long CountOf(IReadOnlyList<IBackgroundSource> sources, IBackgroundSource source) =>
            RunGenerator.Plan(run, 20160817, sources, null, threads: 1).Slots.Single(x => ReferenceEquals(x.Source, source)).Count;
        long inCatalogue = CountOf(SourceCatalog.All, decays);
        Assert.True(inCatalogue > 0, "the full-exposure PbSc run plans no decay-in-flight event");
        Assert.Equal(inCatalogue, CountOf([decays], decays));
        Assert.Equal(inCatalogue, CountOf([pileUp, decays], decays));
        Assert.Equal(CountOf(SourceCatalog.All, pileUp), CountOf([pileUp, decays], pileUp));
    }

    [Fact]
    public void Output_is_identical_for_one_and_two_threads()
    {
        var run = new PseudoDataRun("pbsc", 1, Card, 4e6);
        RunOutput a = RunGenerator.Generate(run, 11, Pions, threads: 1);
        RunOutput b = RunGenerator.Generate(run, 11, Pions, threads: 2);
        EventBatch[] ra = [.. a.Batches], rb = [.. b.Batches];
        Assert.True(a.RecordedEvents > 100, $"only {a.RecordedEvents} recorded events");
        Assert.Equal(a.RecordedEvents, b.RecordedEvents);
        long[] ea = [.. ra.SelectMany(x => x.Event.Take(x.Count))], eb = [.. rb.SelectMany(x => x.Event.Take(x.Count))];
        Assert.Equal(ea, eb);
        double[] ca = [.. ra.SelectMany(x => x.EcalEnergyGeV.Take(x.Count))], cb = [.. rb.SelectMany(x => x.EcalEnergyGeV.Take(x.Count))];
        Assert.Equal(ca, cb);
        int[] sa = [.. ra.SelectMany(x => x.Spill.Take(x.Count))], sb = [.. rb.SelectMany(x => x.Spill.Take(x.Count))];
        Assert.Equal(sa, sb);
        Assert.Equal(a.Tallies, b.Tallies);
        Assert.Equal(a.Spills, b.Spills);
    }

    [Fact]
    public void Source_counts_are_Poisson_around_the_rate_and_only_skimmed_or_reference_events_are_kept()
    {
        var run = new PseudoDataRun("pbsc", 1, Card, 4e6);
        RunOutput o = RunGenerator.Generate(run, 5, Pions, threads: 0);
        SourceTally t = Assert.Single(o.Tallies);
        Assert.InRange(t.Generated, t.ExpectedEvents - 5 * Math.Sqrt(t.ExpectedEvents), t.ExpectedEvents + 5 * Math.Sqrt(t.ExpectedEvents));
        Assert.True(t.Generated >= t.PhysicsTriggered && t.PhysicsTriggered >= t.Skimmed && t.Skimmed >= t.Recorded && t.Recorded > 0, t.ToString());
        foreach (EventBatch b in o.Batches)
            for (int r = 0; r < b.Count; r++)
            {
                var bits = (TriggerBits)b.Trigger[r];
                bool reference = (bits & TriggerBits.Reference) != 0;
                Assert.True(reference || ((bits & TriggerBits.Physics) != 0 && RunGenerator.PassesSkim(b, r, Card.Daq)), $"row {r}: trigger {bits}");
                Assert.Equal(1.0, b.Weight[r]);
                Assert.InRange(b.Spill[r], 0, o.Spills.Count - 1);
                if (!reference) Assert.Equal((int)TrueProcess.BeamPion, b.TrueProcessCode[r]);
            }
    }

    /// <summary>
    /// The seed counts EOT "based on the recorded number of reference events … taking into account dead time". Closure:
    /// electron-like reference events (E_ECAL > 80 GeV), each weighted by the prescale over its spill's live fraction,
    /// reproduce the generated EOT. Tolerance: 4σ of the Poisson count plus 3 % for electrons that lose more than 20 %
    /// of their energy upstream (the seed bounds such losses by ≲ 3 %).
    /// </summary>
    [Fact]
    public void Reference_events_corrected_for_dead_time_count_the_electrons_on_target()
    {
        SetupCard card = Card with { Daq = Card.Daq with { DeadTimeUs = 200 } }; // a large dead time, so the correction matters
        var run = new PseudoDataRun("pbsc", 1, card, 1e7);
        RunOutput o = RunGenerator.Generate(run, 3, [], threads: 0);
        double estimate = 0;
        long n = 0;
        foreach (EventBatch b in o.Batches)
            for (int r = 0; r < b.Count; r++)
                if (((TriggerBits)b.Trigger[r] & TriggerBits.Reference) != 0 && b.EcalEnergyGeV[r] > 80)
                {
                    estimate += card.Daq.ReferencePrescale / o.Spills[b.Spill[r]].LiveFraction;
                    n++;
                }
        double meanLive = o.Spills.Average(s => s.LiveFraction);
        Assert.True(meanLive < 0.9, $"live fraction {meanLive}: the test needs a visible dead time");
        double tol = 4 / Math.Sqrt(n) + 0.03;
        Assert.InRange(estimate / run.ElectronsOnTarget, 1 - tol, 1 + tol);
        // Without the dead-time correction the count is low by the live fraction: the correction is needed.
        Assert.True(n * card.Daq.ReferencePrescale / run.ElectronsOnTarget < 1 - tol);
    }
}

using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Sources.PunchThrough;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>The punch-through-photon source in the catalogue, in pseudo-data and in the method-1 estimate
/// (docs/physics/pseudo-data.md#punch-through-photons).</summary>
public sealed class PunchThroughPhotonEstimateTests(ITestOutputHelper output)
{
    private static readonly IBackgroundSource Source = SourceCatalog.Find("punch-through-photon")!;

    [Fact]
    public void Source_is_last_in_the_catalogue_and_fills_the_first_Table_I_row()
    {
        Assert.NotNull(Source);
        Assert.IsType<PunchThroughPhotonSource>(Source);
        // Appended: the slots (and so the pseudo-data streams) of the ten earlier sources are unchanged.
        Assert.Equal(SourceCatalog.All.Count, SourceCatalog.SlotOf(Source));
        Assert.Equal(11, SourceCatalog.SlotOf(Source));
        Assert.Equal(TrueProcess.PunchThroughPhoton, Source.Process);
        Assert.Equal(28, (int)Source.Process);
        Assert.Same(SeedTableI.Rows[0], SeedTableI.RowOf(Source.Name));
        Assert.All(SeedTableI.Rows, r => Assert.NotEmpty(r.Sources));
    }

    [Fact]
    public void Rate_lies_between_the_constant_attenuation_bounds()
    {
        // Survival falls with the attenuation, so R with the k-dependent μ(k) lies between the yields with μ fixed at its
        // smallest and at its largest value over [k_min, E_beam] (a limit of the same integral, exact).
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        SourceRate rate = Source.RatePerEot(model).Validated(Source.Name);
        PunchThroughYield y = PunchThroughPhotonSource.Yield(model);
        double kMin = y.MinimumPhotonGeV, e0 = model.Card.Beam.EnergyGeV;
        double[] ks = [.. Enumerable.Range(0, 41).Select(i => kMin * Math.Pow(e0 / kMin, i / 40.0))];
        double aLo = ks.Min(y.Path.EcalPerX0), aHi = ks.Max(y.Path.EcalPerX0), tLo = ks.Min(y.Path.Downstream), tHi = ks.Max(y.Path.Downstream);
        double Fixed(double a, double tau) =>
            new PunchThroughYield(PhotonPathAttenuation.Constant(y.Path.EcalDepthX0, a, tau, y.Path.LowGeV, y.Path.HighGeV), kMin).PerElectron(e0);
        double lo = Fixed(aHi, tHi), hi = Fixed(aLo, tLo);
        output.WriteLine($"PbSc: R = {rate.PerEot:E4} per EOT (bounds {lo:E3}–{hi:E3}); a(k) {aLo:F4}–{aHi:F4} /X0 over T = {y.Path.EcalDepthX0:F2} X0, " +
                         $"τ(k) {tLo:F2}–{tHi:F2}; N(2.75e9 EOT) = {2.75e9 * rate.PerEot:E3}; {rate.Derivation}");
        Assert.InRange(rate.PerEot, lo * (1 - 1e-9), hi * (1 + 1e-9));
        // The seed bounds the row by < 0.001 events in 2.75·10⁹ EOT.
        Assert.True(2.75e9 * rate.PerEot < SeedTableI.Rows[0].Events, $"{2.75e9 * rate.PerEot:E3} events exceed the seed's bound");
        Assert.True(rate.PerEot > 0, "the rate must be a number, not 0");
    }

    [Fact]
    public void Adding_the_source_leaves_every_other_sources_pseudo_data_plan_unchanged()
    {
        // The Poisson counts come from catalogue slots: the full catalogue with and without the appended source plans the
        // same events for the ten others, and this source's expected count (≈ 10⁻¹⁰⁰) draws none.
        var run = new PseudoDataRun("pbsc", 1, SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 2.75e9);
        var others = SourceCatalog.All.Where(s => !ReferenceEquals(s, Source)).ToList();
        RunPlan with = RunGenerator.Plan(run, 20160817, SourceCatalog.All, null, threads: 1);
        RunPlan without = RunGenerator.Plan(run, 20160817, others, null, threads: 1);
        var withCounts = with.Slots.Where(s => s.Source is not null && !ReferenceEquals(s.Source, Source)).Select(s => (s.Slot, s.Count));
        Assert.Equal(without.Slots.Where(s => s.Source is not null).Select(s => (s.Slot, s.Count)), withCounts);
        Assert.Equal(0, with.Slots.Single(s => ReferenceEquals(s.Source, Source)).Count);
        // The rest of the plan too: trigger calibration, spills and dead time, reference events, and the chunks by slot.
        Assert.Equal(without.TriggerFraction, with.TriggerFraction);
        Assert.Equal(without.References, with.References);
        Assert.Equal(without.Spills, with.Spills);
        Assert.Equal(without.Chunks.Select(c => (without.Slots[c.SlotIndex].Slot, c.From, c.To)), with.Chunks.Select(c => (with.Slots[c.SlotIndex].Slot, c.From, c.To)));
    }

    [Fact]
    public void Unbiased_events_leave_E_minus_k_in_the_ECAL_and_nothing_in_the_HCAL()
    {
        // Every drawn photon escapes: E_ECAL ≤ 55 GeV (+ 5σ of 9 %/√E at 55 GeV = 3 GeV) and E_HCAL is noise only
        // (4 modules × 0.03 GeV: 5σ = 0.3 GeV). Electrons that radiated upstream or bent off the ECAL (≈ 4 %,
        // docs/physics/beam-line.md#upstream-loss-constraint) keep their upstream photons beside them (E_ECAL may exceed
        // 55 GeV by that much), and those left below k_min are left as they are, like the other ECAL sources do.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 5);
        IEventPhysics process = Source.CreateProcess(model, false);
        var sim = new EventSimulator(model);
        const int events = 200;
        var batch = new EventBatch(events, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        int acted = 0;
        for (int i = 0; i < events; i++)
        {
            sim.Simulate(i, 1, process, 1.0, batch);
            Assert.Equal((int)TrueProcess.PunchThroughPhoton, batch.TrueProcessCode[i]);
            Assert.Equal(1.0, batch.Weight[i]);
            var r = sim.LastBeamLine;
            if (r.PrimaryLost || r.Primary.EnergyGeV - r.UpstreamBremGeV < PunchThroughPhotonSource.MinimumPhotonGeV(model) + 1
                || r.ArrivalKind[0] != Emiss.Detector.Beam.DetectorSpecies.Electron || !model.Layout.HitsEcal(r.ArrivalXCm[0], r.ArrivalYCm[0])) continue;
            acted++;
            Assert.True(batch.EcalEnergyGeV[i] < PunchThroughPhotonSource.MaximumEcalGeV + r.UpstreamBremGeV + 3, $"event {i}: E_ECAL = {batch.EcalEnergyGeV[i]} GeV");
            Assert.True(batch.HcalEnergyGeV[i] < 0.3, $"event {i}: E_HCAL = {batch.HcalEnergyGeV[i]} GeV");
        }
        Assert.True(acted > 0.9 * events, $"the process acted on only {acted} of {events} events");
    }

    [Fact]
    public void Box_estimate_is_the_rate_times_the_signal_like_acceptance()
    {
        // Method 1 for the PbSc run (1.88·10⁹ EOT, no pile-up), 2000 biased events. Every event is a 100 GeV electron that
        // leaves E − k ≤ 55 GeV in the ECAL and nothing behind it: signal-like, so the box keeps the share the seed gives for
        // the signal, 0.97 × 0.8 × 0.96 × 0.94 ≈ 0.70 (PRL 118, 011802), less E_ECAL ∈ [50, 55] GeV (≈ 10 %). Band written
        // before the run: N_EOT R × [0.25, 1.0] (0.6 within a factor ≈ 2.4; never above 1).
        var run = new PseudoDataRun("pbsc-srd", 1, BackgroundTestCards.PbScNoPileUp, 1.88e9);
        double rate = Source.RatePerEot(new DetectorModel(run.Card, 1)).PerEot;
        var one = BackgroundEstimator.Estimate(run, 7, [Source], 2000, SeedCuts.Na64_2016(), 1);
        SourceEstimate box = one[EstimateRegion.SignalBox];
        double acceptance = box.ExpectedEvents / (run.ElectronsOnTarget * rate);
        output.WriteLine($"punch-through box: {box.ExpectedEvents:E4} ± {box.StatError:E2} (stat) ± {box.SystError:E2} (syst), " +
                         $"{box.InRegion} of {box.Generated}; N_EOT R = {run.ElectronsOnTarget * rate:E4}; acceptance {acceptance:F3}");
        Assert.True(box.InRegion > 100, $"only {box.InRegion} weighted events reach the box");
        Assert.InRange(acceptance, 0.25, 1.0);
        // Same seed, another thread count: the same numbers.
        var two = BackgroundEstimator.Estimate(run, 7, [Source], 2000, SeedCuts.Na64_2016(), 2);
        Assert.Equal(one.Select(e => (e.ExpectedEvents, e.StatError, e.InRegion)), two.Select(e => (e.ExpectedEvents, e.StatError, e.InRegion)));
    }
}

using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Tests.Sources;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Biasing;

/// <summary>The photonuclear source's importance sampling inside the hadron response (docs/physics/hadron-biasing.md):
/// full detector events, biased with exact weights, against brute force where brute force reaches the region.</summary>
public sealed class PhotonuclearBiasingTests(ITestOutputHelper output)
{
    private static readonly PhotonuclearSource Source = new();

    /// <summary>After the trigger, SRD, track and ECAL-shape cuts (everything but V2), with E_ECAL below 50 GeV and E_HCAL
    /// below <paramref name="hcalMaxGeV"/>.</summary>
    private static Func<SelectionColumns, CutStage, int, bool> LowEcal(double hcalMaxGeV) =>
        (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 50 && c.HcalEnergyGeV[r] < hcalMaxGeV;

    private void Report(string what, WeightedSum unbiased, WeightedSum biased) =>
        output.WriteLine($"{what}: unbiased {unbiased}, biased {biased}, pull {biased.PullAgainst(unbiased):F2}");

    private static void AssertAgree(string what, WeightedSum unbiased, WeightedSum biased)
    {
        double pull = biased.PullAgainst(unbiased);
        Assert.True(unbiased.Hits >= 30, $"{what}: brute force must reach the region ({unbiased.Hits} events)");
        // 3.5σ of the two independent estimates: four comparisons in this class, false alarm ≈ 2·10⁻³.
        Assert.True(Math.Abs(pull) < 3.5, $"{what}: biased and brute-force estimates differ by {pull:F2} σ");
    }

    [Fact]
    public void Biased_estimate_equals_brute_force_where_hadrons_leave_the_ECAL_soft()
    {
        // The 2016 PbSc set-up without pile-up: E_ECAL < 50 GeV after the shape cut needs the hadrons (k ≥ 40 GeV) to leave
        // little in the ECAL — the composition bias and the forced flights of K⁰_L and neutrons both act on it.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 11);
        WeightedSum[] u = WeightedSum.Estimate(model, () => Source.CreateProcess(model, false), 1L << 30, 40000, SeedCuts.Na64_2016(), [LowEcal(1e9)]);
        WeightedSum[] b = WeightedSum.Estimate(model, () => Source.CreateProcess(model, true), 1L << 31, 20000, SeedCuts.Na64_2016(), [LowEcal(1e9)]);
        Report("E_ECAL < 50 GeV after cuts (i)–(iii)", u[0], b[0]);
        AssertAgree("E_ECAL < 50 GeV after cuts (i)–(iii)", u[0], b[0]);
    }

    [Fact]
    public void Biased_estimate_equals_brute_force_in_the_box_of_a_thin_hcal()
    {
        // Enhanced rate: HCAL modules of 4 instead of 48 Fe/Sc layers, so that a K⁰_L crosses the ECAL and the two modules of
        // E_HCAL with a probability of order 10 % and brute force fills the box (before V2) and E_HCAL < 10 GeV. The biased
        // process forces flights to this set-up's module fronts, as it does to the real one's.
        // 200 000 brute-force events, ≈ 55 box hits expected (≈ 3·10⁻⁴ per event): 80 000 and then 120 000 gave 26 hits (below
        // the 30 needed) when changes of the normal sampler (GFlash's two draws per shower, then the ziggurat) reshuffled the streams.
        SetupCard c = BackgroundTestCards.PbScNoPileUp;
        var model = new DetectorModel(c with { Hcal = c.Hcal with { LayersPerModule = 4 } }, 12);
        Func<SelectionColumns, CutStage, int, bool>[] regions = [LowEcal(1.0), LowEcal(10.0), LowEcal(1e9),
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 70 && c.HcalEnergyGeV[r] < 3,
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 70 && c.HcalEnergyGeV[r] < 10];
        WeightedSum[] u = WeightedSum.Estimate(model, () => Source.CreateProcess(model, false), 1L << 30, 200000, SeedCuts.Na64_2016(), regions);
        WeightedSum[] b = WeightedSum.Estimate(model, () => Source.CreateProcess(model, true), 1L << 31, 20000, SeedCuts.Na64_2016(), regions);
        string[] names = ["E_ECAL < 50, E_HCAL < 1 GeV", "E_ECAL < 50, E_HCAL < 10 GeV", "E_ECAL < 50 GeV", "E_ECAL < 70, E_HCAL < 3 GeV", "E_ECAL < 70, E_HCAL < 10 GeV"];
        for (int i = 0; i < regions.Length; i++) Report("thin HCAL: " + names[i], u[i], b[i]);
        for (int i = 0; i < regions.Length; i++) AssertAgree("thin HCAL: " + names[i], u[i], b[i]);
        // Figure of merit per generated event, relative error × √M: the bias must pay for itself in the box.
        Assert.True(b[0].Error / b[0].Mean * Math.Sqrt(20000) < u[0].Error / u[0].Mean * Math.Sqrt(200000),
                    "the biased process must estimate the thin-HCAL box more precisely per generated event");
    }

    [Fact]
    public void Method_one_reaches_the_signal_box_below_the_seeds_bound()
    {
        // The estimate `pseudodata` makes for the PbSc run (1.88·10⁹ EOT, the preset with pile-up, all cuts, 20 000 biased
        // events). The seed's Table I bounds "loss of hadrons from e⁻Z → e⁻ + hadrons" by < 0.01 events for the full
        // 2.75·10⁹ EOT; this source's share of it must lie below that bound (2σ), and today's value is pinned.
        var run = new PseudoDataRun("pbsc-srd", 1, SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 1.88e9);
        SourceEstimate box = BackgroundEstimator.Estimate(run, 5, [Source], 20000, SeedCuts.Na64_2016(), 0)[EstimateRegion.SignalBox];
        output.WriteLine($"forced depths: {string.Join(", ", PhotonuclearSource.DepthBiasing(new DetectorModel(run.Card, 1)).Depths.Select(d => d.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} λ_I");
        output.WriteLine($"photonuclear, signal box, pbsc-srd: {box.ExpectedEvents:E4} ± {box.StatError:E2} (stat) ± {box.SystError:E2} (syst), {box.InRegion} of {box.Generated} events");
        Assert.True(box.InRegion >= 5, $"only {box.InRegion} biased events reach the box");
        Assert.True(box.ExpectedEvents + 2 * box.StatError < SeedTableI.RowOf("photonuclear")!.Events,
                    $"{box.ExpectedEvents:E3} ± {box.StatError:E2} is not below the seed's bound");
        var gold = new GoldValue(GoldBox, 3 * GoldBoxStat,
            "gold value: branch h5 (first run of this test), seed 5, 20 000 biased events; tolerance 3σ of that estimate");
        Assert.True(Math.Abs(box.ExpectedEvents - gold.Value) <= gold.Tolerance,
                    $"box estimate {box.ExpectedEvents:E4} left its gold band {gold.Value:E4} ± {gold.Tolerance:E2} ({gold.Run})");
    }

    [Fact]
    public void Biased_estimate_does_not_depend_on_the_thread_count()
    {
        var run = new PseudoDataRun("pbsc-srd", 1, BackgroundTestCards.PbScNoPileUp, 1.88e9);
        var one = BackgroundEstimator.Estimate(run, 9, [Source], 5000, SeedCuts.Na64_2016(), 1);
        var three = BackgroundEstimator.Estimate(run, 9, [Source], 5000, SeedCuts.Na64_2016(), 3);
        Assert.Equal(one.Select(e => (e.ExpectedEvents, e.StatError, e.InRegion)), three.Select(e => (e.ExpectedEvents, e.StatError, e.InRegion)));
        Assert.Contains(one, e => e.InRegion > 0 && e.ExpectedEvents > 0);
    }

    /// <summary>Gold value of the PbSc box estimate and its statistical error (see the test).</summary>
    private const double GoldBox = 3.1111e-6, GoldBoxStat = 1.79e-6;
}

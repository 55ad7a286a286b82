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

/// <summary>The dimuon source's box sample: photon energies biased above 0.45 E_beam and forced muon decays, with exact
/// weights (docs/physics/muon-pairs.md#forced-decays), against brute force where brute force reaches the region.</summary>
public sealed class DimuonBiasingTests(ITestOutputHelper output)
{
    private static readonly DimuonSource Source = new();

    [Fact]
    public void Biased_estimate_equals_brute_force_where_the_pair_takes_the_energy()
    {
        // PbSc without pile-up. E_ECAL < 50 GeV after cuts (i)–(iii) needs k ≳ 50 GeV (≈ 1 % of the conversions, the region the
        // k bias fills) and region I (E_ECAL < 60, 6.1 ≤ E_HCAL < 12.2 GeV: both muons in the HCAL, which the forced decays
        // deplete and the weights must restore), and the two together with E_HCAL < 6.1 GeV (a muon gone). 3.5σ of the two
        // independent estimates: four comparisons.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 21);
        Func<SelectionColumns, CutStage, int, bool>[] regions =
        [
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 50,
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 60 && c.HcalEnergyGeV[r] >= 6.1 && c.HcalEnergyGeV[r] < 12.2,
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 50 && c.HcalEnergyGeV[r] < 6.1,
            (c, last, r) => last >= CutStage.EcalShape,
        ];
        string[] names = ["E_ECAL < 50 GeV", "region I", "E_ECAL < 50, E_HCAL < 6.1 GeV", "after (i)–(iii)"];
        WeightedSum[] u = WeightedSum.Estimate(model, () => Source.CreateProcess(model, false), 1L << 30, 150000, SeedCuts.Na64_2016(), regions);
        WeightedSum[] b = WeightedSum.Estimate(model, () => Source.CreateProcess(model, true), 1L << 31, 20000, SeedCuts.Na64_2016(), regions);
        for (int i = 0; i < regions.Length; i++)
            output.WriteLine($"{names[i]}: unbiased {u[i]}, biased {b[i]}, pull {b[i].PullAgainst(u[i]):F2}");
        for (int i = 0; i < regions.Length; i++)
        {
            Assert.True(u[i].Hits >= 30, $"{names[i]}: brute force must reach the region ({u[i].Hits} events)");
            double pull = b[i].PullAgainst(u[i]);
            Assert.True(Math.Abs(pull) < 3.5, $"{names[i]}: biased and brute-force estimates differ by {pull:F2} σ");
        }
        // The bias must pay for itself towards the box: a smaller relative error per generated event where a muon is gone.
        Assert.True(b[2].Error / b[2].Mean * Math.Sqrt(20000) < u[2].Error / u[2].Mean * Math.Sqrt(150000),
                    "the biased process must estimate E_ECAL < 50, E_HCAL < 6.1 GeV more precisely per generated event");
    }

    [Fact]
    public void Method_one_takes_every_region_but_the_box_from_the_unbiased_sample()
    {
        // The source's biased process serves the box alone: the other regions (sidebands, loose SRD, the region-I benchmark
        // of the yield systematic) are the unbiased estimate's to the bit, and the box is not.
        var run = new PseudoDataRun("pbsc-srd", 1, BackgroundTestCards.PbScNoPileUp, 1.88e9);
        Assert.True(Source.BiasesSignalBoxOnly);
        var flowBiased = new List<SourceCutFlow>();
        var flowPlain = new List<SourceCutFlow>();
        IReadOnlyList<SourceEstimate> biased = BackgroundEstimator.Estimate(run, 4, [Source], 3000, SeedCuts.Na64_2016(), 0, true, flowBiased);
        IReadOnlyList<SourceEstimate> plain = BackgroundEstimator.Estimate(run, 4, [Source], 3000, SeedCuts.Na64_2016(), 0, false, flowPlain);
        for (int g = 0; g < EstimateRegion.Names.Count; g++)
        {
            output.WriteLine($"{EstimateRegion.Names[g]}: biased sample {biased[g].ExpectedEvents:E4} ({biased[g].InRegion}), unbiased {plain[g].ExpectedEvents:E4} ({plain[g].InRegion})");
            if (g == EstimateRegion.SignalBox) continue;
            Assert.Equal(plain[g].ExpectedEvents, biased[g].ExpectedEvents);
            Assert.Equal(plain[g].InRegion, biased[g].InRegion);
        }
        Assert.Equal(flowPlain.Select(f => (f.Stage, f.Simulated, f.ExpectedEvents)), flowBiased.Select(f => (f.Stage, f.Simulated, f.ExpectedEvents)));
        Assert.True(biased[EstimateRegion.SignalBox].InRegion > 0, "the box sample reaches the box");
        Assert.Equal(0, plain[EstimateRegion.SignalBox].InRegion);
    }
}

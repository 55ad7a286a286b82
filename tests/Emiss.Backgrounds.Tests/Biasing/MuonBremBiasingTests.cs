using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Tests.Sources;
using Emiss.Detector.Pipeline;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Biasing;

/// <summary>The muon-bremsstrahlung source's biased process (the muon's decay forced into the stack with exact weights,
/// docs/physics/muon-pairs.md#forced-decays) against brute force at event level, in the regions brute force reaches.</summary>
public sealed class MuonBremBiasingTests(ITestOutputHelper output)
{
    [Fact]
    public void Biased_estimate_equals_brute_force_where_the_muon_lives_and_where_it_is_gone()
    {
        // PbSc without pile-up, after cuts (i)–(iii). A minimum-ionising muon leaves ≈ 4.06 GeV in the four HCAL modules
        // (docs/physics/muon-pairs.md); the forced decays move muons from above that to below it (a decay inside the HCAL
        // ends the track), so both halves test the weights. 3.5σ of the two independent estimates: four comparisons.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 31);
        var source = new MuonBremTargetSource();
        Func<SelectionColumns, CutStage, int, bool>[] regions =
        [
            (c, last, r) => last >= CutStage.EcalShape,
            (c, last, r) => last >= CutStage.EcalShape && c.EcalEnergyGeV[r] < 50,
            (c, last, r) => last >= CutStage.EcalShape && c.HcalEnergyGeV[r] >= 4.06,
            (c, last, r) => last >= CutStage.EcalShape && c.HcalEnergyGeV[r] < 4.06,
            (c, last, r) => last >= CutStage.EcalShape && c.HcalEnergyGeV[r] < 3,
        ];
        string[] names = ["after (i)–(iii)", "E_ECAL < 50 GeV", "E_HCAL ≥ 4.06 GeV", "E_HCAL < 4.06 GeV", "E_HCAL < 3 GeV"];
        const int unbiasedEvents = 40_000, biasedEvents = 10_000;
        WeightedSum[] u = WeightedSum.Estimate(model, () => source.CreateProcess(model, false), 1L << 30, unbiasedEvents, SeedCuts.Na64_2016(), regions);
        WeightedSum[] b = WeightedSum.Estimate(model, () => source.CreateProcess(model, true), 1L << 31, biasedEvents, SeedCuts.Na64_2016(), regions);
        for (int i = 0; i < regions.Length; i++)
            output.WriteLine($"{names[i]}: unbiased {u[i]}, biased {b[i]}, pull {b[i].PullAgainst(u[i]):F2}");
        for (int i = 0; i < 4; i++)
        {
            Assert.True(u[i].Hits >= 30, $"{names[i]}: brute force must reach the region ({u[i].Hits} events)");
            double pull = b[i].PullAgainst(u[i]);
            Assert.True(Math.Abs(pull) < 3.5, $"{names[i]}: biased and brute-force estimates differ by {pull:F2} σ");
        }
        // Below 3 GeV in the HCAL the muon is gone before the HCAL: only a decay in the ECAL or V2 does that (≈ 45 cm of its
        // ≈ 6·10⁷ cm decay length, 3·10⁻⁷ after the cuts: out of brute force's reach), which the forcing makes common.
        Assert.Equal(0, u[4].Hits);
        Assert.True(b[4].Hits > biasedEvents / 100, $"the biased process reaches E_HCAL < 3 GeV ({b[4].Hits} events)");
    }
}

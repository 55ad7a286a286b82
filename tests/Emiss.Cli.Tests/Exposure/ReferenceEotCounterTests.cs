using Emiss.Analysis.Blinding;
using Emiss.Analysis.Exposure;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Core.IO;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Exposure;

/// <summary>
/// The analysis layer's EOT count (<see cref="ReferenceEotCounter"/>) closes on pseudo-data: written to disk by
/// <see cref="PseudoDataCampaign"/>, read back through the blind reader and the public spill tables, compared with the
/// sealed true EOT (readable only once unblinded). The generator-level closure of the same idea is
/// RunGeneratorTests.Reference_events_corrected_for_dead_time_count_the_electrons_on_target (Backgrounds.Tests).
/// </summary>
public sealed class ReferenceEotCounterTests
{
    /// <summary>
    /// PbSc set-up with a 10³ prescale and 100 µs dead time (live fraction ≈ 0.75, so the correction is visible):
    /// 4·10⁶ EOT give ≈ 4000 reference electrons, σ ≈ 1.6 %. Band, fixed before measuring: |counted − true| &lt; 3σ_stat
    /// with the electron-identification efficiency from simulated beam electrons; the count without the dead-time
    /// correction must fall outside it, so that correction is tested. (Gold value, this test before the identification
    /// efficiency was added: 2985 reference electrons gave 3.83·10⁶ ± 0.07·10⁶, 4.3 % low, from upstream losses.)
    /// </summary>
    [Fact]
    public async Task Counted_EOT_matches_the_true_EOT_within_its_statistical_error()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        SetupCard card = pbsc with { Daq = pbsc.Daq with { ReferencePrescale = 1000, DeadTimeUs = 100 } };
        var run = new PseudoDataRun("pbsc-srd", 1, card, 4e6);
        string root = TestScratch.NewDirectory("eot");
        string data = Path.Combine(root, "data"), analysis = Path.Combine(root, "analysis");
        Directory.CreateDirectory(data);
        PseudoDataCampaign.Run(new PseudoDataRequest([run], 21, [new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus)], 100, SeedCuts.Na64_2016(), 2, new Provenance("test", 21, "")), Path.Combine(root, "work"), data);

        BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        try
        {
            var (eff, err) = ReferenceElectronEfficiency.Simulate(card, 1, card.Trigger.EcalMaxGeV, 21, ReferenceElectronEfficiency.DefaultEvents, 2);
            Assert.InRange(eff, 0.9, 1.0);
            CountedExposure c = Assert.Single(await ReferenceEotCounter.CountAsync(set, data, _ => new ReferenceCalibration(1000, eff, err), card.Trigger.EcalMaxGeV));
            Assert.True(c.ReferenceEvents > 2000, $"{c.ReferenceEvents} reference electrons");
            Assert.InRange(c.LiveFraction, 0.5, 0.9);
            Assert.Throws<BlindingException>(() => SealedExposure.TrueEot(set, data));
            set.Unblind(SeedCuts.Na64_2016(), "test: EOT closure", "test", DateTimeOffset.UnixEpoch);
            double truth = SealedExposure.TrueEot(set, data)["pbsc-srd"];
            Assert.Equal(run.ElectronsOnTarget, truth);
            Console.WriteLine($"counted {c.CountedEot:G6} ± {c.StatError:G3} ({c.ReferenceEvents} references, live {c.LiveFraction:F4}, electron id {eff:F4}), true {truth:G6}");
            Assert.True(Math.Abs(c.CountedEot - truth) < 3 * c.StatError, $"counted {c.CountedEot:G6} ± {c.StatError:G3}, true {truth:G6}");
            Assert.True(Math.Abs(c.ReferenceEvents * c.Calibration.Prescale / eff - truth) > 3 * c.StatError, "without the dead-time correction the count should be visibly low");
            Tolerance.Rel(1e-12, "definition").AssertClose(c.ReferenceEvents * c.Calibration.Prescale / eff, c.LiveEot, "live EOT");
        }
        finally
        {
            await set.DisposeAsync();
        }
    }
}

using System.Globalization;
using System.Text;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Exposure;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Reproduce;

/// <summary>
/// <c>pseudodata --inject-signal MASS_MeV,EPS</c>: the injected A′ events are invisible while blind (no public file names
/// them, the public reader hides their truth, their event numbers and order carry no source, the sealed files stay
/// closed) and, after unblinding, the signal box holds the injected yield × the signal efficiency of the efficiency scan.
/// </summary>
public sealed class SignalInjectionTests
{
    private const double MassMeV = 10, Epsilon = 0.1, EotScale = 0.001;

    private static double Csv(string path, string run, string column)
    {
        string[] lines = [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')];
        int c = Array.IndexOf(lines[0].Split(','), column);
        return double.Parse(lines.Skip(1).Select(l => l.Split(',')).Single(f => f[0] == run)[c], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// m = 10 MeV, ε = 0.1 at 10⁻³ of the seed's EOT: ≈ 300 injected A′ (n_A′(ε=1) ≈ 0.011 per EOT from the analytic
    /// yield, the card's default), ≈ 110 of them expected in the box, while the only background source kept (dimuons)
    /// expects ≪ 1 there. Band, fixed before measuring: |observed − expected| &lt; 3σ with σ² = expected (Poisson of the
    /// two-step draw: Poisson count, then binomial selection) + (efficiency-scan statistical error propagated)². A yield
    /// scaled by ε instead of ε² (×10), a run left out (−30 %) or no dead-time loss (+7 % of the PbSc part) are outside it.
    /// </summary>
    [Fact]
    public async Task Injected_signal_is_hidden_while_blind_and_recovered_with_the_expected_yield_after_unblinding()
    {
        string root = TestScratch.NewDirectory("inject");
        string data = Path.Combine(root, "data"), analysis = Path.Combine(root, "analysis");
        string value = string.Create(CultureInfo.InvariantCulture, $"{MassMeV},{Epsilon}");
        var (code, stdout, err) = InProcessEmiss.Run("pseudodata", "--out", data, "--eot-scale", "0.001", "--sources", "dimuon", "--estimate-events", "200",
                                                     "--threads", "2", "--inject-signal", value);
        Assert.True(code == 0, err + stdout);

        // The expected number of injected events per run: N_EOT × n_A′(ε=1, m) × ε², computed here from the yield model.
        double perEot = new TrackLengthSignalYield(DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ExactTreeLevel), MaterialCatalog.Lead,
                                                   Energy.FromGeV(100), 0.5).PerElectronOnTargetAtEps1(Mass.FromMeV(MassMeV));
        var eot = new Dictionary<string, double> { ["pbsc-srd"] = 1.88e9 * EotScale, ["bgo-srd"] = 0.87e9 * EotScale };
        string sealedInjection = Path.Combine(data, "sealed", "injection.csv");
        foreach (var (run, n) in eot)
            Tolerance.Rel(1e-12, "same yield model").AssertClose(n * perEot * Epsilon * Epsilon, Csv(sealedInjection, run, "expected_events"), run + " expected injected events");

        // While blind: no public file names the injection; the public reader returns no truth and no box row.
        foreach (string f in Directory.GetFiles(data, "*", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "sealed" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            string text = Encoding.Latin1.GetString(File.ReadAllBytes(f));
            foreach (string secret in new[] { value, "injected-signal", "eps=", "--inject-signal " + MassMeV.ToString(CultureInfo.InvariantCulture) })
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(f)} reveals '{secret}'");
        }
        SelectionCuts cuts = SeedCuts.Na64_2016();
        BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        try
        {
            Assert.True(set.IsBlind);
            CutFlowResult blind = await set.CutFlowAsync(cuts);
            Assert.False(blind.SignalBoxIncluded);
            Assert.All(blind.Rows, r => Assert.Equal("all", r.Source));
            Assert.DoesNotContain(blind.Regions, r => r.Region == CutNames.Of(SignalRegion.SignalBox));
            var events = new Dictionary<string, List<long>>();
            await set.ForEachOutsideRegionAsync((sample, c) =>
            {
                if (!events.TryGetValue(sample, out List<long>? list)) events[sample] = list = [];
                for (int r = 0; r < c.Count; r++)
                {
                    Assert.False(BlindingRegion.Contains(c.EcalEnergyGeV[r], c.HcalEnergyGeV[r]));
                    list.Add(c.Event[r]);
                }
            });
            // Event numbers are positions in the run's time order (0 … rows−1, increasing): they carry no source.
            for (int i = 0; i < set.Samples.Count; i++)
            {
                List<long> e = events[set.Samples[i]];
                Assert.True(e.SequenceEqual(e.Order()) && e.Distinct().Count() == e.Count && e.All(x => x >= 0 && x < set.RowCounts[i]), set.Samples[i] + " event numbers");
            }
            Assert.Throws<BlindingException>(() => SealedExposure.TrueEot(set, data));
            set.Unblind(cuts, "test: injected-signal recovery", "test", DateTimeOffset.UnixEpoch);
        }
        finally
        {
            await set.DisposeAsync();
        }

        // Unblinded: the box count against injected × efficiency × DAQ live fraction (+ the method-1 background).
        CutFlowResult open;
        set = await BlindDataSet.OpenAsync(data, analysis);
        try
        {
            open = await set.CutFlowAsync(cuts);
        }
        finally
        {
            await set.DisposeAsync();
        }
        long observed = open.Regions.Where(r => r.Source == "all" && r.Region == CutNames.Of(SignalRegion.SignalBox)).Sum(r => r.Events);
        double background = File.ReadLines(Path.Combine(data, "backgrounds.csv")).Where(l => l.StartsWith("all,total,", StringComparison.Ordinal))
                                .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).Single();
        IDarkProductionModel production = DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ExactTreeLevel);
        double expected = background, effVariance = 0;
        int number = 1;
        foreach (var (run, n) in eot)
        {
            SetupCard card = SetupPresets.ByName(run == "pbsc-srd" ? SetupPresets.Na64_2016_PbSc : SetupPresets.Na64_2016_Bgo);
            SignalEfficiencyPoint eff = Assert.Single(SignalEfficiencyScan.Run(run, number++, card, cuts, production, [MassMeV], 0.5, 2000, 7, 2));
            double live = ReferenceEotCounter.MeanLiveFraction(Path.Combine(data, run + "-spills.csv"));
            double injected = n * perEot * Epsilon * Epsilon;
            expected += injected * eff.Efficiency * live;
            effVariance += Math.Pow(injected * live * Math.Sqrt(eff.Efficiency * (1 - eff.Efficiency) / eff.Events), 2);
        }
        double sigma = Math.Sqrt(expected + effVariance);
        Assert.True(background < 0.01 * expected, $"background {background} is not negligible against {expected}");
        Assert.True(Math.Abs(observed - expected) < 3 * sigma, $"observed {observed} in the box, expected {expected:F1} ± {sigma:F1} (injected × efficiency × live + background {background:G3})");
    }

    [Theory]
    [InlineData("1,5", "epsilon")]
    [InlineData("10", "is not MASS_MeV,EPS")]
    [InlineData("10,", "is not MASS_MeV,EPS")]
    [InlineData("10,1e-3,5", "is not MASS_MeV,EPS")]
    [InlineData("5000,1e-3", "mass 5000 MeV is outside")]
    [InlineData("10,0", "epsilon")]
    [InlineData("10,-1e-3", "epsilon")]
    [InlineData("ten,1e-3", "mass")]
    public void Bad_injection_values_are_refused_before_anything_is_written(string value, string expected)
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("inject-bad"), "pd");
        foreach (string verb in new[] { "pseudodata", "reproduce" })
        {
            var (code, _, err) = InProcessEmiss.Run(verb, "--out", outDir, "--inject-signal", value);
            Assert.Equal(2, code);
            Assert.StartsWith("emiss: error: --inject-signal: ", err, StringComparison.Ordinal);
            Assert.Contains(expected, err, StringComparison.Ordinal);
            Assert.Contains("; ", err, StringComparison.Ordinal);
            Assert.False(Directory.Exists(outDir), verb + " wrote " + outDir);
            Assert.False(Directory.Exists(outDir + ".pseudodata-work"));
        }
    }
}

using Emiss.Backgrounds.Biasing;
using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;
using Emiss.Physics.Decays;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Biasing;

/// <summary>Forced muon decays inside the calorimeter stack (docs/physics/muon-pairs.md#forced-decays): exact weights,
/// the decay probability they estimate, and the method-1 rows of the two sources that use them.</summary>
public sealed class ForcedMuonDecayTests(ITestOutputHelper output)
{
    private static readonly double M = PhysicalConstants.MuonMassGeV;

    [Theory]
    [InlineData(3e-7)]
    [InlineData(1e-4)]
    [InlineData(0.5)]
    [InlineData(5.0)]
    public void Weighted_draws_give_the_exponential_law(double a)
    {
        // Σ w·[s < a] / N estimates P(s < a) = 1 − e^(−a) under p(s) = e^(−s), and Σ w / N estimates 1, for any a — in the
        // forced windows and outside them. 4·10⁵ draws; 3.5σ of the sample's own spread (ten comparisons in this class).
        var bias = new ForcedMuonDecay();
        EventRng rng = RngStreams.For(17, StreamKind.Background, (ulong)(a * 1e9));
        const int n = 400_000;
        double sw = 0, sw2 = 0, all = 0, all2 = 0, maxW = 0;
        Span<double> one = stackalloc double[1];
        for (int i = 0; i < n; i++)
        {
            double w = bias.Sample(one, ref rng), s = one[0];
            all += w; all2 += w * w;
            maxW = Math.Max(maxW, w);
            if (s < a) { sw += w; sw2 += w * w; }
        }
        double p = sw / n, err = Math.Sqrt(Math.Max(0, sw2 / n - p * p) / n);
        double expected = -double.ExpM1(-a);
        output.WriteLine($"a = {a:G3}: weighted {p:E5} ± {err:E2} vs 1 − e^(−a) = {expected:E5}; Σw/N = {all / n:F5}; max w = {maxW:F4}");
        Assert.True(Math.Abs(p - expected) <= 3.5 * err, $"P(s < {a}) = {p:E5} ± {err:E2}, expected {expected:E5}");
        double mean = all / n, meanErr = Math.Sqrt((all2 / n - mean * mean) / n);
        Assert.True(Math.Abs(mean - 1) <= 3.5 * meanErr, $"Σw/N = {mean:F5} ± {meanErr:F5}");
        Assert.True(maxW <= 1 / (1 - bias.Probability) + 1e-12, $"weights are bounded by 1/(1 − a): {maxW}");
    }

    [Theory]
    [InlineData(3e-7, 5e-7)]
    [InlineData(3e-7, 2e-7)]
    [InlineData(0.5, 5e-7)]
    public void A_muons_own_window_keeps_the_law_exact(double a, double own)
    {
        // The own window [0, o] of a muon (its path through the front of the ECAL) adds a sixth uniform component: the weighted
        // P(s < a) is still 1 − e^(−a), with a inside or outside the own window. 4·10⁵ draws, 3.5σ.
        var bias = new ForcedMuonDecay(probability: 0.5);
        EventRng rng = RngStreams.For(18, StreamKind.Background, (ulong)(a * 1e9 + own * 1e12));
        const int n = 400_000;
        double sw = 0, sw2 = 0;
        Span<double> one = stackalloc double[1];
        ReadOnlySpan<double> window = [own];
        for (int i = 0; i < n; i++)
        {
            double w = bias.Sample(one, window, ref rng);
            if (one[0] < a) { sw += w; sw2 += w * w; }
        }
        double p = sw / n, err = Math.Sqrt(Math.Max(0, sw2 / n - p * p) / n);
        double expected = -double.ExpM1(-a);
        output.WriteLine($"own window {own:G3}, a = {a:G3}: weighted {p:E5} ± {err:E2} vs {expected:E5}");
        Assert.True(Math.Abs(p - expected) <= 3.5 * err, $"P(s < {a}) = {p:E5} ± {err:E2}, expected {expected:E5}");
    }

    [Fact]
    public void A_pair_drawn_together_gives_the_joint_exponential_law()
    {
        // Two muons drawn together: Σ w [s₁ < a₁][s₂ ∈ (b₂, c₂)] / N estimates (1 − e^(−a₁))(e^(−b₂) − e^(−c₂)), the law of
        // independent proper times — both decaying early, and one decaying early while the other lives past every window
        // (the case a draw that forced both muons at once left to the true law alone); and 1 − a of the events keep the
        // weight 1/(1 − a).
        var bias = new ForcedMuonDecay();
        EventRng rng = RngStreams.For(19, StreamKind.Background, 2);
        const int n = 400_000;
        (double A1, double B2, double C2)[] limits = [(2e-5, 0, 3e-4), (1e-6, 1e-3, 2.0)];
        var sw = new double[limits.Length];
        var sw2 = new double[limits.Length];
        int plain = 0;
        Span<double> s = stackalloc double[2];
        for (int i = 0; i < n; i++)
        {
            double w = bias.Sample(s, ref rng);
            if (Math.Abs(w - 1 / (1 - bias.Probability)) < 1e-12) plain++;
            for (int j = 0; j < limits.Length; j++)
                if (s[0] < limits[j].A1 && s[1] > limits[j].B2 && s[1] < limits[j].C2) { sw[j] += w; sw2[j] += w * w; }
        }
        for (int j = 0; j < limits.Length; j++)
        {
            double p = sw[j] / n, err = Math.Sqrt(Math.Max(0, sw2[j] / n - p * p) / n);
            double expected = -double.ExpM1(-limits[j].A1) * (Math.Exp(-limits[j].B2) - Math.Exp(-limits[j].C2));
            output.WriteLine($"P(s₁ < {limits[j].A1:G3}, {limits[j].B2:G3} < s₂ < {limits[j].C2:G3}): weighted {p:E4} ± {err:E2} vs {expected:E4}");
            Assert.True(err < 0.1 * p, $"the mixture must reach this case precisely (a hole gives ≈ 100 %): {err / p:P1}");
            Assert.True(Math.Abs(p - expected) <= 3.5 * err, $"{p:E4} ± {err:E2} vs {expected:E4}");
        }
        double share = (double)plain / n, shareErr = Math.Sqrt(share * (1 - share) / n);
        Assert.True(Math.Abs(share - (1 - bias.Probability)) <= 3.5 * shareErr + 1e-3, $"{share:F4} of the events keep the plain weight");
    }

    [Fact]
    public void Forced_decays_estimate_the_decay_probability_before_the_HCAL()
    {
        // A 30 GeV μ⁻ through the PbSc stack: P(decay in the ECAL or V2) = 1 − e^(−L/λ), λ = (p/m) cτ (PDG τ_μ), with
        // L the ECAL and V2 thickness — 8.6·10⁻⁷ here, out of reach of brute force. The muon loses ≈ 0.5 GeV before the HCAL,
        // which raises the true value by ≲ 1 % over the constant-momentum formula; band 1.5 % + 3σ.
        SetupCard card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        var bias = new ForcedMuonDecay();
        int n = layout.Regions.Length, hcal = layout.HcalFirstRegion;
        var losses = new MuonRegionLosses(new double[5 * n], n);
        const double e = 30;
        const int draws = 200_000;
        double sw = 0, sw2 = 0;
        Span<double> one = stackalloc double[1];
        for (int i = 0; i < draws; i++)
        {
            EventRng rng = RngStreams.For(23, StreamKind.Background, (ulong)i);
            var (last, fraction) = transport.Transport(e, 0, ref rng, losses);
            double w = bias.Sample(one, ref rng), s = one[0];
            if (transport.DecayPoint(e, 0, last, fraction, losses, s) is { } d && d.Region < hcal) { sw += w; sw2 += w * w; }
        }
        double p = sw / draws, err = Math.Sqrt(Math.Max(0, sw2 / draws - p * p) / draws);
        double lengthCm = layout.Regions.Take(hcal).Sum(r => r.ThicknessCm);
        double expected = DecayTable.MuonMinus.DecayProbability(Math.Sqrt(e * e - M * M), lengthCm);
        output.WriteLine($"P(decay before the HCAL), 30 GeV μ⁻, {lengthCm:F1} cm: forced {p:E4} ± {err:E2} vs 1 − e^(−L/λ) = {expected:E4}");
        Assert.True(Math.Abs(p - expected) <= 0.015 * expected + 3 * err, $"{p:E4} ± {err:E2} vs {expected:E4}");
        Assert.True(err < 0.03 * p, $"the forced window must reach this probability precisely: {err / p:P1}");
    }

    [Theory]
    [InlineData("muon-brem-target", MuonBremGold, MuonBremGoldStat)]
    [InlineData("dimuon", DimuonGold, DimuonGoldStat)]
    public void Method_one_puts_a_number_in_the_box_far_below_the_seeds_row(string name, double goldValue, double goldStat)
    {
        // The estimate `pseudodata` makes for the PbSc run (1.88·10⁹ EOT, the preset with pile-up, all cuts, 20 000 biased
        // events): before the forced decays no biased event reached the box, and the rows showed only the 90 % CL bounds of
        // the sample (7.6·10⁻³ and 31.6 events). Seed's Table I: μ, π, K interactions in the target 0.02; dimuons < 0.01.
        IBackgroundSource source = SourceCatalog.Find(name)!;
        var run = new PseudoDataRun("pbsc-srd", 1, SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 1.88e9);
        SourceEstimate box = BackgroundEstimator.Estimate(run, 5, [source], 20000, SeedCuts.Na64_2016(), 0)[EstimateRegion.SignalBox];
        output.WriteLine($"{name}, signal box, pbsc-srd: {box.ExpectedEvents:E4} ± {box.StatError:E2} (stat) ± {box.SystError:E2} (syst), {box.InRegion} of {box.Generated} events");
        Assert.True(box.InRegion >= 30, $"only {box.InRegion} biased events reach the box");
        Assert.True(box.ExpectedEvents + 2 * box.StatError < SeedTableI.RowOf(name)!.Events,
                    $"{box.ExpectedEvents:E3} ± {box.StatError:E2} is not below the seed's row");
        var gold = new GoldValue(goldValue, 3 * goldStat,
            "gold value: first run of this test (forced muon decays), seed 5, 20 000 biased events; tolerance 3σ of that estimate");
        Assert.True(Math.Abs(box.ExpectedEvents - gold.Value) <= gold.Tolerance,
                    $"box estimate {box.ExpectedEvents:E4} left its gold band {gold.Value:E4} ± {gold.Tolerance:E2} ({gold.Run})");
        // A number with an error, not a bound: below 10 % for muon bremsstrahlung, below 30 % for dimuons (the box needs a hard
        // pair with a partner that stops in the ECAL and the other muon's early decay: three rare conditions, each biased).
        double relative = box.StatError / box.ExpectedEvents;
        Assert.True(relative < (name == "dimuon" ? 0.3 : 0.1), $"relative statistical error {relative:P1}");
    }

    /// <summary>Gold values of the PbSc box estimates and their statistical errors (see the test).</summary>
    private const double MuonBremGold = 4.5562e-6, MuonBremGoldStat = 2.57e-7, DimuonGold = 3.2926e-6, DimuonGoldStat = 5.39e-7;
}

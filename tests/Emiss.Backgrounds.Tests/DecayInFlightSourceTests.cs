using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>Mechanism (a): knock-on fake tag and decay in flight before the ECAL (docs/physics/decays-in-flight.md#mechanism-a-knock-on-fake-tag).</summary>
public sealed class DecayInFlightSourceTests(ITestOutputHelper output)
{
    /// <summary>Decay lengths at 100 GeV derived from the PDG lifetimes and quoted in docs/physics/decays-in-flight.md#reference-numbers: π 5592 m, K 752 m, μ 6.23·10⁵ m.</summary>
    internal static double QuotedDecayProbabilities(double lengthCm, double pion, double kaon, double muon) =>
        pion * -double.ExpM1(-lengthCm / 5592e2) + kaon * -double.ExpM1(-lengthCm / 752e2) + muon * -double.ExpM1(-lengthCm / 6.23e7);

    [Fact]
    public void Source_identity_and_decay_region()
    {
        var s = new DecayInFlightSource();
        Assert.Equal("decay-in-flight", s.Name);
        Assert.Equal(TrueProcess.DecayInFlight, s.Process);
        Assert.Equal("μ→eνν, π,K → eν, Ke3 decays", s.TableRow);
        // The 2016 card: the tracker station T4 at z = −1950 cm is the last element that measures the parent (the dipoles
        // end at −2250 cm); S3 (−150 cm) and the SRD (−90 cm) lie inside the region and see the daughters.
        Assert.Equal(-1950.0, DecayRegion.FromCard(DecayTestRun.PbSc).StartZCm);
    }

    [Fact]
    public void Rate_per_EOT_is_the_knock_on_times_decay_chain()
    {
        var model = new DetectorModel(DecayTestRun.PbSc, 1);
        SourceRate r = new DecayInFlightSource().RatePerEot(model).Validated("decay-in-flight");
        // Card: π 1 %, K 0.075 %, μ 0.1 %, e the rest; SRD fake tag = knock-on candidate probability (the card's tuned
        // value) + no candidate × the noise tail Q(3 MeV / 1 MeV) = 1.3498980e-3 (erfc, Abramowitz & Stegun 26.2); L = 1950 cm.
        const double pk = SrdOptions.SeedTunedHadronKnockOnProbability, q3 = 1.3498980316300957e-3;
        double expected = QuotedDecayProbabilities(1950, 0.01, 7.5e-4, 1e-3) / (1 - 0.01 - 7.5e-4 - 1e-3) * (pk + (1 - pk) * q3);
        output.WriteLine($"{r.PerEot:G4} per EOT ({r.PerEot * 2.75e9:G3} in 2.75e9 EOT before selection): {r.Derivation}");
        Tolerance.Rel(1e-3, "decay lengths quoted to 3–4 digits (752 m: ±0.07 %)").AssertClose(expected, r.PerEot, "rate per EOT");
        Assert.Contains("knock-on", r.Derivation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unbiased_events_have_unit_weight_a_fake_tag_and_are_reproducible()
    {
        var model = new DetectorModel(DecayTestRun.PbSc, 7);
        var src = new DecayInFlightSource();
        DecayTestRun.Row[] a = DecayTestRun.Run(model, src.CreateProcess(model, false), 300);
        DecayTestRun.Row[] b = DecayTestRun.Run(model, src.CreateProcess(model, false), 300);
        Assert.All(a, r => Assert.Equal(1.0, r.Weight));
        // Every event carries a knock-on candidate (it reaches the SRD in part of them, KnockOnElectronTests: ≈ 44 % from S3)
        // or, in (1 − P_k)·Q/P_tag ≈ 36 % on this card, none and a noise-only tag.
        int tagged = a.Count(r => r.SrdTrueGeV > 0);
        Assert.InRange(tagged, 1, a.Length - 1);
        Assert.All(a, r => Assert.InRange(r.Decay.DecayZCm, -1950, 0));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Ke3_events_below_50_GeV_in_the_ECAL_match_the_Dalitz_integral()
    {
        // Biased run: about half of the decays are Ke3, and their neutrino is forced forward half of the time; the
        // weighted fraction of Ke3 events with E_ECAL < 50 GeV estimates P(E_ν > 50 GeV) for a 100 GeV K⁻ (e⁻ and both
        // π⁰ photons shower in the ECAL) among decays in the last 90 cm, where the decay angles keep the daughters within
        // ≲ 1 cm of the parent and nothing lies in their way (further upstream S3 and the SRD select them by angle).
        var model = new DetectorModel(DecayTestRun.PbSc, 11);
        DecayTestRun.Row[] rows = DecayTestRun.Run(model, new DecayInFlightSource().CreateProcess(model, true), 12_000);
        DecayTestRun.Row[] ke3 = [.. rows.Where(r => r.Decay.Channel.Contains("Ke3", StringComparison.Ordinal) && r.Decay.DecayZCm > -90)];
        double sw = ke3.Sum(r => r.Weight), frac = ke3.Where(r => r.EcalGeV < 50).Sum(r => r.Weight) / sw;
        double err = Math.Sqrt(ke3.Sum(r => r.Weight * r.Weight * Math.Pow((r.EcalGeV < 50 ? 1 : 0) - frac, 2))) / sw;
        double reference = DecayKe3Reference.ProbabilityNeutrinoAbove(100, 50);
        // The box edge in E_ECAL is uncertain by ≈ 1 GeV (1 % beam momentum spread and 1 % ECAL calibration at 50 GeV):
        // allow the reference probability of E_ν within ±0.5 GeV of 50 GeV.
        double edge = DecayKe3Reference.ProbabilityNeutrinoAbove(100, 49.5) - DecayKe3Reference.ProbabilityNeutrinoAbove(100, 50.5);
        output.WriteLine($"{ke3.Length} Ke3 of {rows.Length}: weighted P(E_ECAL < 50 GeV) = {frac:F4} ± {err:F4}; Dalitz integral {reference:F4} (edge allowance {edge:F4})");
        Assert.True(ke3.Length > rows.Length / 40, "biased mode draws Ke3 in the last 90 cm often (½ · ½ · 90/450 of the draws)");
        Tolerance.Abs(3 * err + edge, "3σ of the weighted ratio + ±1 GeV box-edge allowance").AssertClose(reference, frac, "P(E_ECAL < 50 GeV | Ke3)");
    }

    [Fact]
    public void Biased_and_unbiased_runs_give_the_same_weighted_observables()
    {
        // Kaon-rich beam so that the unbiased run sees enough Ke3 decays in the box (physics trigger, E_ECAL < 50 GeV,
        // E_HCAL < 1 GeV): ≈ 2·10⁻³ of the decays in the 19.5 m region, 40 000 events put ≈ 80 there.
        var model = new DetectorModel(DecayTestRun.KaonRich, 13);
        var src = new DecayInFlightSource();
        DecayTestRun.Row[] unbiased = DecayTestRun.Run(model, src.CreateProcess(model, false), 40_000);
        DecayTestRun.Row[] biased = DecayTestRun.Run(model, src.CreateProcess(model, true), 2_500, firstEvent: 1_000_000);
        BiasedUnbiased.AssertAgree(unbiased, biased, output);
    }
}

/// <summary>Biased = unbiased within statistics, for the box fraction and the mean ECAL energy.</summary>
internal static class BiasedUnbiased
{
    /// <summary>The signal box among physics-triggered events: a decay far upstream whose daughters miss S3 or the ECAL
    /// leaves E_ECAL ≈ 0 but cannot fire the trigger.</summary>
    public static bool InBox(DecayTestRun.Row r) => r.PhysicsTrigger && r.EcalGeV < 50 && r.HcalGeV < 1;

    public static void AssertAgree(DecayTestRun.Row[] unbiased, DecayTestRun.Row[] biased, ITestOutputHelper output)
    {
        (double bu, double bue) = DecayTestRun.WeightedMean(unbiased, r => InBox(r) ? 1 : 0);
        (double bb, double bbe) = DecayTestRun.WeightedMean(biased, r => InBox(r) ? 1 : 0);
        (double eu, double eue) = DecayTestRun.WeightedMean(unbiased, r => r.EcalGeV);
        (double eb, double ebe) = DecayTestRun.WeightedMean(biased, r => r.EcalGeV);
        output.WriteLine($"box fraction: unbiased {bu:G4} ± {bue:G2} ({unbiased.Count(InBox)} events), biased {bb:G4} ± {bbe:G2} ({biased.Count(InBox)} events)");
        output.WriteLine($"⟨E_ECAL⟩: unbiased {eu:F3} ± {eue:F3} GeV, biased {eb:F3} ± {ebe:F3} GeV");
        Assert.True(unbiased.Count(InBox) >= 30, "the unbiased run must populate the box");
        Tolerance.Abs(3 * Math.Sqrt(bue * bue + bbe * bbe), "3σ combined statistics").AssertClose(bu, bb, "weighted box fraction");
        Tolerance.Abs(3 * Math.Sqrt(eue * eue + ebe * ebe), "3σ combined statistics").AssertClose(eu, eb, "weighted ⟨E_ECAL⟩");
        Assert.True(bbe * Math.Sqrt(biased.Length) < bue * Math.Sqrt(unbiased.Length), "the biased run estimates the box fraction more precisely per event");
    }
}

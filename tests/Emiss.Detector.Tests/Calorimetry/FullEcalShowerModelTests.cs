using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Detector.Tests.Pipeline;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>The shower-engine ECAL ("full") against docs/physics/na64-detector.md#ecal and the parametrised model.</summary>
public sealed class FullEcalShowerModelTests(ITestOutputHelper output)
{
    private static readonly SetupCard Card = TestCards.PbSc;

    /// <summary>One model with the default calibration (≈ 14 s of one core) shared by the tests that use the default card.</summary>
    private static readonly Lazy<FullEcalShowerModel> Default = new(() => new FullEcalShowerModel(Card, new CalorimeterLayout(Card)));

    [Fact]
    public void Default_calibration_fixes_the_sampling_fraction_to_0_2_percent()
    {
        // Issue 13: the ECAL scale of the full model known to 0.2 %. The error is the calibration showers' own spread
        // (σ of the scintillator share / √N), so fewer or lower-energy showers make this fail.
        FullEcalShowerModel full = Default.Value;
        output.WriteLine($"sampling fraction {full.SamplingFraction:F5} ± {full.SamplingFractionRelativeError:P3} from {full.CalibrationShowers} × {full.CalibrationEnergyGeV} GeV e-");
        Assert.InRange(full.SamplingFractionRelativeError, 1e-5, 0.002);
        var coarse = new FullEcalShowerModel(Card, new CalorimeterLayout(Card), calibrationShowers: 8, calibrationEnergyGeV: 5.0);
        // σ/E ≈ 7.6 %/√5 per 5 GeV shower → ≈ 1.2 % for 8 showers: the estimate must see it.
        Assert.InRange(coarse.SamplingFractionRelativeError, 0.005, 0.03);
    }

    [Fact]
    public void Energy_leaking_from_a_thin_ecal_reaches_the_hcal_as_the_em_profile_predicts()
    {
        // A 40-layer ECAL (≈ 10.8 X0) lets ≈ 20 % of a 10 GeV shower out of the back. The engine's leakage is handed to
        // the parametrised model behind the ECAL, so V2 and the HCAL see it; compared with the parametrised model alone,
        // whose leakage is the integral of the PDG longitudinal profile (PDG RPP 2024 eq. 34.36, b = 0.5) beyond the
        // ECAL depth — independent of the engine. Tolerance 15 %: the gamma-profile fit describes simulated showers'
        // tails beyond t_max to ≈ 10 % (Longo & Sestili, NIM 128 (1975) 283; PDG §34.5), plus 2 % statistics.
        SetupCard thin = Card with { Ecal = Card.Ecal with { Layers = 40, PreshowerLayers = 4 } };
        var layout = new CalorimeterLayout(thin);
        var full = new FullEcalShowerModel(thin, layout, calibrationShowers: 8, calibrationEnergyGeV: 5.0);
        var fast = new ParametrisedShowerModel(thin, layout);
        const int n = 400;
        const double e = 10.0;
        (double Hcal, double V2)[] f = Downstream(full, e, n), p = Downstream(fast, e, n);
        double hf = f.Average(x => x.Hcal), hp = p.Average(x => x.Hcal);
        double vf = f.Average(x => x.V2), vp = p.Average(x => x.V2);
        output.WriteLine($"10 GeV e- through 40 layers: <E_HCAL> full {hf:F3} GeV, parametrised {hp:F3}; <V2> {vf:F2} vs {vp:F2} MeV");
        Assert.True(hf > 0.5, $"full model: only {hf:F3} GeV reach the HCAL");
        Tolerance.Rel(0.15, "PDG gamma-profile tail ≈ 10 % + statistics").AssertClose(hp, hf, "mean HCAL energy behind a 10.8 X0 ECAL");
    }

    private static (double Hcal, double V2)[] Downstream(ICalorimeterShowerModel model, double energyGeV, int n)
    {
        var v = new (double, double)[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var d = new CalorimeterDeposits(36, 4);
            EventRng r = RngStreams.For(9, StreamKind.Shower, (ulong)i);
            model.Deposit(new IncidentParticle(DetectorSpecies.Electron, energyGeV, 0, 0), ref r, d);
            v[i] = (d.HcalTotalGeV(), d.V2MeV);
        });
        return v;
    }

    [Fact]
    public void Engine_sampling_fraction_and_scale_agree_with_section_3_10_and_the_fast_model()
    {
        var layout = new CalorimeterLayout(Card);
        FullEcalShowerModel full = Default.Value;
        // docs/physics/na64-detector.md#ecal: EM sampling fraction ≈ 9–10 % for 150 × (1.5 mm Pb + 1.5 mm Sc).
        Assert.InRange(full.SamplingFraction, 0.088, 0.106);
        var fast = new ParametrisedShowerModel(Card, layout);
        double[] f = Showers(full, 5.0, 30), p = Showers(fast, 5.0, 30);
        double mf = f.Average(), mp = p.Average();
        output.WriteLine($"5 GeV e-: full <E> = {mf:F3} GeV; parametrised <E> = {mp:F3}; sampling fraction {full.SamplingFraction:F4}");
        // Same calibration convention (electron scale): the means agree within 3 %, ≈ 5× the statistical error of a
        // 30-shower mean (σ/E ≈ 3.4 % at 5 GeV → 0.6 %).
        Tolerance.Rel(0.03, "electron-scale calibration of both models").AssertClose(mp, mf, "full vs parametrised mean");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Engine_sampling_term_is_the_known_shower_discrepancy()
    {
        // The same engine and stack as Emiss.Shower.Tests' Na64EcalTests, read out through the detector's cells:
        // the same known discrepancy (EcalSamplingTerm), pinned to this model's own gold value.
        // 1 GeV showers: the stochastic term is σ/E·√E at any energy where the constant term is negligible, and 6400
        // showers of 1 GeV cost as much as 1280 of 5 GeV while pinning the rms to 1/√(2n) = 0.9 %, enough to tell the
        // term from its target.
        FullEcalShowerModel full = Default.Value;
        const int n = 6400;
        const double e = 1.0;
        double[] f = Showers(full, e, n);
        double m = f.Average(), s = Math.Sqrt(f.Sum(x => (x - m) * (x - m)) / (n - 1));
        double term = s / m * Math.Sqrt(e);
        // Gold value: this test (stream seed 8, showers 0–6399 of 1 GeV e⁻ at the ECAL centre) with the photoabsorption above
        // 0.8 MeV continued in Sauter's shape (2026-12-05; 0.077289 before it on commit 1044a9c, with the step-independent
        // multiple scattering; 0.0777566 with the Highland-width model on 76d60e9).
        // Tolerance 3σ, σ = term/√(2n) (statistical error of an rms from n showers).
        KnownDiscrepancy.Pin(output, "full-model ECAL sampling term σ/E·√E (1 GeV e⁻, GeV^½)", term,
            new GoldValue(GoldTerm, 3 * GoldTerm / Math.Sqrt(2.0 * n), "photoabsorption in Sauter's shape above 0.8 MeV, 2026-12-05, seed 8, 6400 × 1 GeV e⁻ at (0, 0)"),
            EcalSamplingTerm.Target, EcalSamplingTerm.Cause);
    }

    private const double GoldTerm = 0.075064;

    /// <summary>ECAL totals of <paramref name="n"/> electron showers (stream (8, Shower, i) for shower i; thread-independent).</summary>
    private static double[] Showers(ICalorimeterShowerModel model, double energyGeV, int n)
    {
        var v = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var d = new CalorimeterDeposits(36, 4);
            EventRng r = RngStreams.For(8, StreamKind.Shower, (ulong)i);
            model.Deposit(new IncidentParticle(DetectorSpecies.Electron, energyGeV, 0, 0), ref r, d);
            v[i] = d.EcalTotalGeV();
        });
        return v;
    }

    [Fact]
    public void Card_with_full_model_builds_the_engine_and_hadrons_fall_back_to_the_fast_model()
    {
        var card = Card with { Ecal = Card.Ecal with { Model = EcalModel.Full } };
        var model = new DetectorModel(card, 1);
        Assert.Equal("full", model.Showers.Name);
        // Hadrons go to the parametrised model: same stream, same deposits, channel by channel.
        var fast = new ParametrisedShowerModel(card, new CalorimeterLayout(card));
        foreach (DetectorSpecies kind in new[] { DetectorSpecies.PionMinus, DetectorSpecies.PionPlus })
        {
            var viaFull = new CalorimeterDeposits(36, 4);
            var viaFast = new CalorimeterDeposits(36, 4);
            EventRng r1 = RngStreams.For(2, StreamKind.Shower, 0), r2 = r1;
            model.Showers.Deposit(new IncidentParticle(kind, 50, 0, 0), ref r1, viaFull);
            fast.Deposit(new IncidentParticle(kind, 50, 0, 0), ref r2, viaFast);
            Assert.Equal(viaFast.EcalPreshowerGeV, viaFull.EcalPreshowerGeV);
            Assert.Equal(viaFast.EcalMainGeV, viaFull.EcalMainGeV);
            Assert.Equal(viaFast.HcalGeV, viaFull.HcalGeV);
            Assert.Equal(viaFast.EscapedGeV, viaFull.EscapedGeV);
            Assert.True(viaFull.EcalTotalGeV() + viaFull.HcalTotalGeV() > 0, $"{kind} must deposit something");
        }
    }

    /// <summary>
    /// Muons in the full model cross the ECAL and V2 in the shower engine and continue in the parametrised HCAL and muon
    /// counters (docs/physics/calorimeter-full.md). 400 μ⁻ of 100 GeV on the ECAL's axis, against the same muons in the
    /// parametrised model alone: every muon reaches all four MU counters; the HCAL (modules 1 + 2) reads the same (medians
    /// within 3 % + 3σ: the muon arrives with ≈ 99 GeV either way, and the HCAL response is the parametrised one in both);
    /// the ECAL median lies between the minimum-ionising signal (0.333 GeV / e/mip 0.7) and 1.3 times it (the engine's
    /// 100 GeV muons read ≈ 1.19 times it: relativistic rise, δ rays, direct pairs; docs/physics/calorimeter-parametrised.md#muons-against-the-shower-engine);
    /// V2's median reads a minimum-ionising crossing of its 1 cm of plastic (1.7–2.6 MeV, the band of the parametrised model's
    /// check on its median; the mean also carries the δ rays and pair showers that leave the ECAL's back with the muon).
    /// </summary>
    [Fact]
    public void Muons_cross_the_ecal_in_the_engine_and_continue_in_the_parametrised_hcal()
    {
        var card = Card with { Ecal = Card.Ecal with { Model = EcalModel.Full } };
        var full = new FullEcalShowerModel(card, new CalorimeterLayout(card));
        var fast = new ParametrisedShowerModel(card, new CalorimeterLayout(card));
        const int n = 400;
        var ecal = new double[n];
        var hcal = new double[n];
        var hcalFast = new double[n];
        var v2 = new double[n];
        int allFour = 0;
        var d = new CalorimeterDeposits(36, 4);
        for (int i = 0; i < n; i++)
        {
            d.Clear();
            EventRng r = RngStreams.For(3, StreamKind.Shower, (ulong)i);
            full.Deposit(new IncidentParticle(DetectorSpecies.MuonMinus, 100, 0, 0), ref r, d);
            ecal[i] = d.EcalTotalGeV();
            hcal[i] = d.HcalGeV[0] + d.HcalGeV[1];
            v2[i] = d.V2MeV;
            if (d.MuonMeV.All(m => m > 0)) allFour++;
            d.Clear();
            EventRng r2 = RngStreams.For(4, StreamKind.Shower, (ulong)i);
            fast.Deposit(new IncidentParticle(DetectorSpecies.MuonMinus, 100, 0, 0), ref r2, d);
            hcalFast[i] = d.HcalGeV[0] + d.HcalGeV[1];
        }
        double Median(double[] x) => x.Order().ElementAt(x.Length / 2);
        double mEcal = Median(ecal), mHcal = Median(hcal), mFast = Median(hcalFast);
        double sigma = 1.2533 * Sim.Stats(hcal).Sigma / Math.Sqrt(n);   // standard error of a median
        output.WriteLine($"full model, 100 GeV μ⁻: ECAL median {mEcal:F4} GeV (MIP {0.333 / 0.7:F4}); HCAL(1+2) median {mHcal:F3} vs parametrised {mFast:F3} GeV; V2 median {Median(v2):F2} MeV, mean {v2.Average():F2} MeV; all MU fired {allFour}/{n}");
        Assert.Equal(n, allFour);
        Assert.InRange(mEcal, 0.333 / 0.7, 1.3 * 0.333 / 0.7);
        Tolerance.Abs(0.03 * mFast + 3 * Math.Sqrt(2) * sigma, "3 % + 3σ of two medians").AssertClose(mFast, mHcal, "HCAL median, full vs parametrised");
        Assert.InRange(Median(v2), 1.7, 2.6);
    }
}

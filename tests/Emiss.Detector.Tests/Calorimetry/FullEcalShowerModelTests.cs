using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
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
        var d = new CalorimeterDeposits(36, 4);
        EventRng r = RngStreams.For(1, StreamKind.Shower, 0);
        model.Showers.Deposit(new IncidentParticle(DetectorSpecies.MuonMinus, 100, 0, 0), ref r, d);
        // A muon leaves minimum ionisation: 150 layers ≈ 0.33 GeV (docs/physics/na64-detector.md#ecal materials) read at EM scale / 0.7
        // with a 10 % spread, plus radiative losses in the lead as EM showers: on average 0.204 GeV from direct pairs and soft
        // bremsstrahlung at 100 GeV (0.7905 + 1.3 % of 0.567 MeV cm²/g × 150 × 0.15 cm × 11.35 g/cm³), now in ≈ 1 pair per muon,
        // so some muons have none (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters). One muon must read at least
        // the MIP signal less 3σ of its spread and at most the MIP signal with the mean radiative loss, + 30 %.
        Assert.InRange(d.EcalTotalGeV(), 0.7 * 0.333 / 0.7, 1.3 * (0.333 / 0.7 + 0.204));
        // Hadrons and muons go to the parametrised model: same stream, same deposits, channel by channel.
        var fast = new ParametrisedShowerModel(card, new CalorimeterLayout(card));
        foreach (DetectorSpecies kind in new[] { DetectorSpecies.PionMinus, DetectorSpecies.MuonMinus })
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
}

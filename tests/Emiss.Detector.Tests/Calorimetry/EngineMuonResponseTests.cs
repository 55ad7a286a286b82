using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The parametrised calorimeter's muon response (ionisation read as MIP deposit / (e/mip) with a 10 % Gaussian, the card's
/// [assumed] e/mip 0.7 in the ECAL and 0.8 in the HCAL, radiative losses as EM showers; docs/physics/calorimeter-parametrised.md#muons-and-thin-scintillators)
/// against the shower engine's μ⁻ in the same stacks (δ rays, relativistic rise, Urban fluctuations, radiative losses), both at
/// the EM scale: the engine's deposited scintillator energy over its own electron sampling fraction. The criterion, fixed
/// before this comparison was written as a test: the median within 5 % of the engine's (the issue-13 target used for the
/// ECAL's preshower share) plus 3σ, and the relative half-width (q84 − q16)/(2 median) within 25 % of the engine's plus 3σ;
/// errors from the spread of ten batches. Where ionisation dominates (2 GeV in the ECAL, 5 GeV in the HCAL) the model passes; elsewhere the
/// misses are pinned (docs/physics/calorimeter-parametrised.md#muons-against-the-shower-engine).
/// </summary>
public sealed class EngineMuonResponseTests(ITestOutputHelper output)
{
    private const double MuonMassGeV = PhysicalConstants.MuonMassGeV;
    private const double MedianTarget = 0.05, WidthTarget = 0.25;
    private const int Batches = 10;
    private static readonly SetupCard Card = TestCards.PbSc;

    private static readonly Lazy<EngineStack> Ecal = new(() =>
    {
        var layout = new CalorimeterLayout(Card);
        return EngineStack.Calibrated(EcalLayering.FromCard(Card.Ecal, "muon-ecal", "ECAL for the muon response", layout.EcalHalfWidthXCm), _ => true, 100.0, 16);
    });

    // The engine's na64-hcal geometry is the card's HCAL stack (checked below); the first two modules are what E_HCAL reads.
    private static readonly Lazy<EngineStack> Hcal = new(() =>
        EngineStack.Calibrated(GeometryCatalog.Load("na64-hcal"), section => section <= 1, 10.0, 200));

    [Fact]
    public void Ecal_muon_signal_agrees_with_the_engine_where_ionisation_dominates()
    {
        (double[] engine, double[] model) = EcalSamples(2.0, 2000);
        (double ratio, double err) = Ratio(model, engine, Median);
        output.WriteLine(Line("ECAL 2 GeV median", engine, model, Median, ratio, err));
        Tolerance.Abs(MedianTarget + 3 * err, "5 % + 3σ (batch spread)").AssertClose(1.0, ratio, "ECAL muon median, model/engine, 2 GeV");
        (double wRatio, double wErr) = Ratio(model, engine, RelativeHalfWidth);
        output.WriteLine(Line("ECAL 2 GeV relative half-width", engine, model, RelativeHalfWidth, wRatio, wErr));
        Tolerance.Abs(WidthTarget + 3 * wErr, "25 % + 3σ (batch spread)").AssertClose(1.0, wRatio, "ECAL muon relative half-width, model/engine, 2 GeV");

        (engine, model) = EcalSamples(10.0, 4000);
        (ratio, err) = Ratio(model, engine, Median);
        output.WriteLine(Line("ECAL 10 GeV median", engine, model, Median, ratio, err));
        Tolerance.Abs(MedianTarget + 3 * err, "5 % + 3σ (batch spread)").AssertClose(1.0, ratio, "ECAL muon median, model/engine, 10 GeV");
        (wRatio, wErr) = Ratio(model, engine, RelativeHalfWidth);
        output.WriteLine(Line("ECAL 10 GeV relative half-width", engine, model, RelativeHalfWidth, wRatio, wErr));
        KnownDiscrepancy.Pin(output, "ECAL muon relative half-width (q84 − q16)/(2 median), model/engine, 10 GeV", wRatio,
            new GoldValue(0.643, 0.063, "2026-12-07, engine and model with discrete direct pairs, 4000 μ⁻ per model, engine stream 41, model stream 42; ± 3σ of ten batches"),
            new PhysicsTarget(1.0, WidthTarget, "the shower engine in the card's Pb/Sc stack; 25 % criterion of this test"),
            "the model's [assumed] 10 % Gaussian has no δ-ray or radiative tail, which the engine's 10 GeV muons already show");
    }

    [Fact]
    public void Ecal_muon_signal_at_100_GeV_is_a_known_discrepancy_of_the_models_ionisation()
    {
        (double[] engine, double[] model) = EcalSamples(100.0, 16000);
        (double ratio, double err) = Ratio(model, engine, Median);
        output.WriteLine(Line("ECAL 100 GeV median", engine, model, Median, ratio, err));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"means: engine {engine.Average():F4}, model {model.Average():F4} GeV"));
        KnownDiscrepancy.Pin(output, "ECAL muon median, model/engine, 100 GeV", ratio,
            new GoldValue(0.931, 0.009, "2026-12-07, engine and model with discrete direct pairs, 16000 μ⁻ per model, engine stream 41, model stream 42; ± 3σ of ten batches"),
            new PhysicsTarget(1.0, MedianTarget, "the shower engine in the card's Pb/Sc stack; 5 % criterion of this test"),
            "the model reads a muon's ionisation as the minimum-ionising loss at every energy, while the engine's 100 GeV muons ionise "
            + "above the minimum and make δ rays up to 90 GeV (as at 10 GeV, where the model reads 4 % low, and in the HCAL); both "
            + "make direct pairs from the same cross section. While the model's pairs were a continuous loss, read at the EM scale "
            + "in every event, the ratio was 1.189, and 1.313 while the engine's pairs were a continuous loss in the lead");
    }

    [Fact]
    public void Hcal_muon_signal_agrees_with_the_engine_at_5_GeV_and_falls_behind_it_at_10_GeV()
    {
        HcalOptions h = Card.Hcal;
        SlabStack stack = GeometryCatalog.Load("na64-hcal");
        Assert.Equal(h.LayersPerModule * 2 * h.Modules, stack.SlabCount);
        Assert.Equal(h.IronThicknessCm + h.ScintillatorThicknessCm, stack.ZEdgesCm[2] - stack.ZEdgesCm[0], 12);

        // A muon reaches the HCAL after the ECAL (≈ 0.4 GeV of loss); the engine's HCAL starts it at the HCAL face with that
        // energy less, the model starts it at the ECAL face.
        foreach (double e in new[] { 5.0, 10.0 })
        {
            double lost = Ecal.Value.MeanLossGeV(e);
            double[] engine = Hcal.Value.Sample(ShowerSpecies.MuonMinus, e - lost - MuonMassGeV, 1000, 41);
            double[] model = ModelSample(e, 1000, d => d.HcalGeV[0] + d.HcalGeV[1]);
            (double ratio, double err) = Ratio(model, engine, Median);
            output.WriteLine(Line($"HCAL modules 1 + 2, {e} GeV at the ECAL face ({e - lost:F2} GeV at the HCAL) median", engine, model, Median, ratio, err));
            (double wRatio, double wErr) = Ratio(model, engine, RelativeHalfWidth);
            output.WriteLine(Line($"HCAL modules 1 + 2, {e} GeV relative half-width", engine, model, RelativeHalfWidth, wRatio, wErr));
            if (e == 5.0)
            {
                Tolerance.Abs(MedianTarget + 3 * err, "5 % + 3σ (batch spread)").AssertClose(1.0, ratio, "HCAL muon median, model/engine, 5 GeV");
                Tolerance.Abs(WidthTarget + 3 * wErr, "25 % + 3σ (batch spread)").AssertClose(1.0, wRatio, "HCAL muon relative half-width, model/engine, 5 GeV");
                continue;
            }
            KnownDiscrepancy.Pin(output, "HCAL (modules 1 + 2) muon median, model/engine, 10 GeV", ratio,
                new GoldValue(0.906, 0.012, "2026-12-07, engine and model with discrete direct pairs, 1000 μ⁻ per model, engine stream 41, model stream 42; ± 3σ of ten batches"),
                new PhysicsTarget(1.0, MedianTarget, "the shower engine in the na64-hcal stack (the card's); 5 % criterion of this test"),
                "the model reads a muon's ionisation as the minimum-ionising loss over the card's [assumed] e/mip = 0.8 at every energy; "
                + "the engine's muons ionise above the minimum (relativistic rise) and make δ rays up to W_max (1.3 GeV at 4.6 GeV, "
                + "4.4 GeV at 9.5 GeV) that shower in the iron, so their signal grows with energy (model/engine 0.949 at 5 GeV, 0.906 at 10 GeV)");
        }
    }

    /// <summary>Calibrated ECAL signals of μ⁻ of total energy <paramref name="e"/> at the face: engine (stream 41) and model (stream 42).</summary>
    private static (double[] Engine, double[] Model) EcalSamples(double e, int n) =>
        (Ecal.Value.Sample(ShowerSpecies.MuonMinus, e - MuonMassGeV, n, 41), ModelSample(e, n, d => d.EcalTotalGeV()));

    private static double[] ModelSample(double e, int n, Func<CalorimeterDeposits, double> read)
    {
        var model = new ParametrisedShowerModel(Card, new CalorimeterLayout(Card));
        var x = new double[n];
        var d = new CalorimeterDeposits(Card.Ecal.CellsX * Card.Ecal.CellsY, Card.Hcal.Modules);
        for (int i = 0; i < n; i++)
        {
            d.Clear();
            EventRng r = RngStreams.For(42, StreamKind.Shower, (ulong)i);
            model.Deposit(new IncidentParticle(DetectorSpecies.MuonMinus, e, 0, 0), ref r, d);
            x[i] = read(d);
        }
        return x;
    }

    /// <summary>Ratio of a statistic model/engine over the whole samples, with its error from ten batches of each.</summary>
    private static (double Ratio, double Error) Ratio(double[] model, double[] engine, Func<double[], double> stat)
    {
        double ratio = stat(model) / stat(engine);
        var r = new double[Batches];
        for (int b = 0; b < Batches; b++) r[b] = stat(Batch(model, b)) / stat(Batch(engine, b));
        double m = r.Average();
        double sd = Math.Sqrt(r.Sum(v => (v - m) * (v - m)) / (Batches - 1));
        return (ratio, sd / Math.Sqrt(Batches));
    }

    private static double[] Batch(double[] x, int b) => x[(b * x.Length / Batches)..((b + 1) * x.Length / Batches)];

    private static double Quantile(double[] x, double p)
    {
        double[] s = [.. x.Order()];
        return s[(int)Math.Round(p * (s.Length - 1))];
    }

    private static double Median(double[] x) => Quantile(x, 0.5);

    private static double RelativeHalfWidth(double[] x) => (Quantile(x, 0.8413) - Quantile(x, 0.1587)) / (2 * Median(x));

    private static string Line(string what, double[] engine, double[] model, Func<double[], double> stat, double ratio, double err) =>
        Inv($"{what}: engine {stat(engine):F4}, model {stat(model):F4}, model/engine {ratio:F3} ± {err:F3}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A slab stack in the engine with its electron sampling fraction (deposited scintillator energy over the
    /// electron energy) and the slabs of the sections that are read.</summary>
    private sealed class EngineStack(ShowerPhysics physics, bool[] read, double samplingFraction)
    {
        public static EngineStack Calibrated(SlabStack stack, Func<int, bool> readSection, double electronGeV, int electrons)
        {
            var physics = new ShowerPhysics(stack, PhysicsOptions.Standard);
            bool[] read = [.. stack.SlabSection.Select((s, i) => stack.SlabActive[i] && readSection(s))];
            bool[] active = [.. stack.SlabActive];
            double[] share = new EngineStack(physics, active, 1.0).Sample(ShowerSpecies.Electron, electronGeV, electrons, 43);
            return new EngineStack(physics, read, share.Average() / electronGeV);
        }

        /// <summary>Mean total deposit (all slabs) of μ⁻ of total energy <paramref name="e"/>, GeV.</summary>
        public double MeanLossGeV(double e)
        {
            bool[] all = [.. Enumerable.Repeat(true, physics.Geometry.SlabCount)];
            return new EngineStack(physics, all, 1.0).Sample(ShowerSpecies.MuonMinus, e - MuonMassGeV, 400, 44).Average();
        }

        /// <summary>Read energy / sampling fraction per event, events on streams (seed, shower, i).</summary>
        public double[] Sample(ShowerSpecies species, double kineticGeV, int n, ulong seed)
        {
            var x = new double[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => new ShowerTransport(physics), (i, _, t) =>
            {
                var obs = new ReadObserver(read);
                EventRng r = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
                t.RunEvent(species, kineticGeV, ref r, ref obs);
                x[i] = obs.GeV / samplingFraction;
                return t;
            }, _ => { });
            return x;
        }
    }

    private struct ReadObserver(bool[] read) : IShowerObserver
    {
        public double GeV;
        public readonly void OnStep(in StepPoint point) { }
        // Deposited energy, not scintillator light, as the parametrised model's calibration (EngineLayerProfile likewise).
        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { if (read[slab]) GeV += energyGeV; }
        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }
        public readonly void OnLeak(in LeavingParticle particle, double budgetGeV) { }
        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

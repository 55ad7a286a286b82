using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Core.Materials;
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
/// The parametrised calorimeter's muon response (restricted ionisation below T_δ read at the MIP scale with its Bohr spread,
/// knock-on electrons above T_δ and radiative losses as EM showers at a uniform depth in their region;
/// docs/physics/calorimeter-parametrised.md#muon-ionisation) against the shower engine's μ⁻ in the same stacks (δ rays,
/// relativistic rise, Urban fluctuations, radiative losses), both at the EM scale: the engine's deposited scintillator energy
/// over its own electron sampling fraction. The model takes the engine's e/mip (its electron over its MIP sampling fraction)
/// instead of the card's [assumed] 0.7 and 0.8, so that the comparison tests how the model turns a muon's losses into signal.
/// The criterion, fixed before this comparison was written as a test: the median (and at 100 GeV the mean) within 5 % of the
/// engine's (the issue-13 target used for the ECAL's preshower share) plus 3σ, and the relative half-width
/// (q84 − q16)/(2 median) within 25 % of the engine's plus 3σ; errors from the spread of ten batches
/// (docs/physics/calorimeter-parametrised.md#muons-against-the-shower-engine).
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

    [Theory]
    [InlineData(2.0, 2000)]
    [InlineData(10.0, 4000)]
    public void Ecal_muon_signal_agrees_with_the_engine(double e, int n)
    {
        output.WriteLine(Inv($"engine e/mip: ECAL {ModelCard.Value.Ecal.ElectronToMipRatio:F4} (card {Card.Ecal.ElectronToMipRatio}), HCAL {ModelCard.Value.Hcal.ElectronToMipRatio:F4} (card {Card.Hcal.ElectronToMipRatio})"));
        (double[] engine, double[] model) = EcalSamples(e, n);
        AssertMedianAndWidth($"ECAL {e} GeV", engine, model);
    }

    [Fact]
    public void Ecal_muon_signal_at_100_GeV_agrees_with_the_engine()
    {
        // At 100 GeV a muon makes δ rays up to W_max = 90 GeV and about one direct pair above 3 MeV in the ECAL's lead; the
        // median reads the restricted loss and the soft knock-ons, the mean the hard losses too, so both are checked.
        (double[] engine, double[] model) = EcalSamples(100.0, 16000);
        AssertMedianAndWidth("ECAL 100 GeV", engine, model, width: false);
        (double ratio, double err) = Ratio(model, engine, x => x.Average());
        output.WriteLine(Line("ECAL 100 GeV mean", engine, model, x => x.Average(), ratio, err));
        Tolerance.Abs(MedianTarget + 3 * err, "5 % + 3σ (batch spread)").AssertClose(1.0, ratio, "ECAL muon mean, model/engine, 100 GeV");
    }

    [Fact]
    public void Hcal_muon_signal_agrees_with_the_engine_at_5_10_and_100_GeV()
    {
        HcalOptions h = Card.Hcal;
        SlabStack stack = GeometryCatalog.Load("na64-hcal");
        Assert.Equal(h.LayersPerModule * 2 * h.Modules, stack.SlabCount);
        Assert.Equal(h.IronThicknessCm + h.ScintillatorThicknessCm, stack.ZEdgesCm[2] - stack.ZEdgesCm[0], 12);

        // A muon reaches the HCAL after the ECAL (≈ 0.4 GeV of loss); the engine's HCAL starts it at the HCAL face with that
        // energy less, the model starts it at the ECAL face.
        foreach (double e in new[] { 5.0, 10.0, 100.0 })
        {
            double lost = Ecal.Value.MeanLossGeV(e);
            double[] engine = Hcal.Value.Sample(ShowerSpecies.MuonMinus, e - lost - MuonMassGeV, 1000, 41);
            double[] model = ModelSample(e, 1000, d => d.HcalGeV[0] + d.HcalGeV[1]);
            AssertMedianAndWidth(Inv($"HCAL modules 1 + 2, {e} GeV at the ECAL face ({e - lost:F2} GeV at the HCAL)"), engine, model);
        }
    }

    private void AssertMedianAndWidth(string what, double[] engine, double[] model, bool width = true)
    {
        (double ratio, double err) = Ratio(model, engine, Median);
        output.WriteLine(Line($"{what} median", engine, model, Median, ratio, err));
        Tolerance.Abs(MedianTarget + 3 * err, "5 % + 3σ (batch spread)").AssertClose(1.0, ratio, $"{what}: muon median, model/engine");
        if (!width) return;
        (double wRatio, double wErr) = Ratio(model, engine, RelativeHalfWidth);
        output.WriteLine(Line($"{what} relative half-width", engine, model, RelativeHalfWidth, wRatio, wErr));
        Tolerance.Abs(WidthTarget + 3 * wErr, "25 % + 3σ (batch spread)").AssertClose(1.0, wRatio, $"{what}: muon relative half-width, model/engine");
    }

    /// <summary>Calibrated ECAL signals of μ⁻ of total energy <paramref name="e"/> at the face: engine (stream 41) and model (stream 42).</summary>
    private static (double[] Engine, double[] Model) EcalSamples(double e, int n) =>
        (Ecal.Value.Sample(ShowerSpecies.MuonMinus, e - MuonMassGeV, n, 41), ModelSample(e, n, d => d.EcalTotalGeV()));

    /// <summary>The card with the engine's e/mip in place of its [assumed] ones (ECAL 0.7, HCAL 0.8): e/mip is the ratio of the
    /// stacks' electron and MIP sampling fractions, so with the engine's own the comparison tests how the model turns a muon's
    /// losses into signal (relativistic rise, knock-on electrons, radiation), not the card's calibration constants.</summary>
    private static readonly Lazy<SetupCard> ModelCard = new(() => Card with
    {
        Ecal = Card.Ecal with { ElectronToMipRatio = Ecal.Value.SamplingFraction / MipSamplingFraction(Card.Ecal.AbsorberMaterial, Card.Ecal.LeadThicknessCm, Card.Ecal.ActiveMaterial, Card.Ecal.ScintillatorThicknessCm) },
        Hcal = Card.Hcal with { ElectronToMipRatio = Hcal.Value.SamplingFraction / MipSamplingFraction(Card.Hcal.AbsorberMaterial, Card.Hcal.IronThicknessCm, Card.Hcal.ActiveMaterial, Card.Hcal.ScintillatorThicknessCm) },
    });

    /// <summary>Share of a minimum-ionising particle's loss in the active layer of an absorber/active pair (PDG dE/dx_min).</summary>
    private static double MipSamplingFraction(string absorber, double absorberCm, string active, double activeCm)
    {
        Material a = MaterialCatalog.ByName(absorber), s = MaterialCatalog.ByName(active);
        double inActive = activeCm * s.DensityGPerCm3 * s.MinimumIonisationGeVCm2PerG;
        return inActive / (inActive + absorberCm * a.DensityGPerCm3 * a.MinimumIonisationGeVCm2PerG);
    }

    private static double[] ModelSample(double e, int n, Func<CalorimeterDeposits, double> read)
    {
        SetupCard card = ModelCard.Value;
        var model = new ParametrisedShowerModel(card, new CalorimeterLayout(card));
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
        /// <summary>Deposited scintillator energy over the electron energy.</summary>
        public double SamplingFraction => samplingFraction;

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

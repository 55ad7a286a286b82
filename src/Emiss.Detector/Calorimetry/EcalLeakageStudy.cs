using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Detector.Calorimetry;

/// <summary>What the shower engine sends out of the ECAL's back at one energy, and the two constants that turn the
/// parametrised profile's share past the back into that flow (docs/physics/calorimeter-parametrised.md#past-the-ecals-back).</summary>
/// <param name="EnergyGeV">Electron energy (total), GeV.</param>
/// <param name="Showers">Engine showers.</param>
/// <param name="DeepSamplingRatio">Sampling fraction of the ECAL's last quarter of layers over the whole ECAL's
/// (card key <c>ecal.profileDeepSamplingRatio</c>).</param>
/// <param name="DeepSamplingRatioError">Its statistical error (ratio of sums over the showers, delta method).</param>
/// <param name="AbsorbedFraction">Energy a stack of twice the ECAL's layers deposits behind the ECAL's back over the energy
/// flowing out of the ECAL's back, on the same showers (card key <c>ecal.profileBackFlowAbsorbedFraction</c>).</param>
/// <param name="AbsorbedFractionError">Its statistical error (paired showers, delta method).</param>
/// <param name="FlowMeV">Mean energy flowing out of the ECAL's back per shower, MeV.</param>
/// <param name="FlowErrorMeV">Its statistical error, MeV.</param>
/// <param name="PhotonsPerShower">Photons leaving through the back per shower.</param>
/// <param name="PhotonMeanMeV">Their mean energy, MeV (<see cref="LeakagePhotonsInPlane"/> takes 2.4).</param>
/// <param name="PhotonMedianMeV">Their median energy, MeV; NaN without photons.</param>
/// <param name="PhotonMeanInverseCosine">Their mean 1/cos θ to the axis (<see cref="LeakagePhotonsInPlane"/> takes 1.25).</param>
/// <param name="ChargedPerShower">Charged particles leaving through the back per shower.</param>
/// <param name="ProfileShareMeV">The card's parametrised profile's share past the ECAL's back, e·(1 − F), mean over drawn
/// shapes, MeV: the flow the model predicts is this over (s_deep · a) of the card.</param>
public sealed record EcalLeakagePoint(double EnergyGeV, int Showers, double DeepSamplingRatio, double DeepSamplingRatioError,
    double AbsorbedFraction, double AbsorbedFractionError, double FlowMeV, double FlowErrorMeV, double PhotonsPerShower,
    double PhotonMeanMeV, double PhotonMedianMeV, double PhotonMeanInverseCosine, double ChargedPerShower, double ProfileShareMeV);

/// <summary>
/// Measures, in the shower engine, what leaks out of the back of a set-up card's ECAL and the constants of the parametrised
/// model's flow past the back: electrons on the ECAL's axis through the card's layering and, on the same streams, through a
/// stack of twice as many layers (<c>emiss study ecal-leakage</c>). The procedure behind
/// <see cref="ShowerMedium.NA64PbScDeepSamplingRatio"/> and <see cref="ShowerMedium.NA64PbScBackFlowAbsorbedFraction"/>.
/// Showers run in parallel on fixed streams (each energy's seed derived from the master seed and the energy,
/// <see cref="EngineLayerProfile.EnergySeed"/>; shower; index) and are kept by index, so results do not depend on the
/// thread count.
/// </summary>
public static class EcalLeakageStudy
{
    /// <summary>Stream of the study's engine showers (the validation in LeakagePhotonsInPlaneTests uses stream 63).</summary>
    public const ulong DefaultSeed = 65;

    /// <summary>Model shapes drawn per energy for <see cref="EcalLeakagePoint.ProfileShareMeV"/>.</summary>
    public const int ProfileDraws = 20_000;

    /// <summary>10, 30 and 50 GeV (a signal event's recoil lies below the 50 GeV box) with 1600, 600 and 300 showers, about
    /// the same engine time each.</summary>
    public static IReadOnlyList<TunePoint> DefaultPoints { get; } = [new(10, 1600), new(30, 600), new(50, 300)];

    /// <summary>First layer of the "deep" part whose sampling fraction <see cref="EcalLeakagePoint.DeepSamplingRatio"/> is:
    /// the last quarter of the layers (113–149 of the NA64 ECAL's 150, 30.6–40.6 X0).</summary>
    public static int DeepFirstLayer(int layers) => layers - layers / 4;

    /// <summary>Runs <paramref name="point"/>'s showers through the card's ECAL and the doubled stack.</summary>
    public static EcalLeakagePoint Measure(SetupCard card, TunePoint point, ulong seed, int threads = 2, PhysicsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfLessThan(point.Showers, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        EcalOptions e = card.Ecal;
        var layout = new CalorimeterLayout(card);
        var ecal = new ShowerPhysics(EcalLayering.FromCard(e, "ecal", "the card's ECAL", layout.EcalHalfWidthXCm), options ?? PhysicsOptions.Standard);
        var doubled = new ShowerPhysics(EcalLayering.FromCard(e with { Layers = 2 * e.Layers }, "ecal-x2", "the card's ECAL continued to twice its layers",
            layout.EcalHalfWidthXCm), options ?? PhysicsOptions.Standard);
        int deepSlab = 2 * DeepFirstLayer(e.Layers), backSlab = 2 * e.Layers;
        double backCm = ecal.Geometry.LengthCm;
        double kinetic = point.EnergyGeV - 0.000511;
        var inEcal = new LeakObserver[point.Showers];
        var behind = new double[point.Showers];
        // Each energy on streams of its own, so that the mean over energies (one card constant for all) averages
        // independent estimates (docs/physics/calorimeter-parametrised.md#independent-samples-per-energy); the
        // continued stack replays the ECAL's streams, so the two differ only past the back plane.
        ulong energySeed = EngineLayerProfile.EnergySeed(seed, point.EnergyGeV);
        Parallel.For(0, point.Showers, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (new ShowerTransport(ecal), new ShowerTransport(doubled)), (i, _, t) =>
            {
                var obs = new LeakObserver(deepSlab, int.MaxValue, backCm, ecal.Geometry.SlabActive);
                EventRng r = RngStreams.For(energySeed, StreamKind.Shower, (ulong)i);
                t.Item1.RunEvent(ShowerSpecies.Electron, kinetic, ref r, ref obs);
                inEcal[i] = obs;
                var past = new LeakObserver(int.MaxValue, backSlab, double.PositiveInfinity, doubled.Geometry.SlabActive);
                r = RngStreams.For(energySeed, StreamKind.Shower, (ulong)i);
                t.Item2.RunEvent(ShowerSpecies.Electron, kinetic, ref r, ref past);
                behind[i] = past.BehindGeV;
                return t;
            }, _ => { });

        int n = point.Showers;
        double mean = inEcal.Sum(o => o.ActiveGeV) / inEcal.Sum(o => o.AllGeV);
        double deepAll = inEcal.Sum(o => o.DeepGeV), deep = inEcal.Sum(o => o.DeepActiveGeV) / deepAll;
        double deepError = Math.Sqrt(inEcal.Sum(o => Square(o.DeepActiveGeV - deep * o.DeepGeV))) / deepAll / mean;
        double flowSum = inEcal.Sum(o => o.FlowGeV);
        double absorbed = behind.Sum() / flowSum;
        double absorbedError = Math.Sqrt(inEcal.Select((o, i) => Square(behind[i] - absorbed * o.FlowGeV)).Sum()) / flowSum;
        double flow = flowSum / n, flowError = Math.Sqrt(inEcal.Sum(o => Square(o.FlowGeV - flow)) / ((double)n * (n - 1)));
        double[] photons = [.. inEcal.SelectMany(o => o.PhotonsMeV ?? [])];
        Array.Sort(photons);
        double median = photons.Length == 0 ? double.NaN
            : photons.Length % 2 == 1 ? photons[photons.Length / 2] : 0.5 * (photons[photons.Length / 2 - 1] + photons[photons.Length / 2]);
        int photonCount = photons.Length;
        return new EcalLeakagePoint(point.EnergyGeV, n, deep / mean, deepError, absorbed, absorbedError, flow * 1e3, flowError * 1e3,
            photonCount / (double)n, photonCount == 0 ? double.NaN : photons.Average(),
            median, photonCount == 0 ? double.NaN : inEcal.Sum(o => o.PhotonInverseCosineSum) / photonCount,
            inEcal.Sum(o => o.Charged) / (double)n, ProfileShareMeV(layout, point.EnergyGeV, seed));
    }

    /// <summary>The card's profile's mean share past the ECAL's back, e·(1 − F(t_back)), over <see cref="ProfileDraws"/>
    /// shapes drawn on the digitization streams of <paramref name="seed"/>, MeV.</summary>
    private static double ProfileShareMeV(CalorimeterLayout layout, double energyGeV, ulong seed)
    {
        double tBack = layout.Regions[layout.HcalFirstRegion - 1].X0Start - layout.Regions[0].X0Start;
        double share = 0;
        for (int i = 0; i < ProfileDraws; i++)
        {
            EventRng r = RngStreams.For(seed, StreamKind.Digitization, (ulong)i);
            GammaShape shape = EmLongitudinalProfile.Draw(energyGeV, layout.EcalShowerMedium, false, ref r);
            share += 1 - EmLongitudinalProfile.Cumulative(shape, tBack);
        }
        return energyGeV * share / ProfileDraws * 1e3;
    }

    private static double Square(double x) => x * x;

    /// <summary>Deposits of one shower: all slabs and those from <c>deepFrom</c> on, each split into active and all; deposits
    /// from slab <c>behindFrom</c> on; and what leaves through the plane at <c>backCm</c> going downstream.</summary>
    private struct LeakObserver(int deepFrom, int behindFrom, double backCm, bool[] active) : IShowerObserver
    {
        public double ActiveGeV, AllGeV, DeepActiveGeV, DeepGeV, BehindGeV, FlowGeV, PhotonInverseCosineSum;
        public int Charged;
        public List<double>? PhotonsMeV;

        public readonly void OnStep(in StepPoint point) { }

        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV)
        {
            if (slab >= behindFrom)
            {
                BehindGeV += energyGeV;
                return;
            }
            // Deposits, not the scintillator light: the constants feed the parametrised profile, which describes deposits.
            double activeDeposit = active[slab] ? energyGeV : 0;
            (AllGeV, ActiveGeV) = (AllGeV + energyGeV, ActiveGeV + activeDeposit);
            if (slab >= deepFrom) (DeepGeV, DeepActiveGeV) = (DeepGeV + energyGeV, DeepActiveGeV + activeDeposit);
        }

        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public void OnLeak(in LeavingParticle particle, double budgetGeV)
        {
            if (!(particle.Uz > 0 && particle.ZCm >= backCm - 1e-6)) return;
            FlowGeV += budgetGeV;
            if (particle.Type == ShowerSpecies.Gamma)
            {
                (PhotonsMeV ??= []).Add(particle.KineticEnergyGeV * 1e3);
                PhotonInverseCosineSum += 1 / particle.Uz;
            }
            else Charged++;
        }

        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Visible (scintillator) energy per ECAL layer of electron (or photon) showers transported by the shower engine through the set-up
/// card's Pb/Sc layering (<see cref="EcalLayering"/>, the stack of <see cref="FullEcalShowerModel"/>), one row per shower.
/// The reference against which the parametrised longitudinal profile is tuned (<see cref="ProfileShiftFit"/>) and
/// validated. Showers run in parallel on fixed streams (seed, shower, index) and are stored by index, so the sample does
/// not depend on the thread count. Samples of several energies drawn on one seed share their streams: shower i of every
/// energy begins with the same random numbers, so a photon converts at nearly the same depth at 2, 5, 10 and 100 GeV and
/// one fluctuation appears at every energy at once. A caller that combines energies in one fit draws each energy on its
/// own seed (<see cref="EnergySeed"/>), as <see cref="EcalProfileTune"/> does
/// (docs/physics/calorimeter-parametrised.md#independent-samples-per-energy).
/// </summary>
public static class EngineLayerProfile
{
    /// <summary>Per-shower visible energy in each of the card's layers (arbitrary common scale) for
    /// <paramref name="showers"/> electrons (or, with <paramref name="photon"/>, photons) of total energy
    /// <paramref name="energyGeV"/> on the ECAL's axis, with the engine's <paramref name="options"/> (default
    /// <see cref="PhysicsOptions.Standard"/>).</summary>
    public static double[][] Sample(SetupCard card, double energyGeV, int showers, ulong seed, int threads = 2, PhysicsOptions? options = null,
        bool photon = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfLessThan(showers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        EcalOptions e = card.Ecal;
        var layout = new CalorimeterLayout(card);
        var physics = new ShowerPhysics(EcalLayering.FromCard(e, "profile", "ECAL for the profile tune", layout.EcalHalfWidthXCm), options ?? PhysicsOptions.Standard);
        var rows = new double[showers][];
        Parallel.For(0, showers, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new ShowerTransport(physics), (i, _, transport) =>
        {
            var obs = new LayerObserver(new double[e.Layers]);
            EventRng r = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            if (photon) transport.RunEvent(ShowerSpecies.Gamma, energyGeV, ref r, ref obs);
            else transport.RunEvent(ShowerSpecies.Electron, energyGeV - 0.000511, ref r, ref obs);
            rows[i] = obs.Layers;
            return transport;
        }, _ => { });
        return rows;
    }

    /// <summary>The seed of one energy's sample in a set of energies drawn from <paramref name="seed"/>: derived from (seed, the
    /// energy in keV) on a block of the shower stream that shower indices do not reach, as the pseudo-data's run seeds are, so
    /// that the energies are independent samples and the same (seed, energy) gives the same sample.</summary>
    public static ulong EnergySeed(ulong seed, double energyGeV)
    {
        double keV = Math.Round(energyGeV * 1e6);
        if (!(keV >= 1 && keV < uint.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(energyGeV), energyGeV, "the shower energy must lie between 1 keV and 4 TeV");
        return RngStreams.DerivedSeed(seed, StreamKind.Shower, 0xFFFF_0000_0000_0000UL | (uint)keV);
    }

    /// <summary>Sums active-slab deposits per layer (slab 2k absorber, 2k + 1 scintillator of layer k).</summary>
    private readonly struct LayerObserver(double[] layers) : IShowerObserver
    {
        public double[] Layers => layers;
        public void OnStep(in StepPoint point) { }
        // The deposited energy, not the scintillator light: the parametrised profile describes deposits (it is calibrated by the
        // sampling fraction; docs/physics/birks-saturation.md#the-detectors-ecal).
        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { if ((slab & 1) == 1) layers[slab >> 1] += energyGeV; }
        public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }
        public void OnLeak(in LeavingParticle particle, double budgetGeV) { }
        public void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

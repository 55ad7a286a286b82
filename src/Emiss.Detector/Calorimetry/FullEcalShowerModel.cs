using System.Collections.Concurrent;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// The "full" ECAL model: e±/γ entering the ECAL are transported by the Emiss.Shower engine through the card's
/// Pb/Sc layering (a <see cref="SlabStack"/> built here: preshower and main sections, scintillator active), and the
/// energy deposited in scintillator is scored per cell and divided by the EM sampling fraction, which is
/// calibrated at construction with <c>calibrationShowers</c> electron showers (the experiment's electron
/// calibration). Hadrons, muons, particles missing the ECAL and showers starting below the ECAL face use the parametrised model. Approximations: the
/// lateral world is the ECAL half-width around the entry point (not the module array's true edges), and energy
/// leaking out of the back of the ECAL (≲ 0.1 % for 40 X0) is counted as escaped instead of reaching V2/HCAL.
/// Thread-safe: transport workers (which own their particle stacks) are pooled and handed out one per call; a worker
/// keeps no state between events, so results do not depend on which worker or thread runs an event.
/// </summary>
public sealed class FullEcalShowerModel : ICalorimeterShowerModel
{
    private readonly ShowerPhysics _physics;
    private readonly ConcurrentBag<ShowerTransport> _workers = [];
    private readonly ParametrisedShowerModel _fallback;
    private readonly CalorimeterLayout _layout;
    private readonly bool[] _active, _preshower;

    /// <summary>Builds the engine for the card's ECAL; <paramref name="calibrationShowers"/> electron showers of
    /// <paramref name="calibrationEnergyGeV"/> fix the sampling fraction (deterministic streams).</summary>
    public FullEcalShowerModel(SetupCard card, CalorimeterLayout layout, PhysicsOptions? options = null,
                               int calibrationShowers = 16, double calibrationEnergyGeV = 5.0)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        EcalOptions e = card.Ecal;
        SlabStack stack = EcalLayering.FromCard(e, "na64-ecal-from-card", "ECAL built from the set-up card", layout.EcalHalfWidthXCm);
        _physics = new ShowerPhysics(stack, options ?? new PhysicsOptions());
        _fallback = new ParametrisedShowerModel(card, layout);
        _active = [.. stack.SlabActive];
        _preshower = [.. stack.SlabSection.Select(s => stack.SectionNames[s] == "preshower")];

        // Sampling fraction: mean scintillator share of electron showers (calibration with electrons).
        double active = 0, total = 0;
        var pre = new double[e.CellsX * e.CellsY];
        var main = new double[pre.Length];
        for (int k = 0; k < calibrationShowers; k++)
        {
            EventRng r = RngStreams.For(0x5EED_CA1B, StreamKind.Shower, (1UL << 63) + (ulong)k);
            var obs = new CellObserver(this, pre, main, 0, 0, 1.0);
            ShowerTransport t = Rent();
            t.RunEvent(ShowerSpecies.Electron, calibrationEnergyGeV, ref r, ref obs);
            _workers.Add(t);
            active += obs.ActiveGeV;
            total += calibrationEnergyGeV;
        }
        SamplingFraction = active / total;
        if (!(SamplingFraction > 0)) throw new InvalidOperationException("full ECAL model: calibration showers deposited nothing in scintillator");
    }

    /// <inheritdoc />
    public string Name => "full";

    /// <summary>Calibrated EM sampling fraction (scintillator deposit / electron energy).</summary>
    public double SamplingFraction { get; }

    /// <inheritdoc />
    public void Deposit(in IncidentParticle particle, ref EventRng rng, CalorimeterDeposits into)
    {
        ArgumentNullException.ThrowIfNull(into);
        // The engine starts particles at the ECAL face; a shower that begins inside the ECAL (an A′ recoil) uses the
        // parametrised profile, which starts at any depth.
        if (!ParticleProperties.IsElectromagnetic(particle.Kind) || !_layout.HitsEcal(particle.XCm, particle.YCm) || !(particle.EnergyGeV > 0) || particle.DepthX0 != 0)
        {
            _fallback.Deposit(particle, ref rng, into);
            return;
        }
        ShowerSpecies type = particle.Kind switch
        {
            DetectorSpecies.Photon => ShowerSpecies.Gamma,
            DetectorSpecies.Positron => ShowerSpecies.Positron,
            _ => ShowerSpecies.Electron,
        };
        double kinetic = particle.Kind == DetectorSpecies.Photon ? particle.EnergyGeV : particle.EnergyGeV - ParticleProperties.MassGeV(particle.Kind);
        var obs = new CellObserver(this, into.EcalPreshowerGeV, into.EcalMainGeV, particle.XCm, particle.YCm, 1.0 / SamplingFraction);
        ShowerTransport worker = Rent();
        EventLedger ledger = worker.RunEvent(type, kinetic, ref rng, ref obs);
        _workers.Add(worker);
        into.EscapedGeV += ledger.LeakedGeV + ledger.InvisibleGeV + obs.LostCalibratedGeV;
    }

    private ShowerTransport Rent() => _workers.TryTake(out ShowerTransport? t) ? t : new ShowerTransport(_physics);

    private int Cell(double x, double y)
    {
        int ix = (int)Math.Floor((x - _layout.CellLowX(0)) / _layout.CellSizeCm);
        int iy = (int)Math.Floor((y - _layout.CellLowY(0)) / _layout.CellSizeCm);
        return (uint)ix < (uint)_layout.CellsX && (uint)iy < (uint)_layout.CellsY ? ix + _layout.CellsX * iy : -1;
    }

    /// <summary>Scores scintillator deposits into ECAL cells (calibrated by 1/sampling fraction).</summary>
    private struct CellObserver(FullEcalShowerModel model, double[] pre, double[] main, double x0, double y0, double scale) : IShowerObserver
    {
        public double ActiveGeV;
        public double LostCalibratedGeV;

        public readonly void OnStep(in StepPoint point) { }

        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV)
        {
            if (!model._active[slab]) return;
            ActiveGeV += energyGeV;
            int c = model.Cell(xCm + x0, yCm + y0);
            if (c < 0) { LostCalibratedGeV += energyGeV * scale; return; }
            (model._preshower[slab] ? pre : main)[c] += energyGeV * scale;
        }

        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public readonly void OnLeak(in LeavingParticle particle, double budgetGeV) { }

        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

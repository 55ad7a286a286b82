using System.Collections.Concurrent;
using Emiss.Core.Constants;
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
/// calibrated at construction with electron showers (the experiment's electron calibration) to a statistical precision
/// of <see cref="SamplingFractionRelativeError"/> (≤ 0.2 % with the defaults). Muons cross the ECAL and V2 in the engine
/// and continue in the parametrised HCAL. Hadrons, particles missing the ECAL and showers starting below the ECAL face use
/// the parametrised model. V2 is a slab of the engine's world directly
/// behind the ECAL, so the photons and electrons leaking out of the ECAL's back deposit there as transported (Compton
/// recoils of the few-MeV photons that carry the deep tail). e±/γ that leave the engine's world going downstream — out
/// of the back of V2, or out of the ECAL's sides — are followed to where they would arrive (the back plane of the ECAL,
/// projected along their direction): charged ones that left before V2 cross it as a MIP, and the energy leaking from the
/// ECAL showers in the HCAL modules (parametrised profile from the HCAL face) instead of being dropped; what leaves
/// upstream (albedo) escapes. Approximation: the lateral world is the ECAL half-width around the entry point (not the module
/// array's true edges).
/// Thread-safe: transport workers (which own their particle stacks) are pooled and handed out one per call; a worker
/// keeps no state between events, so results do not depend on which worker or thread runs an event.
/// </summary>
public sealed class FullEcalShowerModel : ICalorimeterShowerModel
{
    private readonly ShowerPhysics _physics;
    private readonly ConcurrentBag<Worker> _workers = [];
    private readonly ParametrisedShowerModel _fallback;
    private readonly CalorimeterLayout _layout;
    private readonly bool[] _active, _preshower;
    private readonly int _v2Slab;
    private readonly double _ecalLengthCm, _v2ThicknessCm, _hcalDepthX0, _v2MipGeV;

    /// <summary>Default calibration: 24 showers of 100 GeV electrons (the beam energy) give the sampling fraction to
    /// ≈ 0.17 % statistically (σ/E ≈ 0.8 % per shower at 100 GeV, /√24); cost ≈ 14 s of one core at construction.</summary>
    public const int DefaultCalibrationShowers = 24;

    /// <summary>Energy of the default calibration electrons, GeV.</summary>
    public const double DefaultCalibrationEnergyGeV = 100.0;

    /// <summary>Builds the engine for the card's ECAL; <paramref name="calibrationShowers"/> electron showers of
    /// <paramref name="calibrationEnergyGeV"/> fix the sampling fraction (deterministic streams).</summary>
    public FullEcalShowerModel(SetupCard card, CalorimeterLayout layout, PhysicsOptions? options = null,
                               int calibrationShowers = DefaultCalibrationShowers, double calibrationEnergyGeV = DefaultCalibrationEnergyGeV)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        EcalOptions e = card.Ecal;
        SlabStack stack = EcalLayering.FromCard(e, "na64-ecal-from-card", "ECAL built from the set-up card, V2 behind it",
            layout.EcalHalfWidthXCm, card.V2.ThicknessCm);
        _physics = new ShowerPhysics(stack, options ?? new PhysicsOptions());
        _fallback = new ParametrisedShowerModel(card, layout);
        _active = [.. stack.SlabActive];
        _preshower = [.. stack.SlabSection.Select(s => stack.SectionNames[s] == "preshower")];

        _v2Slab = stack.SlabCount - 1;
        _ecalLengthCm = stack.LengthCm - card.V2.ThicknessCm;
        _v2ThicknessCm = card.V2.ThicknessCm;
        _hcalDepthX0 = layout.Regions[layout.HcalFirstRegion].X0Start - layout.Regions[0].X0Start;
        _v2MipGeV = layout.Regions.First(r => r.Kind == RegionKind.Veto).MipDepositGeV;

        // Sampling fraction: mean scintillator share of electron showers (calibration with electrons). Showers run in
        // parallel on fixed streams and are summed in index order, so the value does not depend on the thread count.
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationShowers, 2);
        var share = new double[calibrationShowers];
        Parallel.For(0, calibrationShowers, k =>
        {
            var pre = new double[e.CellsX * e.CellsY];
            var main = new double[pre.Length];
            EventRng r = RngStreams.For(0x5EED_CA1B, StreamKind.Shower, (1UL << 63) + (ulong)k);
            Worker w = Rent();
            var obs = new CellObserver(this, pre, main, 0, 0, 1.0, w.Leaving);
            w.Transport.RunEvent(ShowerSpecies.Electron, calibrationEnergyGeV, ref r, ref obs);
            _workers.Add(w);
            share[k] = obs.ActiveGeV / calibrationEnergyGeV;
        });
        double mean = 0;
        foreach (double x in share) mean += x;
        mean /= calibrationShowers;
        double var = 0;
        foreach (double x in share) var += (x - mean) * (x - mean);
        SamplingFraction = mean;
        if (!(SamplingFraction > 0)) throw new InvalidOperationException("full ECAL model: calibration showers deposited nothing in scintillator");
        SamplingFractionRelativeError = Math.Sqrt(var / (calibrationShowers - 1) / calibrationShowers) / mean;
        CalibrationShowers = calibrationShowers;
        CalibrationEnergyGeV = calibrationEnergyGeV;
    }

    /// <inheritdoc />
    public string Name => "full";

    /// <summary>Calibrated EM sampling fraction (scintillator deposit / electron energy).</summary>
    public double SamplingFraction { get; }

    /// <summary>Statistical relative error of <see cref="SamplingFraction"/> from the spread of the calibration showers.</summary>
    public double SamplingFractionRelativeError { get; }

    /// <summary>Number of calibration showers.</summary>
    public int CalibrationShowers { get; }

    /// <summary>Energy of the calibration electrons, GeV.</summary>
    public double CalibrationEnergyGeV { get; }

    /// <inheritdoc />
    public void Deposit(in IncidentParticle particle, ref EventRng rng, CalorimeterDeposits into)
    {
        ArgumentNullException.ThrowIfNull(into);
        // The engine starts particles at the ECAL face; a shower that begins inside the ECAL (an A′ recoil) uses the
        // parametrised profile, which starts at any depth. Hadrons use the parametrised model (the engine has no hadronic
        // physics); muons cross the ECAL and V2 in the engine and continue in the parametrised HCAL (ForwardDownstream).
        bool engine = ParticleProperties.IsElectromagnetic(particle.Kind) || ParticleProperties.IsMuon(particle.Kind);
        // A muon whose decay a caller forced (with its weight) takes the parametrised stack, which places the decay.
        if (!engine || !_layout.HitsEcal(particle.XCm, particle.YCm) || !(particle.EnergyGeV > 0) || particle.DepthX0 != 0
            || particle.DecayLifetimes is not null)
        {
            _fallback.Deposit(particle, ref rng, into);
            return;
        }
        ShowerSpecies type = particle.Kind switch
        {
            DetectorSpecies.Photon => ShowerSpecies.Gamma,
            DetectorSpecies.Positron => ShowerSpecies.Positron,
            DetectorSpecies.MuonMinus => ShowerSpecies.MuonMinus,
            DetectorSpecies.MuonPlus => ShowerSpecies.MuonPlus,
            _ => ShowerSpecies.Electron,
        };
        double kinetic = particle.Kind == DetectorSpecies.Photon ? particle.EnergyGeV : particle.EnergyGeV - ParticleProperties.MassGeV(particle.Kind);
        if (!(kinetic > 0)) { into.EscapedGeV += particle.EnergyGeV; return; }
        Worker worker = Rent();
        var obs = new CellObserver(this, into.EcalPreshowerGeV, into.EcalMainGeV, particle.XCm, particle.YCm, 1.0 / SamplingFraction, worker.Leaving);
        EventLedger ledger = worker.Transport.RunEvent(type, kinetic, ref rng, ref obs);
        double forwarded = ForwardDownstream(worker.Leaving, particle.XCm, particle.YCm, ref rng, into);
        _workers.Add(worker);
        into.V2MeV += obs.V2GeV * 1e3;
        into.EscapedGeV += ledger.LeakedGeV - forwarded + ledger.InvisibleGeV + obs.LostCalibratedGeV;
    }

    /// <summary>
    /// Hands the e±/γ that left the engine's world going downstream to what lies behind it. Each is followed along its
    /// line to the ECAL's back plane. Those arriving behind the ECAL face — out of V2's back, or out of the ECAL's side
    /// but projected onto its back (the world is centred on the entry point, not on the module array) — shower in the
    /// HCAL as one EM shower of the summed energy at the energy-weighted position (the parametrised profile starting at
    /// the HCAL face), a charged one that left before V2 first leaving the V2's mean minimum-ionising deposit there (or
    /// its kinetic energy if less); those arriving beside the ECAL do the same from the HCAL face without V2. One shower
    /// per group, not one per particle, because the parametrised HCAL response smears each shower with σ ∝ √E and clips
    /// at zero, which for hundreds of MeV-scale leakers per event would add energy that was never there. What leaves upstream
    /// (albedo) escapes. A muon going downstream continues behind V2 in the parametrised HCAL
    /// (<see cref="ParametrisedShowerModel.DepositMuonBehindV2"/>) at its position projected to the world's back plane, with
    /// its kinetic energy and rest mass. Returns the energy handed over.
    /// </summary>
    private double ForwardDownstream(List<(LeavingParticle Particle, double BudgetGeV)> leaving, double x0, double y0,
        ref EventRng rng, CalorimeterDeposits into)
    {
        double v2Deposit = 0;
        double behindGeV = 0, behindX = 0, behindY = 0, besideGeV = 0, besideX = 0, besideY = 0;
        bool behindCharged = false, besideCharged = false;
        double muonsGeV = 0;
        foreach (var (p, budget) in leaving)
        {
            if (p.Uz > 0 && budget > 0 && p.Type is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus)
            {
                double toEnd = Math.Max(0, _ecalLengthCm + _v2ThicknessCm - p.ZCm);
                _fallback.DepositMuonBehindV2(budget + PhysicalConstants.MuonMassGeV, x0 + p.XCm + p.Ux / p.Uz * toEnd,
                    y0 + p.YCm + p.Uy / p.Uz * toEnd, ref rng, into);
                muonsGeV += budget;
                continue;
            }
            if (!(p.Uz > 0) || !(budget > 0) || p.Type is not (ShowerSpecies.Gamma or ShowerSpecies.Electron or ShowerSpecies.Positron)) continue;
            bool charged = p.Type != ShowerSpecies.Gamma;
            double toBack = Math.Max(0, _ecalLengthCm - p.ZCm);
            double x = x0 + p.XCm + p.Ux / p.Uz * toBack, y = y0 + p.YCm + p.Uy / p.Uz * toBack;
            if (_layout.HitsEcal(x, y))
            {
                double e = budget;
                if (charged && p.ZCm < _ecalLengthCm)
                {
                    double mip = Math.Min(p.KineticEnergyGeV, _v2MipGeV);
                    v2Deposit += mip;
                    e -= mip;
                }
                behindGeV += e;
                behindX += e * x;
                behindY += e * y;
                behindCharged |= charged;
            }
            else
            {
                besideGeV += budget;
                besideX += budget * x;
                besideY += budget * y;
                besideCharged |= charged;
            }
        }
        into.V2MeV += v2Deposit * 1e3;
        if (behindGeV > 0)
            _fallback.Deposit(new IncidentParticle(behindCharged ? DetectorSpecies.Electron : DetectorSpecies.Photon, behindGeV,
                behindX / behindGeV, behindY / behindGeV) { DepthX0 = _hcalDepthX0 }, ref rng, into);
        if (besideGeV > 0)
            _fallback.Deposit(new IncidentParticle(besideCharged ? DetectorSpecies.Electron : DetectorSpecies.Photon, besideGeV,
                besideX / besideGeV, besideY / besideGeV), ref rng, into);
        return v2Deposit + behindGeV + besideGeV + muonsGeV;
    }

    /// <summary>A pooled worker with an empty leaving-particle buffer (calibration and deposits both start clean).</summary>
    private Worker Rent()
    {
        if (!_workers.TryTake(out Worker? w)) return new Worker(new ShowerTransport(_physics), []);
        w.Leaving.Clear();
        return w;
    }

    /// <summary>A pooled transport engine with its buffer of particles that left the world in the current event.</summary>
    private sealed record Worker(ShowerTransport Transport, List<(LeavingParticle Particle, double BudgetGeV)> Leaving);

    private int Cell(double x, double y)
    {
        int ix = (int)Math.Floor((x - _layout.CellLowX(0)) / _layout.CellSizeCm);
        int iy = (int)Math.Floor((y - _layout.CellLowY(0)) / _layout.CellSizeCm);
        return (uint)ix < (uint)_layout.CellsX && (uint)iy < (uint)_layout.CellsY ? ix + _layout.CellsX * iy : -1;
    }

    /// <summary>Scores scintillator deposits into ECAL cells (calibrated by 1/sampling fraction).</summary>
    private struct CellObserver(FullEcalShowerModel model, double[] pre, double[] main, double x0, double y0, double scale,
        List<(LeavingParticle Particle, double BudgetGeV)> leaving) : IShowerObserver
    {
        public double ActiveGeV;
        public double LostCalibratedGeV;
        public double V2GeV;

        public readonly void OnStep(in StepPoint point) { }

        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV)
        {
            if (slab == model._v2Slab) V2GeV += energyGeV;
            if (!model._active[slab]) return;
            ActiveGeV += visibleGeV;
            int c = model.Cell(xCm + x0, yCm + y0);
            if (c < 0) { LostCalibratedGeV += visibleGeV * scale; return; }
            (model._preshower[slab] ? pre : main)[c] += visibleGeV * scale;
        }

        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public readonly void OnLeak(in LeavingParticle particle, double budgetGeV) => leaving.Add((particle, budgetGeV));

        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

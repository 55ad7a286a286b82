using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Events;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Pipeline;

/// <summary>
/// Simulates one beam event end to end (beam, spectrometer, SR and SRD, calorimeters, pile-up, digitization,
/// trigger) into an <see cref="EventBatch"/> row. One instance per worker thread (it owns scratch buffers); the
/// result depends only on (seed, event index): streams Beam (beam particle, transport, pile-up), Shower
/// (calorimeter showers) and Digitization (electronics), per docs/physics/rng-streams.md#streams.
/// </summary>
public sealed class EventSimulator
{
    private readonly DetectorModel _m;
    private readonly BeamLineRecord _rec, _recPile;
    private readonly CalorimeterDeposits _dep, _depPile, _acc;
    private readonly double[] _trackerZ;
    private readonly double _fieldIntegralTm;

    /// <summary>Creates a worker for <paramref name="model"/>.</summary>
    public EventSimulator(DetectorModel model)
    {
        _m = model ?? throw new ArgumentNullException(nameof(model));
        int n = model.Card.Spectrometer.Trackers.Count;
        _rec = new BeamLineRecord(n);
        _recPile = new BeamLineRecord(n);
        int cells = model.Card.Ecal.CellsX * model.Card.Ecal.CellsY;
        _dep = new CalorimeterDeposits(cells, model.Card.Hcal.Modules);
        _depPile = new CalorimeterDeposits(cells, model.Card.Hcal.Modules);
        _acc = new CalorimeterDeposits(cells, model.Card.Hcal.Modules);
        _trackerZ = [.. model.Card.Spectrometer.Trackers.Select(t => t.ZCm)];
        _fieldIntegralTm = model.Card.Spectrometer.FieldIntegralTm;
    }

    /// <summary>The last event's primary beam-line record (truth; for validation).</summary>
    public BeamLineRecord LastBeamLine => _rec;

    /// <summary>The last event's summed calorimeter signals before digitization (for validation).</summary>
    public CalorimeterDeposits LastDeposits => _acc;

    /// <summary>Simulates event <paramref name="eventIndex"/> with the beam mixture and appends it to <paramref name="batch"/>.</summary>
    public void Simulate(long eventIndex, int run, EventBatch batch) => Simulate(eventIndex, run, null, batch);

    /// <summary>Simulates event <paramref name="eventIndex"/>, forcing the primary species when <paramref name="kind"/> is given.</summary>
    public void Simulate(long eventIndex, int run, DetectorSpecies? kind, EventBatch batch) => Simulate(eventIndex, run, kind, null, 1.0, batch);

    /// <summary>
    /// Simulates a signal-like event in which the beam electron transfers the fraction <paramref name="invisibleFraction"/>
    /// of its energy to an invisible A′ at the ECAL face (the recoil electron showers with the rest): the emission
    /// <see cref="AprimeEmission"/>(1, x, 0). Stored with <see cref="TrueProcess.DarkPhotonSignal"/> and <paramref name="weight"/>.
    /// </summary>
    public void SimulateSignal(long eventIndex, int run, double invisibleFraction, double weight, EventBatch batch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(invisibleFraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(invisibleFraction, 1.0);
        SimulateSignal(eventIndex, run, new AprimeEmission(1.0, invisibleFraction, 0.0), weight, batch);
    }

    /// <summary>
    /// Simulates a signal event (docs/physics/signal-efficiency.md#signal-event): a beam electron whose shower emits an
    /// invisible A′ as described by <paramref name="emission"/> (fractions of the energy arriving at the ECAL face).
    /// The ECAL sees the energy radiated before the emission, as photon showers started half-way to the emission point
    /// (the logarithmic energy loss of Tsai's straggling process grows linearly with depth), and the recoil lepton's
    /// shower from the emission depth on. Sampling the emission belongs to the caller. Stored with
    /// <see cref="TrueProcess.DarkPhotonSignal"/> and <paramref name="weight"/>.
    /// </summary>
    public void SimulateSignal(long eventIndex, int run, AprimeEmission emission, double weight, EventBatch batch) =>
        SimulateSignal(eventIndex, run, emission, 0.0, weight, batch);

    /// <summary>
    /// As <see cref="SimulateSignal(long, int, AprimeEmission, double, EventBatch)"/>, but only for an A′ inside the
    /// signal window: when the electron arrives with energy E and the A′ would carry less than
    /// <paramref name="minimumAprimeGeV"/> (an electron that radiated upstream keeps the fractions of its own energy),
    /// the event is not a signal event; nothing is appended and false is returned (the caller's rejection sampling of
    /// the window). Electrons lost upstream are appended: they are signal events that leave nothing in the ECAL.
    /// </summary>
    public bool SimulateSignal(long eventIndex, int run, AprimeEmission emission, double minimumAprimeGeV, double weight, EventBatch batch)
    {
        emission.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(minimumAprimeGeV);
        return Simulate(eventIndex, run, DetectorSpecies.Electron, emission, weight, batch, minimumAprimeGeV);
    }

    /// <summary>
    /// Simulates event <paramref name="eventIndex"/> of a process (a background source): the primary of species
    /// <see cref="IEventPhysics.Primary"/> is transported through the beam line (by the process itself when
    /// <see cref="IEventPhysics.TransportsPrimary"/>), then <paramref name="physics"/> changes
    /// what arrives at the ECAL (and the SRD) before calorimetry, pile-up, digitization and trigger run as for any
    /// event. The row's weight is <paramref name="weight"/> times the factor the process returns (1 when unbiased);
    /// its true process is the process's. The process draws from the event's <see cref="StreamKind.Background"/> stream.
    /// </summary>
    public void Simulate(long eventIndex, int run, IEventPhysics physics, double weight, EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(physics);
        _physics = physics;
        try
        {
            Simulate(eventIndex, run, physics.Primary, null, weight, batch);
        }
        finally
        {
            _physics = null;
        }
    }

    private IEventPhysics? _physics;

    private bool Simulate(long eventIndex, int run, DetectorSpecies? kind, AprimeEmission? emission, double weight, EventBatch batch, double minimumAprimeGeV = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count >= batch.Capacity) throw new InvalidOperationException("event batch is full");
        SetupCard c = _m.Card;
        ulong idx = (ulong)eventIndex;
        EventRng rb = RngStreams.For(_m.Seed, StreamKind.Beam, idx);
        EventRng rs = RngStreams.For(_m.Seed, StreamKind.Shower, idx);
        EventRng rd = RngStreams.For(_m.Seed, StreamKind.Digitization, idx);

        BeamParticle primary = kind is { } k ? _m.Beam.Sample(k, ref rb) : _m.Beam.Sample(ref rb);
        if (_physics is { TransportsPrimary: true })
        {
            // The process transports the primary itself (once, with its own conditioning): hand it the bare primary.
            _rec.Clear();
            _rec.Primary = primary;
        }
        else
        {
            _m.BeamLine.Transport(primary, ref rb, _rec);
        }
        bool signal = emission is { InvisibleFraction: > 0 };
        bool emits = signal && _rec.ArrivalCount > 0 && !_rec.PrimaryLost;
        if (emits && emission!.Value.InvisibleFraction * _rec.ArrivalEnergyGeV[0] < minimumAprimeGeV) return false;
        if (_physics is not null)
        {
            EventRng rp = RngStreams.For(_m.Seed, StreamKind.Background, idx);
            _recPile.Clear();
            weight *= _physics.Apply(_m, _rec, _recPile, ref rp);
        }
        _acc.Clear();
        if (emits) SignalShowers(emission!.Value, ref rs, _acc);
        else Showers(_rec, ref rs, _acc);
        double ecalIn = _acc.EcalTotalGeV();
        double srdGeV = _rec.SrdTrueGeV;
        // Energy-weighted time sums per detector (the trigger particle defines t = 0).
        double ecalEt = 0, ecalE = ecalIn, hcalEt = 0, hcalE = _acc.HcalTotalGeV(), srdEt = 0, srdE = srdGeV;

        int nPile = _m.PileUpMean > 0 ? rb.NextPoisson(_m.PileUpMean) : 0;
        for (int p = 0; p < nPile; p++)
        {
            double t = (rb.NextDouble() - 0.5) * _m.MaxGateNs;
            BeamParticle pp = _m.Beam.Sample(ref rb);
            _m.BeamLine.Transport(pp, ref rb, _recPile);
            _depPile.Clear();
            Showers(_recPile, ref rs, _depPile);
            bool inEcal = Math.Abs(t) < 0.5 * c.Ecal.GateNs, inHcal = Math.Abs(t) < 0.5 * c.Hcal.GateNs;
            _acc.Add(_depPile, inEcal, Math.Abs(t) < 0.5 * c.V2.GateNs, inHcal, Math.Abs(t) < 0.5 * c.MuonCounters.GateNs);
            double pe = _depPile.EcalTotalGeV(), ph = _depPile.HcalTotalGeV();
            if (inEcal) { ecalEt += pe * t; ecalE += pe; }
            if (inHcal) { hcalEt += ph * t; hcalE += ph; }
            if (Math.Abs(t) < c.Trigger.InTimeWindowNs) ecalIn += pe;
            if (Math.Abs(t) < 0.5 * c.Srd.GateNs) { srdGeV += _recPile.SrdTrueGeV; srdEt += _recPile.SrdTrueGeV * t; srdE += _recPile.SrdTrueGeV; }
        }

        int row = batch.Count++;
        batch.Run[row] = run;
        batch.Event[row] = eventIndex;
        batch.Weight[row] = weight;
        batch.TrueProcessCode[row] = (int)(_physics is not null ? _physics.Process : signal ? TrueProcess.DarkPhotonSignal : primary.Kind switch
        {
            DetectorSpecies.PionMinus => TrueProcess.BeamPion,
            DetectorSpecies.KaonMinus => TrueProcess.BeamKaon,
            DetectorSpecies.MuonMinus => TrueProcess.BeamMuon,
            _ => TrueProcess.BeamElectron,
        });
        batch.TruePdg[row] = ParticleProperties.PdgCode(primary.Kind);
        batch.TrueEnergyGeV[row] = primary.EnergyGeV;
        batch.TrueUpstreamBremGeV[row] = _rec.UpstreamBremGeV;
        batch.TrueSrGeV[row] = _rec.SrRadiatedGeV;
        batch.PileUpCount[row] = nPile;

        Reconstruct(row, batch);

        // SRD: stochastic term, noise, time.
        SrdOptions so = c.Srd;
        double srdStochastic = so.StochasticTerm * Math.Sqrt(Math.Max(srdGeV, 0)) * rd.NextGaussian();
        // A process may condition the noise on a tail (the noise-only SRD fake tag, whose probability is in its rate).
        double srdNoise = double.IsNaN(_rec.SrdNoiseMinGeV) ? rd.NextGaussian() : rd.NextGaussianTail(_rec.SrdNoiseMinGeV / (so.NoiseMeV * 1e-3));
        double srdRec = srdGeV + srdStochastic + so.NoiseMeV * 1e-3 * srdNoise;
        batch.SrdEnergyMeV[row] = srdRec * 1e3;
        batch.SrdTimeNs[row] = (srdE > 0 ? srdEt / srdE : 0) + so.TimeResolutionNs * rd.NextGaussian();

        DigitizeCalorimeters(row, batch, ref rd, ecalE > 0 ? ecalEt / ecalE : 0, hcalE > 0 ? hcalEt / hcalE : 0);

        // Trigger: S1·S2·S3 of the trigger particle; analog in-time ECAL sum between the thresholds.
        int nCounters = c.Spectrometer.Counters.Count;
        TriggerBits bits = TriggerBits.None;
        if (_rec.CountersFired == (1 << nCounters) - 1) bits |= TriggerBits.BeamCounters;
        // The analog sum sees the same calibrated energy scale as the readout, smeared by its own resolution.
        double sum = ecalIn * _m.EcalScale * (1 + c.Trigger.SumResolutionRel * rd.NextGaussian());
        batch.TriggerEcalSumGeV[row] = sum;
        if (sum > c.Trigger.EcalMinGeV) bits |= TriggerBits.EcalCluster;
        if (sum < c.Trigger.EcalMaxGeV) bits |= TriggerBits.EcalBelowMax;
        if ((bits & (TriggerBits.BeamCounters | TriggerBits.EcalCluster | TriggerBits.EcalBelowMax)) == (TriggerBits.BeamCounters | TriggerBits.EcalCluster | TriggerBits.EcalBelowMax))
            bits |= TriggerBits.Physics;
        batch.Trigger[row] = (int)bits;
        return true;
    }

    private void Showers(BeamLineRecord rec, ref EventRng rs, CalorimeterDeposits into)
    {
        for (int i = 0; i < rec.ArrivalCount; i++)
        {
            _m.Showers.Deposit(Arrival(rec, i), ref rs, into);
        }
    }

    /// <summary>The showers of a signal event: arrival 0 (the beam electron) emits the A′ inside the ECAL
    /// (<see cref="SimulateSignal(long, int, AprimeEmission, double, EventBatch)"/>); other arrivals shower as usual.</summary>
    private void SignalShowers(AprimeEmission emission, ref EventRng rs, CalorimeterDeposits into)
    {
        BeamLineRecord rec = _rec;
        double e = rec.ArrivalEnergyGeV[0], x = rec.ArrivalXCm[0], y = rec.ArrivalYCm[0];
        double radiated = (1 - emission.EmitterFraction) * e;
        if (radiated > 0)
            _m.Showers.Deposit(new IncidentParticle(DetectorSpecies.Photon, radiated, x, y) { DepthX0 = 0.5 * emission.DepthX0 }, ref rs, into);
        double recoil = (emission.EmitterFraction - emission.InvisibleFraction) * e;
        _m.Showers.Deposit(new IncidentParticle(rec.ArrivalKind[0], recoil, x, y) { DepthX0 = emission.DepthX0 }, ref rs, into);
        for (int i = 1; i < rec.ArrivalCount; i++)
            _m.Showers.Deposit(Arrival(rec, i), ref rs, into);
    }

    /// <summary>Arrival <paramref name="i"/> as it enters the calorimeters, with the first-interaction depth or decay a process fixed.</summary>
    private static IncidentParticle Arrival(BeamLineRecord rec, int i)
    {
        double lambda = rec.ArrivalInteractionLambda[i], lifetimes = rec.ArrivalDecayLifetimes[i], depth = rec.ArrivalShowerDepthX0[i];
        return new IncidentParticle(rec.ArrivalKind[i], rec.ArrivalEnergyGeV[i], rec.ArrivalXCm[i], rec.ArrivalYCm[i])
        {
            FirstInteractionLambda = double.IsNaN(lambda) ? null : lambda,
            DecayLifetimes = double.IsNaN(lifetimes) ? null : lifetimes,
            DepthX0 = double.IsNaN(depth) ? 0 : depth,
        };
    }

    private void Reconstruct(int row, EventBatch batch)
    {
        double[] z = _trackerZ;
        bool ok = _rec.HitValid[0] && _rec.HitValid[1] && _rec.HitValid[2] && _rec.HitValid[3];
        batch.TrackOk[row] = ok;
        if (!ok)
        {
            batch.TrackMomentumGeV[row] = double.NaN;
            batch.TrackThetaMrad[row] = double.NaN;
            return;
        }
        double txUp = (_rec.HitX[1] - _rec.HitX[0]) / (z[1] - z[0]);
        double tyUp = (_rec.HitY[1] - _rec.HitY[0]) / (z[1] - z[0]);
        double txDown = (_rec.HitX[3] - _rec.HitX[2]) / (z[3] - z[2]);
        // Negative particles bend towards +x: p = 0.29979·∫B dl / Δθ (docs/physics/beam-line.md#momentum-reconstruction).
        batch.TrackMomentumGeV[row] = Synchrotron.SynchrotronFormulas.MomentumPerTeslaMetre * _fieldIntegralTm / (txDown - txUp);
        batch.TrackThetaMrad[row] = Math.Sqrt(txUp * txUp + tyUp * tyUp) * 1e3;
    }

    private void DigitizeCalorimeters(int row, EventBatch batch, ref EventRng rd, double ecalT, double hcalT)
    {
        SetupCard c = _m.Card;
        EcalOptions eo = c.Ecal;
        int cells = batch.EcalCells;
        double total = 0, pre = 0, maxE = double.NegativeInfinity;
        int maxCell = 0;
        for (int i = 0; i < cells; i++)
        {
            double p = EcalChannel(_acc.EcalPreshowerGeV[i], _m.EcalCalibration[i] * _m.EcalScale, eo, ref rd);
            double mn = EcalChannel(_acc.EcalMainGeV[i], _m.EcalCalibration[cells + i] * _m.EcalScale, eo, ref rd);
            double cell = p + mn;
            batch.EcalCellGeV[row * cells + i] = (float)cell;
            total += cell;
            pre += p;
            if (cell > maxE) { maxE = cell; maxCell = i; }
        }
        batch.EcalEnergyGeV[row] = total;
        batch.EcalPreshowerGeV[row] = pre;
        batch.EcalMaxCell[row] = maxCell;
        batch.EcalTimeNs[row] = ecalT + eo.TimeResolutionNs * rd.NextGaussian();

        HcalOptions ho = c.Hcal;
        int mods = batch.HcalModules;
        double eh = 0;
        for (int k = 0; k < mods; k++)
        {
            double s = _acc.HcalGeV[k] * _m.HcalCalibration;
            double v = s + PhotoStatistics(s, ho.PhotoElectronsPerGeV, ref rd) + ho.NoisePerModuleGeV * rd.NextGaussian();
            batch.HcalModuleGeV[row * mods + k] = v;
            if (k < 2) eh += v;
        }
        batch.HcalEnergyGeV[row] = eh;
        batch.HcalTimeNs[row] = hcalT + ho.TimeResolutionNs * rd.NextGaussian();

        ScintillatorOptions v2 = c.V2;
        batch.V2EnergyMeV[row] = _acc.V2MeV + PhotoStatistics(_acc.V2MeV, v2.PhotoElectronsPerMeV, ref rd) + v2.NoiseMeV * rd.NextGaussian();
        ScintillatorOptions mu = c.MuonCounters;
        int hits = 0;
        for (int k = 0; k < mods; k++)
        {
            double v = _acc.MuonMeV[k] + PhotoStatistics(_acc.MuonMeV[k], mu.PhotoElectronsPerMeV, ref rd) + mu.NoiseMeV * rd.NextGaussian();
            if (v > mu.ThresholdMeV) hits |= 1 << k;
        }
        batch.MuonHits[row] = hits;
    }

    private static double EcalChannel(double signalGeV, double calibration, EcalOptions eo, ref EventRng rd)
    {
        double s = signalGeV > 0 ? signalGeV + PhotoStatistics(signalGeV, eo.PhotoElectronsPerGeV, ref rd) : signalGeV;
        return s * calibration + eo.NoisePerCellGeV * rd.NextGaussian();
    }

    /// <summary>Photo-electron fluctuation of a signal (same units as <paramref name="signal"/>): Poisson in N_pe =
    /// signal·<paramref name="pePerUnit"/>, Gaussian for N_pe &gt; 50.</summary>
    private static double PhotoStatistics(double signal, double pePerUnit, ref EventRng rd)
    {
        if (signal <= 0) return 0;
        double npe = signal * pePerUnit;
        return npe > 50 ? Math.Sqrt(npe) * rd.NextGaussian() / pePerUnit : (rd.NextPoisson(npe) - npe) / pePerUnit;
    }
}

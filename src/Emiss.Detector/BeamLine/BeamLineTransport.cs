using Emiss.Core.Diagnostics;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Scattering;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Detector.Synchrotron;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// Tracks a beam particle from S1 to the ECAL face through the counters, trackers and dipoles (straight lines
/// between thin material planes; hard-edge dipoles in the x plane). In each material plane: multiple scattering
/// (Highland, PDG 2024 eq. 34.15) and, for e±, bremsstrahlung with y = k/E ≥ <see cref="BremYMin"/> from the
/// complete-screening spectrum (4/3 − 4y/3 + y²)/y per X0 (docs/physics/bremsstrahlung.md#complete-screening-and-radiation-length; Poisson number of photons). In each
/// dipole: synchrotron photons (Poisson ⟨N_γ⟩, ξ from <see cref="SynchrotronSpectrum"/>, emitted tangentially at a
/// uniformly distributed point of the arc, docs/physics/synchrotron-radiation.md#spectrum-sampling). At the SRD plane the photons whose horizontal
/// offset from the radiating particle lies in the card's band and whose energy exceeds the window cut-off are
/// counted. Beam hadrons radiate (m_e/m)⁴ less (the formulas scale with γ); their residual SRD signal from knock-on
/// electrons is a card probability. Decays in flight are not modelled here (background sources).
/// <para>Kinematic limits: a bremsstrahlung photon takes at most the kinetic energy (k ≤ E − m), and a charged particle
/// with p ≤ 0.29979·B·L at a dipole is lost there (<see cref="BeamLineRecord.PrimaryLost"/>): its bending radius is
/// shorter than the field length, so it turns through 90° or more and never leaves through the downstream edge. Only
/// electrons that gave nearly all their energy to an upstream photon are that soft; the small-angle dipole formulas,
/// whose photon number grows as 1/p, are never applied to them.</para>
/// </summary>
public sealed class BeamLineTransport
{
    /// <summary>Smallest bremsstrahlung energy fraction sampled; softer photons stay with the electron.</summary>
    public const double BremYMin = 1e-3;

    private readonly SetupCard _card;
    private readonly (double Z, int Kind, int Index)[] _elements; // Kind: 0 counter, 1 tracker, 2 dipole
    private readonly double _nominalXAtSrd, _nominalXAtEcal;
    private readonly double _bremMeanPerX0;
    private readonly double _nominalSlopeAtEcal;
    private readonly double[] _nominalXAtElement;
    private readonly double _srLossPerGeV2;

    /// <summary>Creates the transport for a set-up.</summary>
    public BeamLineTransport(SetupCard card)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        SpectrometerOptions s = card.Spectrometer;
        var el = new List<(double, int, int)>();
        for (int i = 0; i < s.Counters.Count; i++) el.Add((s.Counters[i].ZCm, 0, i));
        for (int i = 0; i < s.Trackers.Count; i++) el.Add((s.Trackers[i].ZCm, 1, i));
        for (int i = 0; i < s.Dipoles.Count; i++) el.Add((s.Dipoles[i].ZStartCm, 2, i));
        _elements = [.. el.OrderBy(e => e.Item1).ThenBy(e => e.Item2)];
        StartZCm = _elements[0].Z - 10;
        (_nominalXAtSrd, _, _nominalXAtEcal, _nominalSlopeAtEcal) = NominalTrajectory();
        _nominalXAtElement = [.. _elements.Select(e => NominalX(e.Z))];
        // Electron SR loss scales as E² (ΔE ∝ E²B²L, docs/physics/synchrotron-radiation.md#formulas): coefficient from 1 GeV.
        _srLossPerGeV2 = card.Spectrometer.Dipoles.Sum(d => SynchrotronFormulas.MeanEnergyLossGeV(1.0, ParticleProperties.MassGeV(DetectorSpecies.Electron), d.FieldT, d.LengthCm * 0.01));
        // ∫_{ymin}^1 (4/3 − 4y/3 + y²)/y dy per X0.
        _bremMeanPerX0 = 4.0 / 3.0 * Math.Log(1 / BremYMin) - 4.0 / 3.0 * (1 - BremYMin) + 0.5 * (1 - BremYMin * BremYMin);
    }

    /// <summary>z where particles start, cm.</summary>
    public double StartZCm { get; }

    /// <summary>Slope dx/dz of the nominal beam at the ECAL (the deflection by the dipoles), rad.</summary>
    public double NominalSlopeAtEcal => _nominalSlopeAtEcal;

    /// <summary>x of the nominal beam trajectory (beam-energy particle on axis at the start) at <paramref name="zCm"/>:
    /// transverse positions of counters and the ECAL are defined relative to it.</summary>
    public double NominalX(double zCm)
    {
        double x = 0, tx = 0, z = StartZCm;
        foreach ((double zEl, int kind, int idx) in _elements)
        {
            if (kind != 2) continue;
            DipoleOptions d = _card.Spectrometer.Dipoles[idx];
            double th = SynchrotronFormulas.BendAngleRad(d.FieldIntegralTm, _card.Beam.EnergyGeV);
            if (zCm <= zEl) break;
            x += tx * (zEl - z);
            if (zCm < zEl + d.LengthCm)
            {
                double s = zCm - zEl;
                return x + tx * s + th * s * s / (2 * d.LengthCm);
            }
            x += tx * d.LengthCm + th * d.LengthCm / 2;
            tx += th;
            z = zEl + d.LengthCm;
        }
        return x + tx * (zCm - z);
    }

    private (double XSrd, double TxSrd, double XEcal, double TxEcal) NominalTrajectory()
    {
        double x = 0, tx = 0, z = StartZCm, xs = 0, txs = 0;
        bool srdDone = false;
        foreach ((double zEl, int kind, int idx) in _elements)
        {
            if (kind != 2) continue;
            DipoleOptions d = _card.Spectrometer.Dipoles[idx];
            if (!srdDone && _card.Srd.ZCm < zEl) { xs = x + tx * (_card.Srd.ZCm - z); txs = tx; srdDone = true; }
            x += tx * (zEl - z);
            double th = SynchrotronFormulas.BendAngleRad(d.FieldIntegralTm, _card.Beam.EnergyGeV);
            x += tx * d.LengthCm + th * d.LengthCm / 2;
            tx += th;
            z = zEl + d.LengthCm;
        }
        if (!srdDone) { xs = x + tx * (_card.Srd.ZCm - z); txs = tx; }
        return (xs, txs, x + tx * (0 - z), tx);
    }

    /// <summary>Transports <paramref name="p"/> and fills <paramref name="rec"/> (cleared first).</summary>
    public void Transport(in BeamParticle p, ref EventRng rng, BeamLineRecord rec)
    {
        ArgumentNullException.ThrowIfNull(rec);
        rec.Clear();
        DetectorSpecies kind = p.Kind;
        double m = ParticleProperties.MassGeV(kind);
        int charge = ParticleProperties.Charge(kind);
        double e = p.EnergyGeV, x = p.XCm, y = p.YCm, tx = p.SlopeX, ty = p.SlopeY, z = StartZCm;
        bool srdDone = false, lostInDipole = false;
        // SR photons: x at the SRD plane, recorded with their energies until the particle's own x there is known.
        Span<double> srX = stackalloc double[512];
        Span<double> srE = stackalloc double[512];
        int nSr = 0;
        SpectrometerOptions s = _card.Spectrometer;

        for (int el = 0; el < _elements.Length && !lostInDipole; el++)
        {
            (double zEl, int kindEl, int idx) = _elements[el];
            if (!srdDone && _card.Srd.ZCm < zEl)
            {
                rec.SrdTrueGeV = SrdSum(x + tx * (_card.Srd.ZCm - z), srX[..nSr], srE[..nSr]);
                srdDone = true;
            }
            x += tx * (zEl - z);
            y += ty * (zEl - z);
            z = zEl;
            switch (kindEl)
            {
                case 0:
                {
                    CounterOptions c = s.Counters[idx];
                    if (charge != 0 && Math.Abs(x - _nominalXAtElement[el]) < c.HalfWidthCm && Math.Abs(y) < c.HalfWidthCm && rng.NextDouble() < c.Efficiency)
                        rec.CountersFired |= 1 << idx;
                    Material(c.ThicknessCm / MaterialCatalog.Polystyrene.RadiationLengthCm, kind, m, ref e, x, y, ref tx, ref ty, z, ref rng, rec);
                    break;
                }
                case 1:
                {
                    TrackerPlaneOptions t = s.Trackers[idx];
                    if (charge != 0 && rng.NextDouble() < t.Efficiency)
                    {
                        rec.HitValid[idx] = true;
                        rec.HitX[idx] = x + t.ResolutionMm * 0.1 * rng.NextGaussian();
                        rec.HitY[idx] = y + t.ResolutionMm * 0.1 * rng.NextGaussian();
                    }
                    Material(t.RadiationLengthFraction, kind, m, ref e, x, y, ref tx, ref ty, z, ref rng, rec);
                    break;
                }
                default:
                {
                    DipoleOptions d = s.Dipoles[idx];
                    double pMom = Math.Sqrt(Math.Max(e * e - m * m, 1e-12));
                    if (charge != 0 && pMom <= SynchrotronFormulas.MomentumPerTeslaMetre * d.FieldIntegralTm)
                    {
                        lostInDipole = true;   // bending radius ≤ field length: the particle cannot cross this dipole
                        break;
                    }
                    double th = -charge * SynchrotronFormulas.BendAngleRad(d.FieldIntegralTm, pMom);
                    double lengthCm = d.LengthCm;
                    if (charge != 0)
                    {
                        double nMean = SynchrotronFormulas.MeanPhotonCount(e, m, d.FieldIntegralTm);
                        double ecGeV = SynchrotronFormulas.CriticalEnergyGeV(e, m, d.FieldT);
                        int n = rng.NextPoisson(nMean);
                        double lost = 0;
                        for (int k = 0; k < n; k++)
                        {
                            double eg = SynchrotronSpectrum.Instance.SampleXi(ref rng) * ecGeV;
                            double sCm = rng.NextDouble() * lengthCm;
                            double xEmit = x + tx * sCm + th * sCm * sCm / (2 * lengthCm);
                            double txEmit = tx + th * sCm / lengthCm;
                            lost += eg;
                            if (nSr < srX.Length)
                            {
                                srX[nSr] = xEmit + txEmit * (_card.Srd.ZCm - (z + sCm));
                                srE[nSr] = eg;
                                nSr++;
                            }
                        }
                        rec.SrRadiatedGeV += lost;
                        e -= lost;
                    }
                    x += tx * lengthCm + th * lengthCm / 2;
                    y += ty * lengthCm;
                    tx += th;
                    z += lengthCm;
                    break;
                }
            }
        }
        if (lostInDipole)
        {
            // No particle reaches the SRD plane to measure photon offsets from: the SRD sits at the nominal trajectory.
            if (!srdDone) rec.SrdTrueGeV = SrdSum(_nominalXAtSrd, srX[..nSr], srE[..nSr]);
            rec.PrimaryLost = true;
            return;
        }
        if (!srdDone) rec.SrdTrueGeV = SrdSum(x + tx * (_card.Srd.ZCm - z), srX[..nSr], srE[..nSr]);
        if (ParticleProperties.IsHadron(kind) || ParticleProperties.IsMuon(kind))
            rec.SrdTrueGeV += KnockOn(e, ref rng);

        double xEcal = x + tx * (0 - z) - _nominalXAtEcal;
        double yEcal = y + ty * (0 - z);
        // The primary goes first; bremsstrahlung photons were appended during transport, so rotate it in front. It
        // always has a place: in a full record it replaces the last photon.
        if (rec.ArrivalCount == BeamLineRecord.MaxArrivals) rec.ArrivalCount--;
        rec.AddArrival(kind, e, xEcal, yEcal);
        int last = rec.ArrivalCount - 1;
        if (last > 0)
        {
            (DetectorSpecies k0, double e0, double x0, double y0) = (rec.ArrivalKind[last], rec.ArrivalEnergyGeV[last], rec.ArrivalXCm[last], rec.ArrivalYCm[last]);
            for (int i = last; i > 0; i--)
            {
                rec.ArrivalKind[i] = rec.ArrivalKind[i - 1];
                rec.ArrivalEnergyGeV[i] = rec.ArrivalEnergyGeV[i - 1];
                rec.ArrivalXCm[i] = rec.ArrivalXCm[i - 1];
                rec.ArrivalYCm[i] = rec.ArrivalYCm[i - 1];
            }
            rec.ArrivalKind[0] = k0; rec.ArrivalEnergyGeV[0] = e0; rec.ArrivalXCm[0] = x0; rec.ArrivalYCm[0] = y0;
        }
    }

    private double SrdSum(double xParticleAtSrd, ReadOnlySpan<double> xs, ReadOnlySpan<double> es)
    {
        SrdOptions o = _card.Srd;
        double cut = o.WindowCutoffKeV * 1e-6, sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double off = xParticleAtSrd - xs[i];
            if (off >= o.OffsetMinCm && off <= o.OffsetMaxCm && es[i] > cut) sum += es[i];
        }
        return sum;
    }

    /// <summary>With the card probability, a knock-on electron of kinetic energy T (dN/dT ∝ 1/T², 1 GeV ≤ T ≤ E) is
    /// produced upstream of the dipoles and radiates; its SRD signal is approximated by half of its mean SR loss
    /// (ΔE ∝ T², the accepted share of the default band) [approximation, docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons].</summary>
    private double KnockOn(double eGeV, ref EventRng rng)
    {
        if (rng.NextDouble() >= _card.Srd.HadronKnockOnProbability || eGeV <= 1.0) return 0;
        return KnockOnSrdGeV(eGeV, ref rng);
    }

    /// <summary>SRD energy of a hadron or muon of energy <paramref name="eGeV"/> given that it produced a knock-on
    /// electron whose synchrotron radiation reaches the SRD (the event that <see cref="SrdOptions.HadronKnockOnProbability"/>
    /// counts): knock-on energy T from dσ/dT ∝ 1/T² between 1 GeV and E, half of its SR loss in the SRD. Background
    /// sources that force the fake tag call this and weight the event by the probability.</summary>
    public double KnockOnSrdGeV(double eGeV, ref EventRng rng)
    {
        if (eGeV <= 1.0) return 0;
        double u = rng.NextDouble();
        double t = 1.0 / (1.0 - u * (1.0 - 1.0 / eGeV));
        return 0.5 * _srLossPerGeV2 * t * t;
    }

    private void Material(double xOverX0, DetectorSpecies kind, double m, ref double e, double x, double y, ref double tx, ref double ty, double z,
                          ref EventRng rng, BeamLineRecord rec)
    {
        if (xOverX0 <= 0 || ParticleProperties.Charge(kind) == 0) return;
        double p = Math.Sqrt(Math.Max(e * e - m * m, 1e-12));
        double beta = p / e;
        double theta0 = Highland.Theta0Rad(beta * p, beta * beta, xOverX0);
        tx += theta0 * rng.NextGaussian();
        ty += theta0 * rng.NextGaussian();
        if (kind is not (DetectorSpecies.Electron or DetectorSpecies.Positron)) return;
        int n = rng.NextPoisson(xOverX0 * _bremMeanPerX0);
        for (int k = 0; k < n; k++)
        {
            // The photon takes at most the kinetic energy: y ≤ 1 − m/E. Proposals above the endpoint are rejected like
            // any other; the acceptance is ≥ (2/3)·ln(y_max/y_min)/ln(1/y_min), above 0.6 while E > 2m and above 0.06 at
            // the cut-off y_max = 2 y_min (E ≈ m: the keV photons left are irrelevant, so such an electron emits none).
            double yMax = 1.0 - m / e;
            if (yMax < 2 * BremYMin) break;
            double yk;
            for (int tries = 0; ; tries++)
            {
                if (tries == LoopBound.SamplerTries)
                    throw LoopBound.Exceeded("upstream bremsstrahlung sampling", tries, in rng, $"E = {e} GeV, y_max = {yMax}");
                yk = BremYMin * Math.Pow(1 / BremYMin, rng.NextDouble()); // ∝ 1/y on [ymin, 1]
                bool accepted = rng.NextDouble() * (4.0 / 3.0) <= 4.0 / 3.0 - 4.0 / 3.0 * yk + yk * yk;
                if (accepted && yk <= yMax) break;
            }
            double k0 = yk * e;
            e -= k0;
            rec.UpstreamBremGeV += k0;
            // The photon keeps the electron's direction (angles ~ m_e/E) and flies straight to the ECAL plane.
            double xg = x + tx * (0 - z), yg = y + ty * (0 - z);
            rec.AddArrival(DetectorSpecies.Photon, k0, xg - _nominalXAtEcal, yg);
        }
    }
}

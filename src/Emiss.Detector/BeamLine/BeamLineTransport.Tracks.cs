using Emiss.Core.Random;
using Emiss.Core.Scattering;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Detector.Synchrotron;

namespace Emiss.Detector.BeamLine;

public sealed partial class BeamLineTransport
{
    private struct Track
    {
        public DetectorSpecies Kind;
        public double E, X, Y, Tx, Ty, Z;
        public int Next;   // first material plane still ahead
        public bool KnockOn;   // a δ ray of the primary: its synchrotron photons count at the SRD
    }

    /// <summary>How the primary radiates: as nature does, or conditioned on its first hard photon (y ≥ y_hard)
    /// being emitted in plane <see cref="Plane"/> (soft photons only before it, at least one hard photon in it); with
    /// <see cref="KnockOns"/>, a μ/π/K primary's knock-on candidates upstream of the SRD drawn as nature does, or
    /// conditioned on at least one, or on none.</summary>
    private readonly record struct Forcing(int Plane, double YHard, HardPhotonBias? Bias, KnockOnCondition KnockOns = KnockOnCondition.Natural)
    {
        public static Forcing None => new(-1, 1.0, null);
    }

    private ref struct Scratch
    {
        public Span<Track> Stack;
        public int Count;
        public Span<double> SrX, SrE;
        public int NSr;
        public double Weight;
        public Span<int> ForcedKnockOns;   // candidates per plane when the knock-on is forced
    }

    /// <summary>Transports <paramref name="p"/> and fills <paramref name="rec"/> (cleared first). A charged primary is
    /// arrival 0 unless it is lost; a photon primary fires nothing and may convert on its way.</summary>
    public void Transport(in BeamParticle p, ref EventRng rng, BeamLineRecord rec) => Run(p, Forcing.None, ref rng, rec);

    /// <summary>
    /// Transports a beam μ, π or K conditioned on at least one knock-on candidate upstream of the SRD (the event class
    /// whose probability is <see cref="KnockOnProbability"/>): a zero-truncated Poisson number of candidates with mean
    /// Σμ_i, each in plane i with probability μ_i/Σμ_i, then thinned and transported exactly as in <see cref="Transport"/>.
    /// The conditional sample needs no weight: rate × P(knock-on) × (this event's acceptance) counts every δ-ray-tagged
    /// particle once (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons).
    /// </summary>
    public void TransportForcedKnockOn(in BeamParticle p, ref EventRng rng, BeamLineRecord rec)
    {
        RequireKnockOnSpecies(p, "forced");
        if (!(_knockOnTotalMean > 0))
            throw new InvalidOperationException("no material upstream of the SRD can give a knock-on electron (or the card's srd.hadronKnockOnProbability is 0): the forced class is empty");
        Run(p, new Forcing(-1, 1.0, null, KnockOnCondition.AtLeastOne), ref rng, rec);
    }

    /// <summary>
    /// Transports a beam μ, π or K conditioned on no knock-on candidate upstream of the SRD (probability 1 −
    /// <see cref="KnockOnProbability"/>): exactly <see cref="Transport"/> with every plane's Poisson number of candidates
    /// set to 0, the complement of <see cref="TransportForcedKnockOn"/> (the noise-only part of <see cref="SrdFakeTag"/>).
    /// </summary>
    public void TransportWithoutKnockOn(in BeamParticle p, ref EventRng rng, BeamLineRecord rec)
    {
        RequireKnockOnSpecies(p, "conditioned");
        Run(p, new Forcing(-1, 1.0, null, KnockOnCondition.None), ref rng, rec);
    }

    /// <summary>Knock-on candidates are conditioned only for the charged beam μ, π, K they are modelled for.</summary>
    private static void RequireKnockOnSpecies(in BeamParticle p, string how)
    {
        if (!(ParticleProperties.IsHadron(p.Kind) || ParticleProperties.IsMuon(p.Kind)) || ParticleProperties.Charge(p.Kind) == 0)
            throw new ArgumentException($"knock-on electrons are {how} for charged beam μ, π, K only; got {p.Kind}", nameof(p));
    }

    /// <summary>How the primary's knock-on candidates are drawn: a Poisson number per plane, at least one in all, or none.</summary>
    private enum KnockOnCondition { Natural, AtLeastOne, None }

    /// <summary>
    /// Transports an electron or positron <paramref name="p"/> conditioned on its first bremsstrahlung photon with
    /// y ≥ <paramref name="yHard"/> being emitted in material plane <paramref name="plane"/> (index into
    /// <see cref="MaterialPlanes"/>): before that plane it radiates only photons with y &lt; y_hard, in it a
    /// zero-truncated Poisson number of hard photons (mean (x/X0)·N(y_hard, 1)) besides the soft ones, after it as usual.
    /// With <paramref name="biasHard"/> the first hard photon's y is drawn from the energy-weighted spectrum, which
    /// favours large y. Returns the importance weight (1 without bias); the probability of the condition itself,
    /// ∏_{i&lt;plane}(1 − p_i)·p_plane with p_i = 1 − exp(−(x_i/X0)·N(y_hard, 1)), belongs to the caller
    /// (docs/physics/beam-line.md#forced-hard-interactions).
    /// </summary>
    public double TransportForcedHardBrem(in BeamParticle p, int plane, double yHard, bool biasHard, ref EventRng rng, BeamLineRecord rec) =>
        TransportForcedHardBrem(p, plane, yHard, biasHard ? HardPhotonBias.EnergyWeightedOnly : null, ref rng, rec);

    /// <summary>As <see cref="TransportForcedHardBrem(in BeamParticle, int, double, bool, ref EventRng, BeamLineRecord)"/>,
    /// with the first hard photon's y drawn from <paramref name="bias"/> (null: the true spectrum, weight 1).</summary>
    public double TransportForcedHardBrem(in BeamParticle p, int plane, double yHard, HardPhotonBias? bias, ref EventRng rng, BeamLineRecord rec)
    {
        bias?.Validate();
        if (p.Kind is not (DetectorSpecies.Electron or DetectorSpecies.Positron))
            throw new ArgumentException($"only e± radiate in the beam line; got {p.Kind}", nameof(p));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)plane, (uint)_planes.Length, nameof(plane));
        if (!(yHard > BremYMin && yHard < 1)) throw new ArgumentOutOfRangeException(nameof(yHard), yHard, $"y_hard must lie in ({BremYMin}, 1)");
        if (!(_planes[plane].XOverX0 > 0)) throw new ArgumentException($"plane {plane} ({_materialPlanes[plane].Element}) has no material", nameof(plane));
        return Run(p, new Forcing(plane, yHard, bias), ref rng, rec);
    }

    private double Run(in BeamParticle p, Forcing forcing, ref EventRng rng, BeamLineRecord rec)
    {
        ArgumentNullException.ThrowIfNull(rec);
        rec.Clear();
        rec.Primary = p;
        var s = new Scratch
        {
            Stack = stackalloc Track[MaxSecondaries],
            SrX = stackalloc double[512],
            SrE = stackalloc double[512],
            Weight = 1.0,
            ForcedKnockOns = stackalloc int[forcing.KnockOns == KnockOnCondition.AtLeastOne ? _planes.Length : 0],
        };
        if (forcing.KnockOns == KnockOnCondition.AtLeastOne) DrawForcedKnockOns(s.ForcedKnockOns, ref rng);
        var primary = new Track { Kind = p.Kind, E = p.EnergyGeV, X = p.XCm, Y = p.YCm, Tx = p.SlopeX, Ty = p.SlopeY, Z = StartZCm, Next = 0 };
        // A photon entering the beam line (a test beam, or a source that starts one) is followed like a secondary.
        if (primary.Kind == DetectorSpecies.Photon) Photon(ref primary, ref s, ref rng, rec);
        else Charged(ref primary, true, forcing, ref s, ref rng, rec);
        // Secondaries, last in first out: photons convert or fly to the ECAL, converted e± are tracked like the primary.
        while (s.Count > 0)
        {
            Track t = s.Stack[--s.Count];
            if (t.Kind == DetectorSpecies.Photon) Photon(ref t, ref s, ref rng, rec);
            else Charged(ref t, false, Forcing.None, ref s, ref rng, rec);
        }
        return s.Weight;
    }

    private void Charged(ref Track t, bool primary, Forcing forcing, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        SpectrometerOptions sp = _card.Spectrometer;
        int charge = ParticleProperties.Charge(t.Kind);
        double zSrd = _card.Srd.ZCm;
        bool srdDone = !primary;
        for (int i = t.Next; i < _planes.Length; i++)
        {
            Plane pl = _planes[i];
            if (!srdDone && zSrd < pl.Z)
            {
                rec.SrdTrueGeV = SrdSum(t.X + t.Tx * (zSrd - t.Z), s.SrX[..s.NSr], s.SrE[..s.NSr]);
                srdDone = true;
            }
            if (!Drift(ref t, pl.Z, primary, ref s, ref rng, rec))
            {
                if (!primary) return;
                // No particle reaches the SRD plane to measure photon offsets from: the SRD sits at the nominal trajectory.
                if (!srdDone) rec.SrdTrueGeV = SrdSum(_nominalXAtSrd, s.SrX[..s.NSr], s.SrE[..s.NSr]);
                rec.PrimaryLost = true;
                return;
            }
            if (primary && charge != 0)
            {
                if (pl.Kind == PlaneKind.Counter)
                {
                    CounterOptions c = sp.Counters[pl.Index];
                    if (c.Covers(t.X - pl.NominalX, t.Y) && rng.NextDouble() < c.Efficiency)
                        rec.CountersFired |= 1 << pl.Index;
                }
                else if (pl.Kind == PlaneKind.Tracker)
                {
                    TrackerPlaneOptions tr = sp.Trackers[pl.Index];
                    if (rng.NextDouble() < tr.Efficiency)
                    {
                        rec.HitValid[pl.Index] = true;
                        rec.HitX[pl.Index] = t.X + tr.ResolutionMm * 0.1 * rng.NextGaussian();
                        rec.HitY[pl.Index] = t.Y + tr.ResolutionMm * 0.1 * rng.NextGaussian();
                    }
                }
            }
            Material(i, ref t, primary, forcing, ref s, ref rng, rec);
            if (primary && pl.Z < zSrd && charge != 0 && (ParticleProperties.IsHadron(t.Kind) || ParticleProperties.IsMuon(t.Kind)))
            {
                int n = forcing.KnockOns switch
                {
                    KnockOnCondition.AtLeastOne => s.ForcedKnockOns[i],
                    KnockOnCondition.None => 0,
                    _ => pl.KnockOnMean > 0 ? rng.NextPoisson(pl.KnockOnMean) : 0,
                };
                for (int k = 0; k < n; k++) KnockOn(i, ref t, ref s, ref rng, rec);
            }
        }
        if (!srdDone)
        {
            rec.SrdTrueGeV = SrdSum(t.X + t.Tx * (zSrd - t.Z), s.SrX[..s.NSr], s.SrE[..s.NSr]);
        }
        if (!Drift(ref t, 0, primary, ref s, ref rng, rec))
        {
            if (primary) rec.PrimaryLost = true;
            return;
        }
        // The primary is transported first and so is always arrival 0 (MaxArrivals > 0).
        rec.AddArrival(t.Kind, t.E, t.X - _nominalXAtEcal, t.Y);
    }

    /// <summary>Moves a particle to <paramref name="zTo"/>: straight outside the fields, on a parabola with synchrotron
    /// emission inside. Returns false if a charged particle is too soft to cross the field ahead of it.</summary>
    private bool Drift(ref Track t, double zTo, bool primary, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        int charge = ParticleProperties.Charge(t.Kind);
        while (t.Z < zTo)
        {
            int di = charge == 0 ? -1 : DipoleAt(t.Z);
            if (di < 0)
            {
                double zNext = charge == 0 ? zTo : Math.Min(zTo, NextDipoleStart(t.Z));
                t.X += t.Tx * (zNext - t.Z);
                t.Y += t.Ty * (zNext - t.Z);
                t.Z = zNext;
                continue;
            }
            Dipole d = _dipoles[di];
            double m = ParticleProperties.MassGeV(t.Kind);
            double pMom = Math.Sqrt(Math.Max(t.E * t.E - m * m, 1e-12));
            // Bending radius ≤ the field length still ahead: the particle cannot cross this dipole.
            if (pMom <= SynchrotronFormulas.MomentumPerTeslaMetre * d.FieldT * (d.End - t.Z) * 0.01) return false;
            double zEnd = Math.Min(zTo, d.End), lengthCm = zEnd - t.Z;
            double fieldIntegralTm = d.FieldT * lengthCm * 0.01;
            double th = -charge * SynchrotronFormulas.BendAngleRad(fieldIntegralTm, pMom);
            double nMean = SynchrotronFormulas.MeanPhotonCount(t.E, m, fieldIntegralTm);
            double ecGeV = SynchrotronFormulas.CriticalEnergyGeV(t.E, m, d.FieldT);
            int n = rng.NextPoisson(nMean);
            double lost = 0;
            for (int k = 0; k < n; k++)
            {
                double eg = SynchrotronSpectrum.Instance.SampleXi(ref rng) * ecGeV;
                double sCm = rng.NextDouble() * lengthCm;
                lost += eg;
                if ((primary || t.KnockOn) && s.NSr < s.SrX.Length)
                {
                    double xEmit = t.X + t.Tx * sCm + th * sCm * sCm / (2 * lengthCm);
                    double txEmit = t.Tx + th * sCm / lengthCm;
                    s.SrX[s.NSr] = xEmit + txEmit * (_card.Srd.ZCm - (t.Z + sCm));
                    s.SrE[s.NSr] = eg;
                    s.NSr++;
                }
            }
            if (primary) rec.SrRadiatedGeV += lost;
            t.E -= lost;
            t.X += t.Tx * lengthCm + th * lengthCm / 2;
            t.Y += t.Ty * lengthCm;
            t.Tx += th;
            t.Z = zEnd;
        }
        return true;
    }

    /// <summary>Candidates of a forced knock-on: N ≥ 1 from the zero-truncated Poisson, each placed in plane i with
    /// probability μ_i/Σμ.</summary>
    private void DrawForcedKnockOns(Span<int> perPlane, ref EventRng rng)
    {
        int n = ThinTargetBremsstrahlung.ZeroTruncatedPoisson(_knockOnTotalMean, ref rng);
        for (int k = 0; k < n; k++)
        {
            double u = rng.NextDouble() * _knockOnTotalMean;
            int i = 0;
            while (i < _planes.Length - 1 && (u -= _planes[i].KnockOnMean) >= 0) i++;
            // Rounding can leave u ≥ 0 past the last plane with a yield: step back to it.
            while (_planes[i].KnockOnMean <= 0) i--;
            perPlane[i]++;
        }
    }

    /// <summary>One knock-on candidate of the primary <paramref name="t"/> in plane <paramref name="i"/>: T from the majorant,
    /// kept with the projectile's probability (<see cref="KnockOnElectrons.Acceptance"/>), emitted at the angle of eq. 34.15
    /// with a uniform azimuth, then flown to the SRD plane (radiating in any field on the way; lost where it cannot cross a
    /// field). Arriving, it deposits its kinetic energy if it lies in the SRD band, scored like a photon at its x. The
    /// projectile loses T; its recoil deflection (p_T/p ≈ √(2m_e T)/p, 3·10⁻⁵ rad at T = 10 MeV and 100 GeV) and the
    /// δ ray's own multiple scattering and energy loss are neglected [approximation].</summary>
    private void KnockOn(int i, ref Track t, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        double m = ParticleProperties.MassGeV(t.Kind);
        double tKin = KnockOnElectrons.SampleMajorant(_planes[i].KnockOnTMinGeV, ref rng);
        bool spinHalf = ParticleProperties.IsMuon(t.Kind);
        if (rng.NextDouble() >= KnockOnElectrons.Acceptance(tKin, t.E, m, spinHalf)) return;
        double cos = KnockOnElectrons.CosTheta(tKin, KnockOnElectrons.MaxKineticGeV(t.E, m));
        t.E -= tKin;
        double tan = Math.Sqrt(Math.Max(1 - cos * cos, 0)) / cos, phi = 2 * Math.PI * rng.NextDouble();
        double me = ParticleProperties.MassGeV(DetectorSpecies.Electron);
        var d = new Track
        {
            Kind = DetectorSpecies.Electron, E = tKin + me, X = t.X, Y = t.Y, Z = t.Z, Next = t.Next,
            Tx = t.Tx + tan * Math.Cos(phi), Ty = t.Ty + tan * Math.Sin(phi), KnockOn = true,
        };
        if (!Drift(ref d, _card.Srd.ZCm, false, ref s, ref rng, rec) || s.NSr >= s.SrX.Length) return;
        s.SrX[s.NSr] = d.X;
        s.SrE[s.NSr] = d.E - me;
        s.NSr++;
    }
}

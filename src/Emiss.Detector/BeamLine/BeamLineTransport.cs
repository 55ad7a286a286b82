using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Detector.Synchrotron;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// Tracks a beam particle from the start of the beam line to the ECAL face through the material map, the counters,
/// the trackers and the dipoles (straight lines between thin material planes; hard-edge dipoles bending in the x
/// plane; docs/physics/beam-line.md#transport). In each material plane (a counter, a tracker, or a slice of a passive
/// element, docs/physics/beam-line.md#material-map): multiple scattering (Highland, PDG 2024 eq. 34.15) and, for e±,
/// bremsstrahlung with y = k/E ≥ <see cref="BremYMin"/> from the complete-screening spectrum (4/3 − 4y/3 + y²)/y per
/// X0 (docs/physics/bremsstrahlung.md#complete-screening-and-radiation-length; Poisson number of photons). Photons fly
/// straight (also through the fields) and convert in any later plane with probability 1 − exp(−(7/9)·x/X0)
/// (docs/physics/pair-production.md#cross-section); the e⁺e⁻ pair is transported like the primary, and whatever
/// reaches z = 0 is an arrival at the ECAL face. Planes may lie inside a dipole field: the field is then crossed in
/// pieces. In each field piece charged particles emit synchrotron photons (Poisson ⟨N_γ⟩, ξ from
/// <see cref="SynchrotronSpectrum"/>, emitted tangentially at a uniformly distributed point of the arc,
/// docs/physics/synchrotron-radiation.md#spectrum-sampling). At the SRD plane the primary's photons whose horizontal
/// offset from the primary lies in the card's band and whose energy exceeds the window cut-off are counted
/// (secondaries lose their synchrotron energy but are not followed into the SRD [approximation]). Beam hadrons
/// radiate (m_e/m)⁴ less (the formulas scale with γ); their SRD signal comes from knock-on electrons (δ rays) that a beam
/// μ, π or K knocks out of the material upstream of the SRD (<see cref="KnockOnElectrons"/>): each δ ray flies from its
/// plane along its emission angle, radiates in any field it crosses (its photons count at the SRD like the primary's),
/// and deposits its kinetic energy in the SRD if it arrives inside the band (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons).
/// Decays in flight are not modelled here (background sources).
/// <para>Kinematic limits: a bremsstrahlung photon takes at most the kinetic energy (k ≤ E − m), and a charged particle
/// with p ≤ 0.29979·B·L at a dipole (L: the field length still ahead) is lost there (<see cref="BeamLineRecord.PrimaryLost"/>):
/// its bending radius is shorter than the field length, so it turns through 90° or more and never leaves through the
/// downstream edge. Only electrons that gave nearly all their energy to an upstream photon are that soft; the
/// small-angle dipole formulas, whose photon number grows as 1/p, are never applied to them.</para>
/// </summary>
public sealed partial class BeamLineTransport
{
    /// <summary>Smallest bremsstrahlung energy fraction sampled; softer photons stay with the electron.</summary>
    public const double BremYMin = 1e-3;

    /// <summary>Longest slice of a passive element treated as one thin plane, cm (air gaps are metres long; a slice is
    /// short against the lever arms of the trackers and the dipoles).</summary>
    public const double MaxSliceCm = 50.0;

    /// <summary>Largest number of secondary particles (photons, converted e±) followed per event; further ones are dropped.</summary>
    public const int MaxSecondaries = 64;

    private enum PlaneKind { Counter, Tracker, Passive }

    private readonly record struct Plane(double Z, PlaneKind Kind, int Index, double XOverX0, double NominalX, double KnockOnMean, double KnockOnTMinGeV);

    /// <summary>Softest δ ray followed, GeV: 1 MeV, the SRD noise and the loose SRD threshold; softer δ rays add less than
    /// the noise (docs/physics/synchrotron-radiation.md#hadrons-and-knock-on-electrons).</summary>
    public const double KnockOnFloorGeV = 1e-3;

    /// <summary>Mean synchrotron loss, GeV, below which a δ ray crossing the dipoles is not followed: a tenth of the SRD
    /// noise (1 MeV), so the δ rays left out cannot lift the SRD signal over a threshold.</summary>
    public const double KnockOnSrThresholdGeV = 1e-4;

    private readonly record struct Dipole(double Start, double End, double FieldT);

    private readonly SetupCard _card;
    private readonly Plane[] _planes;
    private readonly Dipole[] _dipoles;
    private readonly MaterialPlane[] _materialPlanes;
    private readonly double _nominalXAtSrd, _nominalXAtEcal;
    private readonly double _bremMeanPerX0;
    private readonly double _nominalSlopeAtEcal;
    private readonly double _srLossPerGeV2;
    private readonly double _knockOnTotalMean;

    /// <summary>Creates the transport for a set-up.</summary>
    public BeamLineTransport(SetupCard card)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        SpectrometerOptions s = card.Spectrometer;
        _dipoles = [.. s.Dipoles.Select(d => new Dipole(d.ZStartCm, d.ZStartCm + d.LengthCm, d.FieldT)).OrderBy(d => d.Start)];
        // Electron column density (Z/A)·ρx, mol cm⁻², for the δ-ray yield. Trackers give only x/X0: their material is
        // taken as polystyrene of that many radiation lengths [assumed].
        Material sc = MaterialCatalog.Polystyrene;
        var planes = new List<(double Z, PlaneKind Kind, int Index, double X, double Electrons)>();
        for (int i = 0; i < s.Counters.Count; i++)
            planes.Add((s.Counters[i].ZCm, PlaneKind.Counter, i, s.Counters[i].ThicknessCm / sc.RadiationLengthCm, sc.ZOverA * sc.DensityGPerCm3 * s.Counters[i].ThicknessCm));
        for (int i = 0; i < s.Trackers.Count; i++)
            planes.Add((s.Trackers[i].ZCm, PlaneKind.Tracker, i, s.Trackers[i].RadiationLengthFraction, sc.ZOverA * sc.RadiationLengthGPerCm2 * s.Trackers[i].RadiationLengthFraction));
        for (int i = 0; i < s.PassiveElements.Count; i++)
        {
            PassiveElementOptions p = s.PassiveElements[i];
            Material m = MaterialCatalog.ByName(p.Material);
            int slices = Math.Max(1, (int)Math.Ceiling(p.ThicknessCm / MaxSliceCm));
            double x = p.RadiationLengthFraction() / slices, w = p.ThicknessCm / slices;
            for (int k = 0; k < slices; k++) planes.Add((p.ZCm + (k + 0.5) * w, PlaneKind.Passive, i, x, m.ZOverA * m.DensityGPerCm3 * w));
        }
        var ordered = planes.OrderBy(p => p.Z).ThenBy(p => p.Kind).ToList();
        double zFirst = Math.Min(ordered.Count > 0 ? ordered[0].Z : 0, _dipoles.Length > 0 ? _dipoles[0].Start : 0);
        StartZCm = zFirst - 10;
        // Electron SR loss scales as E² (ΔE ∝ E²B²L, docs/physics/synchrotron-radiation.md#formulas): coefficient from 1 GeV.
        _srLossPerGeV2 = s.Dipoles.Sum(d => SynchrotronFormulas.MeanEnergyLossGeV(1.0, ParticleProperties.MassGeV(DetectorSpecies.Electron), d.FieldT, d.LengthCm * 0.01));
        double[] tMin = [.. ordered.Select(p => KnockOnMinKineticGeV(p.Z))];
        double[] mean = [.. ordered.Select((p, i) => double.IsPositiveInfinity(tMin[i]) ? 0 : KnockOnElectrons.CandidatesAbove(p.Electrons, tMin[i]))];
        double total = mean.Sum();
        FirstPrinciplesKnockOnProbability = -double.ExpM1(-total);
        // A card probability rescales every plane's yield: 1 − exp(−scale·Σμ) = p.
        double scale = card.Srd.HadronKnockOnProbability is { } pk && total > 0 ? -Math.Log(1 - pk) / total : 1.0;
        _knockOnTotalMean = scale * total;
        KnockOnProbability = -double.ExpM1(-_knockOnTotalMean);
        _planes = [.. ordered.Select((p, i) => new Plane(p.Z, p.Kind, p.Index, p.X, NominalX(p.Z), scale * mean[i], tMin[i]))];
        _materialPlanes = [.. _planes.Select(p => new MaterialPlane(PlaneName(p), p.Z, p.XOverX0, DipoleAt(p.Z) >= 0))];
        (_nominalXAtSrd, _nominalXAtEcal, _nominalSlopeAtEcal) = (NominalX(card.Srd.ZCm), NominalX(0), NominalSlope(0));
        _bremMeanPerX0 = ThinTargetBremsstrahlung.PhotonsPerX0(BremYMin, 1.0);
    }

    private string PlaneName(Plane p) => p.Kind switch
    {
        PlaneKind.Counter => _card.Spectrometer.Counters[p.Index].Name,
        PlaneKind.Tracker => _card.Spectrometer.Trackers[p.Index].Name,
        _ => _card.Spectrometer.PassiveElements[p.Index].Name,
    };

    /// <summary>z where particles start, cm.</summary>
    public double StartZCm { get; }

    /// <summary>Slope dx/dz of the nominal beam at the ECAL (the deflection by the dipoles), rad.</summary>
    public double NominalSlopeAtEcal => _nominalSlopeAtEcal;

    /// <summary>The material planes in beam order (counters, trackers, slices of the passive elements).</summary>
    public IReadOnlyList<MaterialPlane> MaterialPlanes => _materialPlanes;

    /// <summary>z of the downstream edge of the last dipole field, cm: material upstream of it changes the measured momentum.</summary>
    public double FieldEndCm => _dipoles.Length > 0 ? _dipoles.Max(d => d.End) : double.NegativeInfinity;

    /// <summary>x of the nominal beam trajectory (beam-energy particle on axis at the start) at <paramref name="zCm"/>:
    /// transverse positions of counters and the ECAL are defined relative to it.</summary>
    public double NominalX(double zCm) => Nominal(zCm).X;

    private double NominalSlope(double zCm) => Nominal(zCm).Tx;

    private (double X, double Tx) Nominal(double zCm)
    {
        double x = 0, tx = 0, z = StartZCm;
        foreach (Dipole d in _dipoles)
        {
            if (zCm <= d.Start) break;
            double length = d.End - d.Start;
            double th = SynchrotronFormulas.BendAngleRad(d.FieldT * length * 0.01, _card.Beam.EnergyGeV);
            x += tx * (d.Start - z);
            if (zCm < d.End)
            {
                double s = zCm - d.Start;
                return (x + tx * s + th * s * s / (2 * length), tx + th * s / length);
            }
            x += tx * length + th * length / 2;
            tx += th;
            z = d.End;
        }
        return (x + tx * (zCm - z), tx);
    }

    private int DipoleAt(double z)
    {
        for (int i = 0; i < _dipoles.Length; i++)
            if (z >= _dipoles[i].Start && z < _dipoles[i].End) return i;
        return -1;
    }

    private double NextDipoleStart(double z)
    {
        foreach (Dipole d in _dipoles)
            if (d.Start > z) return d.Start;
        return double.PositiveInfinity;
    }

    /// <summary>Probability per beam μ, π or K of at least one knock-on candidate upstream of the SRD
    /// (<see cref="SrdOptions.HadronKnockOnProbability"/> when the card sets it, else <see cref="FirstPrinciplesKnockOnProbability"/>):
    /// the rate factor of sources that force the knock-on with <see cref="TransportForcedKnockOn"/>.</summary>
    public double KnockOnProbability { get; }

    /// <summary>The same probability from the material map alone: 1 − exp(−Σ_planes ½K(Z/A)ρx/T_min).</summary>
    public double FirstPrinciplesKnockOnProbability { get; }

    /// <summary>Mean number of knock-on candidates per material plane (<see cref="MaterialPlanes"/> order), after the card's rescaling.</summary>
    public IReadOnlyList<double> KnockOnCandidateMeans => [.. _planes.Select(p => p.KnockOnMean)];

    /// <summary>Softest candidate per material plane, GeV (infinite where no δ ray can reach the SRD).</summary>
    public IReadOnlyList<double> KnockOnMinKineticGeV() => [.. _planes.Select(p => p.KnockOnTMinGeV)];

    /// <summary>
    /// The softest δ ray produced at <paramref name="z"/> that can put energy into the SRD. Downstream of every field it flies
    /// straight, so it must leave within θ_max = atan(offsetMax/(z_SRD − z)) of the projectile (eq. 34.15, with the T_max of
    /// a K⁻ at half the beam energy, the smallest of the beam's μ, π, K above it); upstream of a field it must radiate a mean
    /// synchrotron loss of at least <see cref="KnockOnSrThresholdGeV"/>; never below <see cref="KnockOnFloorGeV"/>.
    /// Infinite at or behind the SRD.
    /// </summary>
    private double KnockOnMinKineticGeV(double z)
    {
        double zSrd = _card.Srd.ZCm;
        if (z >= zSrd) return double.PositiveInfinity;
        if (_dipoles.Any(d => d.End > z && d.Start < zSrd))
            return Math.Max(KnockOnFloorGeV, Math.Sqrt(KnockOnSrThresholdGeV / _srLossPerGeV2));
        double tMaxRef = KnockOnElectrons.MaxKineticGeV(0.5 * _card.Beam.EnergyGeV, ParticleProperties.MassGeV(DetectorSpecies.KaonMinus));
        double thetaMax = Math.Atan(_card.Srd.OffsetMaxCm / (zSrd - z));
        return Math.Max(KnockOnFloorGeV, KnockOnElectrons.KineticAtAngle(thetaMax, tMaxRef));
    }

    private double SrdSum(double xParticleAtSrd, ReadOnlySpan<double> xs, ReadOnlySpan<double> es)
    {
        SrdOptions o = _card.Srd;
        double cut = o.WindowCutoffKeV * 1e-6, sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            if (o.InBand(xParticleAtSrd - xs[i]) && es[i] > cut) sum += es[i];
        }
        return sum;
    }
}

using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Physics.Decays;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Fast calorimeter response (the default ECAL model). EM showers: GFlash gamma-function longitudinal profile with
/// correlated fluctuations of its depth of maximum and shape (<see cref="EmLongitudinalProfile"/>), core+tail lateral profile integrated over
/// each cell (<see cref="LateralProfile"/>), sampling fluctuations σ² = a_s²·E per cell and region. Hadrons:
/// exponential first-interaction depth in λ_I, ionisation before it as for muons (<see cref="SamplingIonisation"/>), then the Bock et al. (1981) profile
/// (<see cref="BockHadronProfile"/>) with a fluctuating electromagnetic fraction f_em and non-compensation e/h
/// (signal per deposited GeV f_em + (1 − f_em)/(e/h), EM scale). Muons: ionisation up to where they stop (restricted loss at
/// the MIP scale, knock-on electrons above T_δ) and radiative losses as EM showers at a uniform depth of the region where they
/// occur (<see cref="MuonTransport"/>). Depths are tracked in cumulative X0 (EM) and λ_I (hadronic) through the whole stack, so
/// leakage from the ECAL into V2, the HCAL and the muon counters follows from the same profiles.
/// </summary>
public sealed class ParametrisedShowerModel : ICalorimeterShowerModel
{
    private const int MaxCells = 256;

    private const double MuonMass = Core.Constants.PhysicalConstants.MuonMassGeV;

    /// <summary>Depths (X0) that differ by less than this are the same face: the cumulative sums that place the regions and a
    /// shower's start round differently.</summary>
    private const double FaceToleranceX0 = 1e-9;
    private readonly CalorimeterLayout _layout;
    private readonly EcalOptions _ecal;
    private readonly HcalOptions _hcal;
    private readonly double _landauXiMeVPerCm;
    private readonly MuonTransport _muons;
    private readonly SamplingIonisation?[][] _hadronIonisation;
    private readonly LeakagePhotonsInPlane _leakIntoV2;

    /// <summary>Creates the model for a set-up.</summary>
    public ParametrisedShowerModel(SetupCard card, CalorimeterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _ecal = card.Ecal;
        _hcal = card.Hcal;
        if (_ecal.CellsX * _ecal.CellsY > MaxCells)
            throw new NotSupportedException($"ECAL with {_ecal.CellsX * _ecal.CellsY} cells: the parametrised model supports at most {MaxCells}");
        Material sc = MaterialCatalog.Polystyrene;
        _landauXiMeVPerCm = 0.1535 * sc.ZOverA * sc.DensityGPerCm3;
        _muons = new MuonTransport(card, layout);
        // The charged hadrons' ionisation before their first nuclear interaction, per species (indexed by DetectorSpecies).
        SamplingIonisation?[] pion = SamplingIonisation.ForRegions(card, layout, ParticleProperties.MassGeV(DetectorSpecies.PionMinus));
        SamplingIonisation?[] kaon = SamplingIonisation.ForRegions(card, layout, ParticleProperties.MassGeV(DetectorSpecies.KaonMinus));
        SamplingIonisation?[] proton = SamplingIonisation.ForRegions(card, layout, ParticleProperties.MassGeV(DetectorSpecies.Proton));
        _hadronIonisation = new SamplingIonisation?[Enum.GetValues<DetectorSpecies>().Length][];
        _hadronIonisation[(int)DetectorSpecies.PionMinus] = _hadronIonisation[(int)DetectorSpecies.PionPlus] = pion;
        _hadronIonisation[(int)DetectorSpecies.KaonMinus] = _hadronIonisation[(int)DetectorSpecies.KaonPlus] = kaon;
        _hadronIonisation[(int)DetectorSpecies.Proton] = proton;
        _leakIntoV2 = new LeakagePhotonsInPlane(MaterialCatalog.Polystyrene, _ecal.BackLeakPhotonMeanMeV * 1e-3, _ecal.BackLeakPhotonObliquity);
    }

    /// <inheritdoc />
    public string Name => "parametrised";

    /// <inheritdoc />
    public void Deposit(in IncidentParticle particle, ref EventRng rng, CalorimeterDeposits into)
    {
        ArgumentNullException.ThrowIfNull(into);
        double e = particle.EnergyGeV;
        if (!(e > 0)) return;
        if (particle.Kind == DetectorSpecies.Neutrino)
        {
            into.EscapedGeV += e;
            return;
        }
        int first = _layout.HitsEcal(particle.XCm, particle.YCm) ? 0
                  : _layout.HitsHcal(particle.XCm, particle.YCm) ? _layout.HcalFirstRegion : -1;
        if (first < 0)
        {
            into.EscapedGeV += e;
            return;
        }
        if (particle.DepthX0 != 0 && !(particle.DepthX0 > 0 && ParticleProperties.IsElectromagnetic(particle.Kind)))
            throw new ArgumentException($"a {particle.Kind} cannot start at depth {particle.DepthX0} X0: only e±/γ showers may start below the ECAL face", nameof(particle));
        if (particle.FirstInteractionLambda is { } forced && !(ParticleProperties.IsHadron(particle.Kind) && forced >= 0 && !double.IsInfinity(forced)))
            throw new ArgumentException($"a {particle.Kind} cannot have a first-interaction depth of {forced} λ_I: only hadrons, at a finite depth ≥ 0", nameof(particle));
        if (particle.DecayLifetimes is { } decay && !(ParticleProperties.IsMuon(particle.Kind) && decay >= 0 && !double.IsInfinity(decay)))
            throw new ArgumentException($"a {particle.Kind} cannot have a forced decay at {decay} lifetimes: only muons, at a finite proper time ≥ 0", nameof(particle));
        if (ParticleProperties.IsElectromagnetic(particle.Kind))
            EmShower(e, particle.Kind == DetectorSpecies.Photon, first, particle.DepthX0, particle.XCm, particle.YCm, ref rng, into);
        else if (ParticleProperties.IsHadron(particle.Kind))
            Hadron(particle.Kind, e, first, particle.FirstInteractionLambda, particle.XCm, particle.YCm, ref rng, into);
        else if (ParticleProperties.IsMuon(particle.Kind))
            Muon(e, first, particle.DecayLifetimes, particle.XCm, particle.YCm, ref rng, into);
        else
            throw new ArgumentException($"the parametrised calorimeter has no response for a {particle.Kind}", nameof(particle));
    }

    /// <summary>
    /// A muon of total energy <paramref name="energyGeV"/> that has crossed the ECAL and V2 elsewhere (the full ECAL model's
    /// shower engine) and continues at (x, y) into the HCAL and the muon counters; one that misses the HCAL escapes.
    /// </summary>
    public void DepositMuonBehindV2(double energyGeV, double xCm, double yCm, ref EventRng rng, CalorimeterDeposits into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!(energyGeV > 0)) return;
        if (!_layout.HitsHcal(xCm, yCm)) { into.EscapedGeV += energyGeV; return; }
        // The proper time it spent in the engine's ECAL is not followed; the exponential is memoryless, so drawing the
        // decay afresh here is the law given that it did not decay in the ECAL.
        Muon(energyGeV, _layout.HcalFirstRegion, null, xCm, yCm, ref rng, into);
    }

    /// <summary>A muon from region <paramref name="first"/> on: ionisation up to where it stops or decays, radiative losses
    /// and knock-on electrons above T_δ as showers where they occur (<see cref="MuonTransport"/>); a decay
    /// (<paramref name="lifetimes"/>: its proper time at decay, drawn here when null) ends the muon there and showers the
    /// decay electron from that depth, the neutrinos escape (docs/physics/muon-pairs.md#decay-in-the-calorimeters). Each
    /// region it crosses scatters it (<see cref="MuonScattering"/>); its deposits lie at its position in the middle of the
    /// region, and a muon that leaves the HCAL's face sideways before V2, an HCAL module or a muon counter deposits nothing
    /// more (docs/physics/muon-pairs.md#multiple-scattering).</summary>
    private void Muon(double e, int first, double? lifetimes, double x, double y, ref EventRng rng, CalorimeterDeposits into)
    {
        int n = _layout.Regions.Length;
        var losses = new MuonRegionLosses(stackalloc double[5 * n], n);
        var (last, lastFraction) = _muons.Transport(e, first, ref rng, losses);
        double s = lifetimes ?? rng.NextExponential();
        MuonDecayPoint? decay = _muons.DecayPoint(e, first, last, lastFraction, losses, s);
        if (decay is { } d)
        {
            // The path ends at the decay: later regions lose nothing, the decay region its share of the continuous loss
            // and each discrete loss (a radiated photon, a knock-on electron) with the probability that it came first.
            last = d.Region;
            Truncate(losses, d.Region, d.Fraction, ref rng);
        }
        double dep = 0, energy = e, tx = 0, ty = 0;
        bool inside = true;
        for (int r = first; r <= last; r++)
        {
            CalorimeterRegion reg = _layout.Regions[r];
            // Where the muon crosses the middle of the region: its deposits' position. Outside the ECAL's cells the ECAL reads
            // nothing; outside the HCAL's face the muon has left the stack (V2 and the muon counters cover that face).
            double half = 0.5 * reg.ThicknessCm, xm = x + tx * half, ym = y + ty * half;
            if (reg.Kind is not (RegionKind.EcalPreshower or RegionKind.EcalMain) && !_layout.HitsHcal(xm, ym))
            {
                inside = false;
                break;
            }
            int cell = CellIndex(xm, ym);
            double ion = losses.IonisationGeV[r];
            dep += ion;
            // Summed over many thin layers the restricted loss is close to Gaussian (MuonTransport).
            if (ion > 0) DepositIonisation(reg, cell, ion, losses.ReadGeV[r], losses.ReadSigmaGeV[r], ref rng, into);
            // The losses happen anywhere along the muon's path through the region: each region's radiative and knock-on
            // showers start at a uniform depth in it, so that those made deep in the ECAL leak out of its back as they should.
            if (losses.RadiativeGeV[r] > 0)
            {
                EmShower(losses.RadiativeGeV[r], true, r, rng.NextDouble() * reg.X0Thickness, xm, ym, ref rng, into);
                dep += losses.RadiativeGeV[r];
            }
            if (losses.KnockOnGeV[r] > 0)
            {
                EmShower(losses.KnockOnGeV[r], false, r, rng.NextDouble() * reg.X0Thickness, xm, ym, ref rng, into);
                dep += losses.KnockOnGeV[r];
            }
            if (r == last) break;
            // Scattering over the whole region at the momentum of its middle, then on to the next region's face.
            double lost = ion + losses.RadiativeGeV[r] + losses.KnockOnGeV[r];
            // A muon that crosses the region keeps more than its mass; the floor only guards the rounding of the sums.
            double mid = Math.Max(energy - 0.5 * lost, 1.000001 * MuonMass);
            double theta0 = MuonScattering.HighlandWidthRad(MuonTransport.Momentum(mid), MuonMass, reg.X0Thickness);
            MuonScattering.Cross(reg.ThicknessCm, theta0, ref x, ref tx, ref rng);
            MuonScattering.Cross(reg.ThicknessCm, theta0, ref y, ref ty, ref rng);
            energy -= lost;
        }
        if (inside && decay is { } point)
        {
            double along = point.Fraction * _layout.Regions[point.Region].ThicknessCm;
            dep += MuonDecayElectron(point, x + tx * along, y + ty * along, ref rng, into);
        }
        into.EscapedGeV += e - dep;
    }

    /// <summary>Keeps what a muon decaying after the fraction <paramref name="f"/> of region <paramref name="region"/> lost
    /// before it: nothing behind that region, <paramref name="f"/> of its continuous loss (signal mean f, spread √f), its
    /// radiative and knock-on energy each with probability <paramref name="f"/>.</summary>
    private static void Truncate(MuonRegionLosses losses, int region, double f, ref EventRng rng)
    {
        for (int r = region + 1; r < losses.Regions; r++)
        {
            losses.IonisationGeV[r] = losses.ReadGeV[r] = losses.ReadSigmaGeV[r] = 0;
            losses.RadiativeGeV[r] = losses.KnockOnGeV[r] = 0;
        }
        losses.IonisationGeV[region] *= f;
        losses.ReadGeV[region] *= f;
        losses.ReadSigmaGeV[region] *= Math.Sqrt(f);
        if (losses.RadiativeGeV[region] > 0 && !(rng.NextDouble() < f)) losses.RadiativeGeV[region] = 0;
        if (losses.KnockOnGeV[region] > 0 && !(rng.NextDouble() < f)) losses.KnockOnGeV[region] = 0;
    }

    /// <summary>μ → e ν ν̄ at <paramref name="point"/> (V−A, unpolarised: <see cref="DecaySampler"/> with the Michel spectrum,
    /// the same for μ⁺ and μ⁻): the electron showers from the decay depth along the muon's line (its angle ≲ m_μ/E), the
    /// neutrinos escape. Returns the electron's energy.</summary>
    private double MuonDecayElectron(MuonDecayPoint point, double x, double y, ref EventRng rng, CalorimeterDeposits into)
    {
        double p = MuonTransport.Momentum(point.EnergyGeV);
        Span<DecayProduct> products = stackalloc DecayProduct[DecaySampler.MaxProducts];
        int count = DecaySampler.Decay(DecayTable.MuonMinus.Channels[0], new LorentzVector(point.EnergyGeV, 0, 0, p), ref rng, products);
        double electron = 0;
        for (int i = 0; i < count; i++)
            if (Math.Abs(products[i].Pdg) == DecayParticles.Electron) electron += products[i].P.E;
        if (!(electron > 0)) return 0;
        int region = point.Region;
        double depthX0 = point.Fraction * _layout.Regions[region].X0Thickness;
        if (_layout.Regions[region].Kind is RegionKind.Veto or RegionKind.MuonCounter)
        {
            // A decay inside a thin plane (≈ 1 cm of the ≈ 5 m stack): the electron showers from the next region's front;
            // its track through the rest of the plane (≲ 2 MeV) is not added.
            if (++region >= _layout.Regions.Length) return 0;
            depthX0 = 0;
        }
        EmShower(electron, false, region, depthX0, x, y, ref rng, into);
        return electron;
    }

    /// <summary>EM shower whose profile starts <paramref name="depthX0"/> radiation lengths below the front of region
    /// <paramref name="first"/> (0 for a particle entering there); regions above the start receive nothing.</summary>
    private void EmShower(double e, bool photon, int first, double depthX0, double x, double y, ref EventRng rng, CalorimeterDeposits into)
    {
        GammaShape shape = EmLongitudinalProfile.Draw(e, MediumOf(first), photon, ref rng);
        double logGammaAlpha = SpecialFunctions.LogGamma(shape.Alpha);   // one ln Γ for every face the profile is read at
        double x0Start = _layout.Regions[first].X0Start + depthX0;

        Span<double> lateral = stackalloc double[_ecal.CellsX * _ecal.CellsY];
        bool lateralDone = false;
        // Adjacent regions share a face (CalorimeterLayout stacks them without gaps): the profile's distribution function at
        // one region's back is the next one's front, so each face costs one evaluation; the two depths differ only by the
        // rounding of the cumulative sums.
        double lastT = double.NaN, lastF = 0;
        // A shower started in the ECAL has the ECAL's profile, fitted on its signal inside the ECAL. Its share past the back
        // becomes the energy flowing on: 1/s_deep per unit of signal (deep in the shower the sampling fraction is below its
        // mean), and the forward flow through the back plane exceeds what a continuation of the stack would absorb behind it
        // (docs/physics/calorimeter-parametrised.md#past-the-ecals-back).
        double energyPerSignalPastEcal = first < _layout.HcalFirstRegion
            ? 1 / (_ecal.ProfileDeepSamplingRatio * _ecal.ProfileBackFlowAbsorbedFraction) : 1;
        double perSignal = 1;
        for (int r = first; r < _layout.Regions.Length; r++)
        {
            CalorimeterRegion reg = _layout.Regions[r];
            double t1 = reg.X0Start - x0Start, t2 = t1 + reg.X0Thickness;
            // A region that ends where the shower starts receives nothing. The comparison allows for rounding: a shower started
            // at the HCAL's depth (the full model's leakage behind V2) lies (a − (a + b)) + b ≈ ±10⁻¹⁶ X0 past V2's back, and a
            // positive remainder made V2 take the whole shower's energy as the flow through it.
            if (t2 <= FaceToleranceX0) continue;
            double f1 = Math.Abs(t1 - lastT) <= FaceToleranceX0 ? lastF : EmLongitudinalProfile.Cumulative(shape, t1, logGammaAlpha);
            double f2 = EmLongitudinalProfile.Cumulative(shape, t2, logGammaAlpha);
            (lastT, lastF) = (t2, f2);
            perSignal = reg.Kind is RegionKind.EcalPreshower or RegionKind.EcalMain ? 1 : energyPerSignalPastEcal;
            double er = e * (f2 - f1) * perSignal;
            if (er <= 0) continue;
            switch (reg.Kind)
            {
                case RegionKind.EcalPreshower:
                case RegionKind.EcalMain:
                    if (!lateralDone)
                    {
                        double rm = _layout.EcalMoliereRadiusCm;
                        EmLateral(x, y, rm * _ecal.LateralCoreRadiusRm, rm * _ecal.LateralTailRadiusRm, _ecal.LateralCoreFraction, lateral, into);
                        lateralDone = true;
                    }
                    SpreadOverCells(er, lateral, _ecal.SamplingTerm, reg.Kind == RegionKind.EcalPreshower ? into.EcalPreshowerGeV : into.EcalMainGeV, ref rng, into);
                    break;
                case RegionKind.Veto:
                    // The profile's energy in the plane's ≈ 0.02 X0 plus the discrete photons that carry the flow
                    // e·(1 − F)/(s_deep·a) through it (the continuous term is ≈ 0.7 % of the flow).
                    into.V2MeV += er * 1e3 + _leakIntoV2.DepositMeV(e * (1 - f1) * perSignal, reg.ThicknessCm, ref rng);
                    break;
                case RegionKind.HcalModule:
                    into.HcalGeV[reg.Index] += Math.Max(0, er + _hcal.EmSamplingTerm * Math.Sqrt(er) * rng.NextGaussian());
                    break;
                case RegionKind.MuonCounter:
                    into.MuonMeV[reg.Index] += er * 1e3;
                    break;
            }
        }
        // what flows out of the last region, at the scale of the regions past the ECAL
        into.EscapedGeV += e * (1 - lastF) * perSignal;
    }

    /// <summary>The shower medium of the calorimeter that region <paramref name="region"/> belongs to: the ECAL's for its preshower and
    /// main section (and V2 behind it), the HCAL's for its modules and counters. A muon's radiative loss in the ECAL's main section is
    /// an ECAL shower: until 2026-12-05 only region 0 took the ECAL's medium, so those losses showered with the HCAL's E_c and Z.</summary>
    internal ShowerMedium MediumOf(int region) => region < _layout.HcalFirstRegion ? _layout.EcalShowerMedium : _layout.HcalShowerMedium;

    /// <summary>A hadron (docs/physics/hadron-response.md#event-by-event-response): a charged one ionises up to its
    /// first nuclear interaction (a neutral one, K⁰_L or n, leaves no signal there), exponentially distributed in λ_I,
    /// so that hadrons punch through a thin stack; one that crosses the whole stack without interacting escapes. The
    /// shower (kinetic energy for nucleons: their rest mass is not released) follows the Bock et al. longitudinal profile
    /// with event-by-event f_em and invisible energy (<see cref="HadronFluctuations"/>); in the HCAL the part outside the
    /// 60 × 60 cm² face leaks laterally (<see cref="HadronLateralLeakage"/>, including the ECAL–HCAL gap for showers
    /// that start in the ECAL); what passes the last module leaks longitudinally. A caller that importance-samples the
    /// depth passes it as <paramref name="forcedLambda"/> (and carries the weight itself).</summary>
    private void Hadron(DetectorSpecies kind, double e, int first, double? forcedLambda, double x, double y, ref EventRng rng, CalorimeterDeposits into)
    {
        bool charged = ParticleProperties.Charge(kind) != 0;
        double available = kind is DetectorSpecies.Neutron or DetectorSpecies.Proton ? Math.Max(0, e - ParticleProperties.MassGeV(kind)) : e;
        // A charged hadron ionises only until its kinetic energy is spent (range-out): a soft π± or p stops in the
        // ECAL instead of crossing V2 and every HCAL module (docs/physics/hadron-response.md#range-out).
        double kinetic = charged ? Math.Max(0, e - ParticleProperties.MassGeV(kind)) : 0;
        double lamInt = _layout.Regions[first].LambdaStart + (forcedLambda ?? rng.NextExponential());
        int ri = _layout.RegionAtLambda(lamInt);
        if (ri < 0)
        {
            double dep = charged ? HadronTrack(kind, kinetic, first, _layout.Regions.Length - 1, 1.0, x, y, ref rng, into) : 0;
            into.EscapedGeV += available - dep;
            return;
        }
        CalorimeterRegion rIn = _layout.Regions[ri];
        double phi = (lamInt - rIn.LambdaStart) / rIn.LambdaThickness;
        double mip = charged ? HadronTrack(kind, kinetic, first, ri, phi, x, y, ref rng, into) : 0;
        double eShower = Math.Max(0, available - mip);
        if (eShower <= 0 || (charged && mip >= kinetic))
        {
            into.EscapedGeV += available - mip; // stopped before its first nuclear interaction
            return;
        }
        double x0Int = rIn.X0Start + phi * rIn.X0Thickness;
        (double fem, double hResponse) = HadronFluctuations.Draw(eShower, _hcal, ref rng);
        double response = fem + (1 - fem) * hResponse;
        var profile = new BockHadronProfile(eShower, rIn.X0Cm, rIn.LambdaCm);
        // Lateral containment on the HCAL face: the gap is crossed when the shower starts upstream of the HCAL.
        double hcalLambdaCm = _layout.Regions[_layout.HcalFirstRegion].LambdaCm;
        double inHcalFace = HadronLateralLeakage.ContainedFraction(x, y, _hcal.HalfWidthCm, hcalLambdaCm,
            ri < _layout.HcalFirstRegion ? _hcal.GapAfterEcalCm : 0);

        Span<double> lateral = stackalloc double[_ecal.CellsX * _ecal.CellsY];
        bool lateralDone = false;
        double deposited = mip;
        for (int r = ri; r < _layout.Regions.Length; r++)
        {
            CalorimeterRegion reg = _layout.Regions[r];
            double x1 = Math.Max(0, reg.X0Start - x0Int), x2 = reg.X0Start + reg.X0Thickness - x0Int;
            double l1 = Math.Max(0, reg.LambdaStart - lamInt), l2 = reg.LambdaStart + reg.LambdaThickness - lamInt;
            if (x2 <= 0) continue;
            double er = eShower * profile.FractionBetween(x1, x2, l1, l2);
            if (er <= 0) continue;
            if (reg.Kind is RegionKind.HcalModule or RegionKind.MuonCounter)
                er *= inHcalFace; // the rest passes beside the HCAL
            deposited += er;
            double signal = er * response;
            switch (reg.Kind)
            {
                case RegionKind.EcalPreshower:
                case RegionKind.EcalMain:
                    if (!lateralDone)
                    {
                        EmLateral(x, y, _ecal.HadronLateralRadiusCm, _ecal.HadronLateralRadiusCm, 1.0, lateral, into);
                        lateralDone = true;
                    }
                    SpreadOverCells(signal, lateral, _ecal.SamplingTerm, reg.Kind == RegionKind.EcalPreshower ? into.EcalPreshowerGeV : into.EcalMainGeV, ref rng, into);
                    break;
                case RegionKind.Veto:
                    into.V2MeV += ShowerTracksMeV(er, reg, ref rng);
                    break;
                case RegionKind.HcalModule:
                    double sigma = Math.Sqrt(_hcal.EmSamplingTerm * _hcal.EmSamplingTerm * fem * signal
                                             + _hcal.HadronSamplingTerm * _hcal.HadronSamplingTerm * (1 - fem) * signal);
                    into.HcalGeV[reg.Index] += Math.Max(0, signal + sigma * rng.NextGaussian());
                    break;
                case RegionKind.MuonCounter:
                    into.MuonMeV[reg.Index] += ShowerTracksMeV(er, reg, ref rng);
                    break;
            }
        }
        into.EscapedGeV += available - deposited;
    }

    /// <summary>Signal of a thin scintillator plane (V2, a muon counter) crossed by the tail of a hadron shower whose
    /// mean deposit there is <paramref name="meanGeV"/>. The plane fires on discrete charged tracks, not on a continuous
    /// energy flow: their number is Poisson with mean ⟨E⟩ / (MIP deposit of the plane) — an upper bound on the track
    /// count, since slow protons ionise more than a MIP and photons and neutrons deposit ≈ nothing in 1 cm of plastic,
    /// so P(no track) = e^(−μ) is a lower bound on a silent veto behind a hadron shower — each track with its
    /// Landau-fluctuating loss (docs/physics/hadron-response.md#veto-planes-behind-a-hadron-shower). Beyond μ = 30
    /// (P(0) ≈ 10⁻¹³) the mean deposit is used.</summary>
    private double ShowerTracksMeV(double meanGeV, CalorimeterRegion plane, ref EventRng rng)
    {
        double mip = plane.MipDepositGeV;
        double mu = meanGeV / mip;
        if (mu > 30) return meanGeV * 1e3;
        int tracks = rng.NextPoisson(mu);
        double mev = 0;
        for (int t = 0; t < tracks; t++) mev += ThinScintillatorMeV(mip, plane.ThicknessCm, ref rng);
        return mev;
    }

    /// <summary>A charged hadron's ionisation from region <paramref name="from"/> through region <paramref name="to"/> (of which
    /// only the fraction <paramref name="lastFraction"/> is crossed, up to the first nuclear interaction), as a muon's
    /// (<see cref="SamplingIonisation"/>): in the ECAL and HCAL the restricted loss at the MIP scale with Bohr's spread and
    /// knock-on electrons above T_δ as EM showers where they are made; in thin planes the minimum-ionising loss. It stops where
    /// its kinetic energy <paramref name="kineticGeV"/> is spent (CSDA range at the loss at its energy on entering each region,
    /// held at the minimum's value for slower particles, which overestimates the range of a slow particle by ≲ 20 %). Returns the
    /// energy lost, GeV.</summary>
    private double HadronTrack(DetectorSpecies kind, double kineticGeV, int from, int to, double lastFraction, double x, double y, ref EventRng rng, CalorimeterDeposits into)
    {
        SamplingIonisation?[] ionisation = _hadronIonisation[(int)kind]
            ?? throw new ArgumentException($"{kind} is not a charged hadron", nameof(kind));
        int cell = CellIndex(x, y);
        double lost = 0;
        for (int r = from; r <= to && lost < kineticGeV; r++)
        {
            CalorimeterRegion reg = _layout.Regions[r];
            double t = kineticGeV - lost;
            SamplingIonisation? ion = ionisation[r];
            double whole = ion?.RestrictedLossGeV(t) ?? reg.MipDepositGeV;
            double de = Math.Min(whole * (r == to ? lastFraction : 1.0), t);
            if (!(de > 0)) continue;
            double crossed = de / whole;
            lost += de;
            if (ion is null)
            {
                DepositIonisation(reg, cell, de, de, 0, ref rng, into);
                continue;
            }
            DepositIonisation(reg, cell, de, ion.SignalGeV(t) * crossed, ion.SignalSigmaGeV(t) * Math.Sqrt(crossed), ref rng, into);
            double knockOn = Math.Min(ion.SampleKnockOnGeV(t, ref rng, crossed), kineticGeV - lost);
            if (knockOn > 0)
            {
                EmShower(knockOn, false, r, rng.NextDouble() * crossed * reg.X0Thickness, x, y, ref rng, into);
                lost += knockOn;
            }
        }
        return lost;
    }

    /// <summary>Reads an ionisation loss <paramref name="depositGeV"/> in region <paramref name="reg"/>: in the ECAL (cell
    /// <paramref name="cell"/>, none when outside) and the HCAL a Gaussian signal of mean <paramref name="signalGeV"/> and
    /// standard deviation <paramref name="sigmaGeV"/> at the EM scale, clipped at zero; in the thin planes (V2, muon counters)
    /// the deposit with Landau fluctuations.</summary>
    private void DepositIonisation(CalorimeterRegion reg, int cell, double depositGeV, double signalGeV, double sigmaGeV, ref EventRng rng, CalorimeterDeposits into)
    {
        switch (reg.Kind)
        {
            case RegionKind.EcalPreshower:
            case RegionKind.EcalMain:
                double s = Math.Max(0, signalGeV + sigmaGeV * rng.NextGaussian());
                if (cell >= 0) (reg.Kind == RegionKind.EcalPreshower ? into.EcalPreshowerGeV : into.EcalMainGeV)[cell] += s;
                break;
            case RegionKind.HcalModule:
                into.HcalGeV[reg.Index] += Math.Max(0, signalGeV + sigmaGeV * rng.NextGaussian());
                break;
            case RegionKind.Veto:
                into.V2MeV += ThinScintillatorMeV(depositGeV, reg.ThicknessCm, ref rng);
                break;
            case RegionKind.MuonCounter:
                into.MuonMeV[reg.Index] += ThinScintillatorMeV(depositGeV, reg.ThicknessCm, ref rng);
                break;
        }
    }

    /// <summary>Energy loss in a thin scintillator with Landau fluctuations in the Moyal approximation:
    /// Δ = Δ_p + ξλ, λ = −ln(g²) for standard normal g (Moyal density), ξ = 0.1535 (Z/A) ρ x MeV (PDG eq. 34.10),
    /// Δ_p ≈ 0.9 of the mean loss [approximation for ~1 cm plastic].</summary>
    private double ThinScintillatorMeV(double meanGeV, double thicknessCm, ref EventRng rng)
    {
        double xi = _landauXiMeVPerCm * thicknessCm;
        double g = rng.NextGaussian();
        double lambda = -Math.Log(Math.Max(g * g, 1e-300));
        return Math.Max(0, 0.9 * meanGeV * 1e3 + xi * lambda);
    }

    private int CellIndex(double x, double y)
    {
        int ix = (int)Math.Floor((x - _layout.CellLowX(0)) / _layout.CellSizeCm);
        int iy = (int)Math.Floor((y - _layout.CellLowY(0)) / _layout.CellSizeCm);
        return (uint)ix < (uint)_layout.CellsX && (uint)iy < (uint)_layout.CellsY ? ix + _layout.CellsX * iy : -1;
    }

    private void EmLateral(double x, double y, double rCore, double rTail, double pCore, Span<double> fractions, CalorimeterDeposits into)
    {
        if (into.LateralMemo.TryCopy(this, x, y, rCore, rTail, pCore, fractions)) return;
        int nx = _layout.CellsX, ny = _layout.CellsY;
        Span<double> xe = stackalloc double[nx + 1];
        Span<double> ye = stackalloc double[ny + 1];
        for (int i = 0; i <= nx; i++) xe[i] = _layout.CellLowX(0) + i * _layout.CellSizeCm - x;
        for (int j = 0; j <= ny; j++) ye[j] = _layout.CellLowY(0) + j * _layout.CellSizeCm - y;
        fractions.Clear();
        LateralProfile.AddGridFractions(xe, ye, rCore, pCore, fractions);
        if (pCore < 1) LateralProfile.AddGridFractions(xe, ye, rTail, 1 - pCore, fractions);
        into.LateralMemo.Store(this, x, y, rCore, rTail, pCore, fractions);
    }

    private static void SpreadOverCells(double energy, ReadOnlySpan<double> fractions, double samplingTerm, double[] cells, ref EventRng rng, CalorimeterDeposits into)
    {
        double inCells = 0;
        for (int i = 0; i < fractions.Length; i++)
        {
            double ec = energy * fractions[i];
            inCells += ec;
            if (ec < 1e-7) continue;
            cells[i] += ec + samplingTerm * Math.Sqrt(ec) * rng.NextGaussian();
        }
        into.EscapedGeV += energy - inCells;
    }
}

using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A muon through the calorimeter stack (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters). Ionisation in the
/// sampling calorimeters (ECAL, HCAL) is split as the shower engine splits it (docs/physics/calorimeter-parametrised.md#muon-ionisation):
/// the restricted Bethe loss below T_δ with density effect (PDG eq. 34.12, <see cref="MuonStoppingPower"/>), read at the MIP
/// scale as the card's MIP signal times the active material's restricted loss over its minimum — so the signal rises with the
/// muon's energy as the scintillator's restricted loss does — and knock-on electrons above T_δ, Poisson in number, sampled one
/// by one and read as electromagnetic showers. T_δ is the energy of an electron whose range is one absorber plate (plate
/// thickness × the absorber's minimum dE/dx: 1.9 MeV for 1.5 mm of lead, 29 MeV for 25 mm of iron): softer δ rays stop in the
/// plate where they are born, which is what the MIP scale of e/mip assumes; harder ones travel through the sampling
/// structure as electrons. Thin planes (V2, the muon counters) take the minimum-ionising loss, as before. Radiative losses in
/// the absorbers: bremsstrahlung and photonuclear losses, b(E)·E from the tables of
/// <see cref="MuonRadiativeLoss"/> (Groom, Mokhov, Striganov, ADNDT 78 (2001) 183; other absorbers scale the table of the
/// nearer of Pb and Fe by Z(Z + 1)/A): the soft part (v = ε/E &lt; 1 %) is continuous, harder losses are rare (≈ 0.01 per
/// HCAL module at 100 GeV) and sampled one by one, Poisson in number with the energy-weighted spectrum
/// v·dN/dv ∝ 4/3(1 − v) + v² (complete-screening bremsstrahlung, used for the photonuclear part too). Direct e⁺e⁻ pairs
/// with the shower engine's cross section and split (<see cref="MuonDirectPairTable"/>, Kelner–Kokoulin–Petrukhin, for a
/// nominal 1 MeV e± cut): pairs above 3.02 MeV, about one per 100 GeV muon in the ECAL's lead, Poisson in number with their
/// energies sampled, those below continuous (keV per cm). Radiative and knock-on energy is deposited in the region where it is
/// lost, as electromagnetic showers starting at the region's front (photonuclear energy is treated as electromagnetic).
/// Scintillator and plastic counters have no radiative loss here (≲ 0.1 of iron's b per g/cm² and ≲ 15 % of the mass).
/// Decay in flight is neglected: at 1 GeV γcτ = 6.2 km, P(decay in 3 m) ≈ 5·10⁻⁴ (10⁻⁵ at 50 GeV).
/// </summary>
public sealed class MuonTransport
{
    private readonly CalorimeterLayout _layout;
    private readonly double[] _absorberGPerCm2;
    private readonly MuonRadiativeLoss.Table?[] _table;
    private readonly MuonDirectPairTable?[] _pairs;
    private readonly double[] _absorberCm;
    private readonly SamplingIonisation?[] _ionisation;

    /// <summary>The e± production cut the pair tables assume: pairs above 2(T_c + m_e) = 3.02 MeV are sampled.</summary>
    private const double PairElectronCutGeV = 1e-3;

    /// <summary>βγ of the minimum of ionisation (PDG Fig. 34.2: 3–4 for all materials); the restricted loss is not taken
    /// below its value there, where the Bethe formula for a stopping muon loses validity.</summary>
    private const double MinimumIonisingBetaGamma = 3.5;

    /// <summary>Prepares the radiative-loss tables and the ionisation split of each region of <paramref name="layout"/>.</summary>
    public MuonTransport(SetupCard card, CalorimeterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        int n = layout.Regions.Length;
        _absorberGPerCm2 = new double[n];
        _table = new MuonRadiativeLoss.Table?[n];
        _pairs = new MuonDirectPairTable?[n];
        _absorberCm = new double[n];
        _ionisation = new SamplingIonisation?[n];
        for (int r = 0; r < n; r++)
        {
            CalorimeterRegion reg = layout.Regions[r];
            (string? absorber, string? active, double t, double ts, double eOverMip) = reg.Kind switch
            {
                RegionKind.EcalPreshower or RegionKind.EcalMain => (card.Ecal.AbsorberMaterial, card.Ecal.ActiveMaterial, card.Ecal.LeadThicknessCm, card.Ecal.ScintillatorThicknessCm, card.Ecal.ElectronToMipRatio),
                RegionKind.HcalModule => (card.Hcal.AbsorberMaterial, card.Hcal.ActiveMaterial, card.Hcal.IronThicknessCm, card.Hcal.ScintillatorThicknessCm, card.Hcal.ElectronToMipRatio),
                _ => ((string?)null, (string?)null, 0.0, 0.0, 1.0),
            };
            if (absorber is null || active is null) continue;
            Material m = MaterialCatalog.ByName(absorber);
            _table[r] = MuonRadiativeLoss.For(m);
            _pairs[r] = MuonDirectPairTable.For(m, PairElectronCutGeV);
            double pitch = t + ts;
            _absorberCm[r] = reg.ThicknessCm * t / pitch;
            _absorberGPerCm2[r] = _absorberCm[r] * m.DensityGPerCm3;
            _ionisation[r] = new SamplingIonisation(m, MaterialCatalog.ByName(active), _absorberCm[r], reg.ThicknessCm * ts / pitch,
                t * m.DensityGPerCm3 * m.MinimumIonisationGeVCm2PerG, reg.MipDepositGeV / eOverMip);
        }
    }

    /// <summary>Knock-on threshold T_δ of region <paramref name="region"/>, GeV (NaN for a thin plane, which has none).</summary>
    public double KnockOnThresholdGeV(int region) => _ionisation[region]?.KnockOnCutGeV ?? double.NaN;

    /// <summary>Radiative loss components (brems, pair, photonuclear) of a muon of kinetic energy T in <paramref name="material"/>,
    /// GeV cm²/g (log-log interpolation of the table; extrapolated with the end slopes).</summary>
    public static (double Brems, double Pair, double Nuclear) RadiativeLossGeVCm2PerG(Material material, double kineticGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        return MuonRadiativeLoss.Components(material, kineticGeV);
    }

    /// <summary>Mean total ⟨dE/dx⟩ = a(E) + b(E)E in GeV cm²/g: a from the Bethe formula with density effect
    /// (<see cref="MuonStoppingPower"/>), b(E)E from the radiative tables.</summary>
    public static double MeanLossGeVCm2PerG(Material material, double kineticGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        double a = MuonStoppingPower.GeVPerCm(material, kineticGeV, PhysicalConstants.MuonMassGeV) / material.DensityGPerCm3;
        var (b, p, n) = RadiativeLossGeVCm2PerG(material, kineticGeV);
        return a + b + p + n;
    }

    /// <summary>
    /// Transports a muon of total energy <paramref name="energyGeV"/> entering region <paramref name="first"/>: writes
    /// what it loses in each region to <paramref name="losses"/> (cleared first) and returns the last region reached and
    /// the fraction of it crossed (&lt; 1 where the muon stops).
    /// </summary>
    public (int LastRegion, double LastFraction) Transport(double energyGeV, int first, ref EventRng rng, MuonRegionLosses losses)
    {
        int n = _layout.Regions.Length;
        if (losses.Regions < n) throw new ArgumentException($"need losses for {n} regions", nameof(losses));
        losses.Clear();
        double mu = PhysicalConstants.MuonMassGeV;
        double e = energyGeV;
        for (int r = first; r < n; r++)
        {
            double kinetic = e - mu;
            if (!(kinetic > 0)) return (r, 0.0); // a radiative loss upstream took (within rounding) all of it
            SamplingIonisation? ionisation = _ionisation[r];
            double ion = ionisation?.RestrictedLossGeV(kinetic) ?? _layout.Regions[r].MipDepositGeV;
            double read = ionisation?.SignalGeV(kinetic) ?? ion;
            double sigma = ionisation?.SignalSigmaGeV(kinetic) ?? 0;
            if (kinetic - ion <= 0)
            {
                double fraction = ion > 0 ? Math.Clamp(kinetic / ion, 0, 1) : 1.0;
                losses.IonisationGeV[r] = Math.Max(0, kinetic);
                losses.ReadGeV[r] = read * fraction;
                losses.ReadSigmaGeV[r] = sigma * Math.Sqrt(fraction);
                return (r, fraction);
            }
            losses.IonisationGeV[r] = ion;
            losses.ReadGeV[r] = read;
            losses.ReadSigmaGeV[r] = sigma;
            if (_table[r] is { } table && _absorberGPerCm2[r] > 0)
            {
                double x = _absorberGPerCm2[r];
                var (brems, _, nuclear) = MuonRadiativeLoss.Components(table, kinetic);
                // Continuous: the soft part of bremsstrahlung and photonuclear losses (b_i E × fraction below v_cut).
                double lost = (brems + nuclear) * MuonRadiativeLoss.SoftFraction * x;
                // Hard: Poisson number with mean (b_brems + b_nucl) X ∫_vc^1 g(v)/v dv; b_i = loss_i/E.
                double mean = (brems + nuclear) / e * x * MuonRadiativeLoss.HardCountIntegral;
                int hard = rng.NextPoisson(mean);
                for (int i = 0; i < hard; i++) lost += MuonRadiativeLoss.SampleV(ref rng) * e;
                // Direct pairs: those below the table's cut continuous, the rest one by one.
                if (_pairs[r] is { } pairs)
                {
                    double cm = _absorberCm[r];
                    lost += pairs.ContinuousGeVPerCm(kinetic) * cm;
                    int n2 = rng.NextPoisson(pairs.RatePerCm(kinetic) * cm);
                    for (int i = 0; i < n2; i++) lost += pairs.SamplePairEnergyGeV(kinetic, ref rng);
                }
                lost = Math.Min(lost, Math.Max(0, kinetic - ion));
                losses.RadiativeGeV[r] = lost;
                e -= lost;
            }
            if (ionisation is not null)
            {
                double knockOn = Math.Min(ionisation.SampleKnockOnGeV(kinetic, ref rng), Math.Max(0, e - mu - ion));
                losses.KnockOnGeV[r] = knockOn;
                e -= knockOn;
            }
            e -= ion;
        }
        return (n - 1, 1.0);
    }

    /// <summary>Ionisation of a muon in one sampling region: absorber and active material, their path lengths, the knock-on
    /// threshold T_δ, the electrons per cm² and the MIP signal (MIP deposit over e/mip, EM scale). The restricted losses are
    /// tabulated once on a grid in ln T (32 points per decade, 5 MeV–100 TeV; linear interpolation, ≲ 10⁻⁴ relative), so a
    /// muon costs no material lookups.</summary>
    private sealed class SamplingIonisation
    {
        private const double GridMinGeV = 5e-3, GridMaxGeV = 1e5, PointsPerDecade = 32;
        private readonly double _lnMin, _step;
        private readonly double[] _regionLossGeV, _activeLossGeVPerCm;
        private readonly double _electronsPerCm2, _signalPerActiveLossCm, _activeCm, _xiTimesBeta2GeV;

        public SamplingIonisation(Material absorber, Material active, double absorberCm, double activeCm, double knockOnCutGeV, double mipSignalGeV)
        {
            KnockOnCutGeV = knockOnCutGeV;
            _activeCm = activeCm;
            _electronsPerCm2 = absorberCm * absorber.ElectronDensityPerCm3 + activeCm * active.ElectronDensityPerCm3;
            // The card's MIP signal belongs to the tabulated minimum of the active material's total loss.
            _signalPerActiveLossCm = mipSignalGeV / (active.DensityGPerCm3 * active.MinimumIonisationGeVCm2PerG);
            _xiTimesBeta2GeV = 0.5 * PhysicalConstants.IonisationKGeVCm2PerMol * active.ZOverA * active.DensityGPerCm3 * activeCm;
            double Restricted(Material m, double kineticGeV) =>
                MuonStoppingPower.RestrictedGeVPerCm(m, kineticGeV, PhysicalConstants.MuonMassGeV, knockOnCutGeV);
            // Below the minimum of ionisation (βγ ≈ 3.5) the losses are not taken lower than there: the Bethe formula loses
            // validity for a stopping muon, and the model's muons stop by the CSDA budget anyway.
            double tMin = PhysicalConstants.MuonMassGeV * (Math.Sqrt(1 + MinimumIonisingBetaGamma * MinimumIonisingBetaGamma) - 1);
            double regionFloor = Restricted(absorber, tMin) * absorberCm + Restricted(active, tMin) * activeCm;
            double activeFloor = Restricted(active, tMin);
            _lnMin = Math.Log(GridMinGeV);
            _step = Math.Log(10) / PointsPerDecade;
            int n = (int)Math.Ceiling((Math.Log(GridMaxGeV) - _lnMin) / _step) + 1;
            _regionLossGeV = new double[n];
            _activeLossGeVPerCm = new double[n];
            for (int i = 0; i < n; i++)
            {
                double t = Math.Exp(_lnMin + i * _step);
                _regionLossGeV[i] = Math.Max(regionFloor, Restricted(absorber, t) * absorberCm + Restricted(active, t) * activeCm);
                _activeLossGeVPerCm[i] = Math.Max(activeFloor, Restricted(active, t));
            }
        }

        public double KnockOnCutGeV { get; }

        private double Interpolate(double[] table, double kineticGeV)
        {
            double x = (Math.Log(Math.Max(kineticGeV, GridMinGeV)) - _lnMin) / _step;
            int i = Math.Min((int)x, table.Length - 2);
            double f = Math.Min(x - i, 1.0);
            return table[i] + f * (table[i + 1] - table[i]);
        }

        /// <summary>Energy lost below T_δ crossing the whole region, GeV (not below its value at the minimum).</summary>
        public double RestrictedLossGeV(double kineticGeV) => Interpolate(_regionLossGeV, kineticGeV);

        /// <summary>Mean EM-scale signal of that loss: the MIP signal times the active material's restricted loss over its
        /// tabulated minimum (not below its value at the minimum).</summary>
        public double SignalGeV(double kineticGeV) => Interpolate(_activeLossGeVPerCm, kineticGeV) * _signalPerActiveLossCm;

        /// <summary>Standard deviation of that signal: the Bohr variance of the active material's restricted loss,
        /// ξ T_up (1 − β²/2) with ξ = (K/2)(Z/A)ρx/β² and T_up = min(T_δ, W_max) (the second moment of the knock-on
        /// spectrum below T_up; PDG eq. 34.6 and Bohr 1915), at the EM scale. Summed over tens to hundreds of active layers the
        /// restricted loss is close to Gaussian; the softer collisions below ξ add a negligible amount.</summary>
        public double SignalSigmaGeV(double kineticGeV)
        {
            double mu = PhysicalConstants.MuonMassGeV;
            double gam = 1 + kineticGeV / mu, beta2 = 1 - 1 / (gam * gam);
            double tUp = Math.Min(KnockOnCutGeV, MuonStoppingPower.MaxTransferGeV(kineticGeV, mu));
            return Math.Sqrt(_xiTimesBeta2GeV / beta2 * tUp * (1 - 0.5 * beta2)) * _signalPerActiveLossCm / _activeCm;
        }

        /// <summary>Total energy of the knock-on electrons above T_δ made crossing the region, GeV: Poisson number with mean
        /// n_e σ_δ (<see cref="MuonStoppingPower.DeltaRayCrossSectionPerElectronCm2"/>), energies from its spectrum.</summary>
        public double SampleKnockOnGeV(double kineticGeV, ref EventRng rng)
        {
            double mu = PhysicalConstants.MuonMassGeV;
            double wmax = Math.Min(MuonStoppingPower.MaxTransferGeV(kineticGeV, mu), kineticGeV);
            if (!(KnockOnCutGeV < wmax)) return 0;
            int count = rng.NextPoisson(_electronsPerCm2 * MuonStoppingPower.DeltaRayCrossSectionPerElectronCm2(kineticGeV, mu, KnockOnCutGeV));
            double gam = 1 + kineticGeV / mu, beta2 = 1 - 1 / (gam * gam);
            double sum = 0;
            for (int i = 0; i < count; i++) sum += MuonStoppingPower.SampleKnockOnGeV(KnockOnCutGeV, wmax, beta2, ref rng);
            return sum;
        }
    }
}

/// <summary>What a muon loses in each region of the stack (<see cref="MuonTransport.Transport"/>), GeV: the continuous
/// ionisation, its mean signal and that signal's standard deviation (EM scale in the ECAL and HCAL; in thin planes the mean
/// deposit, whose fluctuations the caller draws), the radiative loss and the knock-on electrons above T_δ (both showering as
/// electromagnetic showers).</summary>
public readonly ref struct MuonRegionLosses
{
    /// <summary>Losses over one buffer of at least 5 × <paramref name="regions"/> values.</summary>
    public MuonRegionLosses(Span<double> buffer, int regions)
    {
        if (buffer.Length < 5 * regions) throw new ArgumentException($"need {5 * regions} values for {regions} regions", nameof(buffer));
        IonisationGeV = buffer[..regions];
        ReadGeV = buffer.Slice(regions, regions);
        ReadSigmaGeV = buffer.Slice(2 * regions, regions);
        RadiativeGeV = buffer.Slice(3 * regions, regions);
        KnockOnGeV = buffer.Slice(4 * regions, regions);
    }

    /// <summary>Continuous ionisation loss per region, GeV.</summary>
    public Span<double> IonisationGeV { get; }

    /// <summary>Mean signal of the continuous ionisation per region, GeV.</summary>
    public Span<double> ReadGeV { get; }

    /// <summary>Standard deviation of that signal in the sampling calorimeters (0 in thin planes), GeV.</summary>
    public Span<double> ReadSigmaGeV { get; }

    /// <summary>Radiative loss per region, GeV.</summary>
    public Span<double> RadiativeGeV { get; }

    /// <summary>Knock-on electrons above T_δ per region, GeV.</summary>
    public Span<double> KnockOnGeV { get; }

    internal int Regions => IonisationGeV.Length;

    internal void Clear()
    {
        IonisationGeV.Clear();
        ReadGeV.Clear();
        ReadSigmaGeV.Clear();
        RadiativeGeV.Clear();
        KnockOnGeV.Clear();
    }
}

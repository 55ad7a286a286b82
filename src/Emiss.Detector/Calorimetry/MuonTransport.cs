using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Physics.Decays;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A muon through the calorimeter stack (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters). Ionisation in the
/// sampling calorimeters (ECAL, HCAL) is split as the shower engine splits it (<see cref="SamplingIonisation"/>): the restricted
/// Bethe loss below T_δ, read at the MIP scale from the scintillator's own restricted loss with Bohr's spread, and knock-on
/// electrons above T_δ, which shower. Thin planes (V2, the muon counters) take the minimum-ionising loss. Radiative losses in
/// the absorbers: bremsstrahlung and photonuclear losses, b(E)·E from the tables of
/// <see cref="MuonRadiativeLoss"/> (Groom, Mokhov, Striganov, ADNDT 78 (2001) 183; other absorbers scale the table of the
/// nearer of Pb and Fe by Z(Z + 1)/A): the soft part (v = ε/E &lt; 1 %) is continuous, harder losses are rare (≈ 0.01 per
/// HCAL module at 100 GeV) and sampled one by one, Poisson in number with the energy-weighted spectrum
/// v·dN/dv ∝ 4/3(1 − v) + v² (complete-screening bremsstrahlung, used for the photonuclear part too). Direct e⁺e⁻ pairs
/// with the shower engine's cross section and split (<see cref="MuonDirectPairTable"/>, Kelner–Kokoulin–Petrukhin, for a
/// nominal 1 MeV e± cut): pairs above 3.02 MeV, about one per 100 GeV muon in the ECAL's lead, Poisson in number with their
/// energies sampled, those below continuous (keV per cm). Radiative and knock-on energy is reported per region; the
/// calorimeter model showers it there as electromagnetic energy (photonuclear energy too).
/// Scintillator and plastic counters have no radiative loss here (≲ 0.1 of iron's b per g/cm² and ≲ 15 % of the mass).
/// Decay in flight (<see cref="DecayPoint"/>): the muon decays where its proper time, accumulated region by region with the
/// energy falling linearly across each region, reaches a drawn (or forced) number of lifetimes; at 1 GeV γcτ = 6.2 km,
/// P(decay in 3 m) ≈ 5·10⁻⁴ (10⁻⁵ at 50 GeV).
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
        _ionisation = SamplingIonisation.ForRegions(card, layout, PhysicalConstants.MuonMassGeV);
        // Radiative losses happen in the absorbers of the sampling regions, the regions that have an ionisation split.
        for (int r = 0; r < n; r++)
        {
            if (_ionisation[r] is not { } sampling) continue;
            Material m = sampling.Absorber;
            _table[r] = MuonRadiativeLoss.For(m);
            _pairs[r] = MuonDirectPairTable.For(m, PairElectronCutGeV);
            _absorberCm[r] = sampling.AbsorberCm;
            _absorberGPerCm2[r] = _absorberCm[r] * m.DensityGPerCm3;
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

    /// <summary>cτ of the muon, cm (PDG: τ = 2.19698 μs, <see cref="DecayTable.MuonMinus"/>).</summary>
    public static double DecayLengthCTauCm => DecayTable.MuonMinus.CTauCm;

    /// <summary>
    /// Proper time, in mean lifetimes, that a muon spends crossing <paramref name="lengthCm"/> while its total energy falls
    /// linearly from <paramref name="entryGeV"/> to <paramref name="exitGeV"/>: dτ/τ = m dz/(p cτ) and dz ∝ dE give
    /// s = m L [arcosh(E₁/m) − arcosh(E₂/m)] / (cτ (E₁ − E₂)), which is L/(βγcτ) without loss and stays finite for a muon
    /// that stops (E₂ = m).
    /// </summary>
    public static double ProperLifetimes(double entryGeV, double exitGeV, double lengthCm)
    {
        double m = PhysicalConstants.MuonMassGeV;
        double scale = m * lengthCm / DecayLengthCTauCm;
        double drop = entryGeV - exitGeV;
        // Without loss (or a loss in the last digits) the arcosh difference cancels: use the momentum at the mean energy.
        if (!(drop > 1e-9 * entryGeV)) return scale / Momentum(0.5 * (entryGeV + exitGeV));
        return scale * (Arcosh(entryGeV / m) - Arcosh(exitGeV / m)) / drop;
    }

    /// <summary>
    /// Where a muon that entered region <paramref name="first"/> with total energy <paramref name="energyGeV"/> and lost
    /// <paramref name="losses"/> (<see cref="Transport"/>, which ended in region <paramref name="last"/> after the fraction
    /// <paramref name="lastFraction"/> of it) decays, given its proper time at decay <paramref name="lifetimes"/>; null when
    /// its path through the stack ends first (it leaves the stack, or stops: a stopped μ⁻ is captured, a μ⁺ at rest gives an
    /// electron of ≤ 53 MeV, neither followed). Inside a region the energy falls linearly from its entry value by that region's
    /// losses, so the point follows from inverting <see cref="ProperLifetimes"/>.
    /// </summary>
    public MuonDecayPoint? DecayPoint(double energyGeV, int first, int last, double lastFraction, MuonRegionLosses losses, double lifetimes)
    {
        if (!(lifetimes >= 0)) throw new ArgumentOutOfRangeException(nameof(lifetimes), lifetimes, "proper time at decay must be ≥ 0 lifetimes");
        double m = PhysicalConstants.MuonMassGeV;
        double e1 = energyGeV, left = lifetimes;
        for (int r = first; r <= last; r++)
        {
            double spent = losses.IonisationGeV[r] + losses.RadiativeGeV[r] + losses.KnockOnGeV[r];
            bool stops = r == last && lastFraction < 1;
            double e2 = stops ? m : Math.Max(m, e1 - spent);
            double length = _layout.Regions[r].ThicknessCm * (r == last ? lastFraction : 1);
            if (!(length > 0)) break;
            double s = ProperLifetimes(e1, e2, length);
            if (left < s)
            {
                double drop = e1 - e2, fraction, e;
                if (!(drop > 1e-9 * e1)) { fraction = left / s; e = e1 - fraction * drop; }
                else
                {
                    // arcosh(E/m) falls linearly in the proper time crossed: invert for the energy, then the depth.
                    e = m * Math.Cosh(Arcosh(e1 / m) - left / s * (Arcosh(e1 / m) - Arcosh(e2 / m)));
                    fraction = Math.Clamp((e1 - e) / drop, 0, 1);
                }
                double regionFraction = fraction * (r == last ? lastFraction : 1);
                return new MuonDecayPoint(r, regionFraction, Math.Max(m, e));
            }
            left -= s;
            e1 = e2;
        }
        return null;
    }

    private static double Arcosh(double x) => Math.Acosh(Math.Max(1, x));

    /// <summary>Momentum of a muon of total energy <paramref name="totalGeV"/>, GeV (0 at or below its mass).</summary>
    public static double Momentum(double totalGeV) =>
        Math.Sqrt(Math.Max(0, (totalGeV - PhysicalConstants.MuonMassGeV) * (totalGeV + PhysicalConstants.MuonMassGeV)));
}

/// <summary>Where a muon decays (<see cref="MuonTransport.DecayPoint"/>): the region, the fraction of its thickness crossed
/// before the decay, and the muon's total energy there, GeV.</summary>
public readonly record struct MuonDecayPoint(int Region, double Fraction, double EnergyGeV);

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

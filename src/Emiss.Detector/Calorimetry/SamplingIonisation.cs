using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Ionisation of a heavy charged particle (μ, π, K, p) in one sampling region of the ECAL or HCAL, split the way the shower
/// engine's <c>muIoni</c> splits a muon's (docs/physics/calorimeter-parametrised.md#muon-ionisation): the restricted Bethe
/// loss below T_δ with the density effect (PDG eq. 34.12, <see cref="MuonStoppingPower"/>), read at the MIP scale as the
/// card's MIP signal times the active material's restricted loss over its tabulated minimum, with Bohr's spread; and
/// knock-on electrons above T_δ (PDG eq. 34.6), Poisson in number, which the caller showers as electrons. T_δ is the energy
/// of an electron whose range is one absorber plate (plate × the absorber's dE/dx_min: 1.91 MeV for 1.5 mm of lead, 28.6 MeV
/// for 25 mm of iron). The restricted losses are tabulated once on a grid in ln T (32 points per decade, 5 MeV–100 TeV; linear
/// interpolation, ≲ 10⁻⁴ relative), so a track costs no material lookups.
/// </summary>
internal sealed class SamplingIonisation
{
    /// <summary>βγ of the minimum of ionisation (PDG Fig. 34.2: 3–4 for all materials); below it the loss is held at its value
    /// there: the model's slow particles stop by the CSDA budget, and the Bethe formula loses validity as they stop.</summary>
    private const double MinimumIonisingBetaGamma = 3.5;

    private const double GridMinGeV = 5e-3, GridMaxGeV = 1e5, PointsPerDecade = 32;
    private readonly double _massGeV, _lnMin, _step;
    private readonly double[] _regionLossGeV, _activeLossGeVPerCm;
    private readonly double _electronsPerCm2, _signalPerActiveLossCm, _activeCm, _xiTimesBeta2GeV;

    private SamplingIonisation(double massGeV, Material absorber, Material active, double absorberCm, double activeCm, double knockOnCutGeV, double mipSignalGeV)
    {
        _massGeV = massGeV;
        Absorber = absorber;
        AbsorberCm = absorberCm;
        KnockOnCutGeV = knockOnCutGeV;
        _activeCm = activeCm;
        _electronsPerCm2 = absorberCm * absorber.ElectronDensityPerCm3 + activeCm * active.ElectronDensityPerCm3;
        // The card's MIP signal belongs to the tabulated minimum of the active material's total loss.
        _signalPerActiveLossCm = mipSignalGeV / (active.DensityGPerCm3 * active.MinimumIonisationGeVCm2PerG);
        _xiTimesBeta2GeV = 0.5 * PhysicalConstants.IonisationKGeVCm2PerMol * active.ZOverA * active.DensityGPerCm3 * activeCm;
        double Restricted(Material m, double kineticGeV) => MuonStoppingPower.RestrictedGeVPerCm(m, kineticGeV, massGeV, knockOnCutGeV);
        double tMin = massGeV * (Math.Sqrt(1 + MinimumIonisingBetaGamma * MinimumIonisingBetaGamma) - 1);
        _lnMin = Math.Log(GridMinGeV);
        _step = Math.Log(10) / PointsPerDecade;
        int n = (int)Math.Ceiling((Math.Log(GridMaxGeV) - _lnMin) / _step) + 1;
        _regionLossGeV = new double[n];
        _activeLossGeVPerCm = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Below the minimum's βγ the loss is held at its value there (slow particles); above it, the restricted loss as it
            // is — in polystyrene with T_δ = 1.9 MeV it dips ≈ 2 % below that value near βγ ≈ 20 before the density effect
            // flattens it (Fermi plateau), so it must not be clamped there.
            double t = Math.Max(Math.Exp(_lnMin + i * _step), tMin);
            _regionLossGeV[i] = Restricted(absorber, t) * absorberCm + Restricted(active, t) * activeCm;
            _activeLossGeVPerCm[i] = Restricted(active, t);
        }
    }

    /// <summary>The region's absorber material.</summary>
    public Material Absorber { get; }

    /// <summary>Absorber path length crossing the whole region, cm.</summary>
    public double AbsorberCm { get; }

    /// <summary>The knock-on threshold T_δ, GeV.</summary>
    public double KnockOnCutGeV { get; }

    /// <summary>One entry per region of <paramref name="layout"/> for a particle of mass <paramref name="massGeV"/>: the
    /// ECAL's and HCAL's sampling regions get their ionisation, thin planes (V2, muon counters) null.</summary>
    public static SamplingIonisation?[] ForRegions(SetupCard card, CalorimeterLayout layout, double massGeV)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(layout);
        var result = new SamplingIonisation?[layout.Regions.Length];
        for (int r = 0; r < result.Length; r++)
        {
            CalorimeterRegion reg = layout.Regions[r];
            (string? absorber, string? active, double t, double ts, double eOverMip) = reg.Kind switch
            {
                RegionKind.EcalPreshower or RegionKind.EcalMain => (card.Ecal.AbsorberMaterial, card.Ecal.ActiveMaterial, card.Ecal.LeadThicknessCm, card.Ecal.ScintillatorThicknessCm, card.Ecal.ElectronToMipRatio),
                RegionKind.HcalModule => (card.Hcal.AbsorberMaterial, card.Hcal.ActiveMaterial, card.Hcal.IronThicknessCm, card.Hcal.ScintillatorThicknessCm, card.Hcal.ElectronToMipRatio),
                _ => ((string?)null, (string?)null, 0.0, 0.0, 1.0),
            };
            if (absorber is null || active is null) continue;
            Material a = MaterialCatalog.ByName(absorber);
            double pitch = t + ts;
            result[r] = new SamplingIonisation(massGeV, a, MaterialCatalog.ByName(active), reg.ThicknessCm * t / pitch, reg.ThicknessCm * ts / pitch,
                t * a.DensityGPerCm3 * a.MinimumIonisationGeVCm2PerG, reg.MipDepositGeV / eOverMip);
        }
        return result;
    }

    private double Interpolate(double[] table, double kineticGeV)
    {
        double x = (Math.Log(Math.Max(kineticGeV, GridMinGeV)) - _lnMin) / _step;
        int i = Math.Min((int)x, table.Length - 2);
        double f = Math.Min(x - i, 1.0);
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /// <summary>Energy lost below T_δ crossing the whole region, GeV (below the minimum's βγ, its value there).</summary>
    public double RestrictedLossGeV(double kineticGeV) => Interpolate(_regionLossGeV, kineticGeV);

    /// <summary>Mean EM-scale signal of that loss: the MIP signal times the active material's restricted loss over its
    /// tabulated dE/dx_min (below the minimum's βγ, its value there).</summary>
    public double SignalGeV(double kineticGeV) => Interpolate(_activeLossGeVPerCm, kineticGeV) * _signalPerActiveLossCm;

    /// <summary>Standard deviation of that signal: the Bohr variance of the active material's restricted loss,
    /// ξ T_up (1 − β²/2) with ξ = (K/2)(Z/A)ρx/β² and T_up = min(T_δ, W_max) (the second moment of the knock-on
    /// spectrum below T_up; PDG eq. 34.6 and Bohr 1915), at the EM scale. Summed over tens to hundreds of active layers the
    /// restricted loss is close to Gaussian; the softer collisions below ξ add a negligible amount.</summary>
    public double SignalSigmaGeV(double kineticGeV)
    {
        double gam = 1 + kineticGeV / _massGeV, beta2 = 1 - 1 / (gam * gam);
        double tUp = Math.Min(KnockOnCutGeV, MuonStoppingPower.MaxTransferGeV(kineticGeV, _massGeV));
        return Math.Sqrt(_xiTimesBeta2GeV / beta2 * tUp * (1 - 0.5 * beta2)) * _signalPerActiveLossCm / _activeCm;
    }

    /// <summary>Total energy of the knock-on electrons above T_δ made crossing the fraction <paramref name="fraction"/> of the
    /// region, GeV: Poisson number with mean n_e σ_δ (<see cref="MuonStoppingPower.DeltaRayCrossSectionPerElectronCm2"/>) ×
    /// the fraction, energies from its spectrum.</summary>
    public double SampleKnockOnGeV(double kineticGeV, ref EventRng rng, double fraction = 1.0)
    {
        double wmax = Math.Min(MuonStoppingPower.MaxTransferGeV(kineticGeV, _massGeV), kineticGeV);
        if (!(KnockOnCutGeV < wmax)) return 0;
        int count = rng.NextPoisson(fraction * _electronsPerCm2 * MuonStoppingPower.DeltaRayCrossSectionPerElectronCm2(kineticGeV, _massGeV, KnockOnCutGeV));
        double gam = 1 + kineticGeV / _massGeV, beta2 = 1 - 1 / (gam * gam);
        double sum = 0;
        for (int i = 0; i < count; i++) sum += MuonStoppingPower.SampleKnockOnGeV(KnockOnCutGeV, wmax, beta2, ref rng);
        return sum;
    }
}

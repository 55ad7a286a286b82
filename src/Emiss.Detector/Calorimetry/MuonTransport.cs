using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A muon through the calorimeter stack (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters): minimum
/// ionisation in every region (the parametrised model's MIP deposit, which also decides where a slow muon stops),
/// plus radiative losses in the absorbers. Bremsstrahlung and photonuclear losses, b(E)·E from the tables of
/// <see cref="MuonRadiativeLoss"/> (Groom, Mokhov, Striganov, ADNDT 78 (2001) 183; other absorbers scale the table of the
/// nearer of Pb and Fe by Z(Z + 1)/A): the soft part (v = ε/E &lt; 1 %) is continuous, harder losses are rare (≈ 0.01 per
/// HCAL module at 100 GeV) and sampled one by one, Poisson in number with the energy-weighted spectrum
/// v·dN/dv ∝ 4/3(1 − v) + v² (complete-screening bremsstrahlung, used for the photonuclear part too). Direct e⁺e⁻ pairs
/// with the shower engine's cross section and split (<see cref="MuonDirectPairTable"/>, Kelner–Kokoulin–Petrukhin, for a
/// nominal 1 MeV e± cut): pairs above 3.02 MeV, about one per 100 GeV muon in the ECAL's lead, Poisson in number with their
/// energies sampled, those below continuous (keV per cm). All radiative energy is deposited in the region where it is
/// lost, as an electromagnetic shower starting at the region's front (photonuclear energy is treated as
/// electromagnetic).
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

    /// <summary>The e± production cut the pair tables assume: pairs above 2(T_c + m_e) = 3.02 MeV are sampled.</summary>
    private const double PairElectronCutGeV = 1e-3;

    /// <summary>Prepares the radiative-loss tables of each region of <paramref name="layout"/>.</summary>
    public MuonTransport(SetupCard card, CalorimeterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        int n = layout.Regions.Length;
        _absorberGPerCm2 = new double[n];
        _table = new MuonRadiativeLoss.Table?[n];
        _pairs = new MuonDirectPairTable?[n];
        _absorberCm = new double[n];
        for (int r = 0; r < n; r++)
        {
            CalorimeterRegion reg = layout.Regions[r];
            (string? absorber, double t, double pitch) = reg.Kind switch
            {
                RegionKind.EcalPreshower or RegionKind.EcalMain => (card.Ecal.AbsorberMaterial, card.Ecal.LeadThicknessCm, card.Ecal.LeadThicknessCm + card.Ecal.ScintillatorThicknessCm),
                RegionKind.HcalModule => (card.Hcal.AbsorberMaterial, card.Hcal.IronThicknessCm, card.Hcal.IronThicknessCm + card.Hcal.ScintillatorThicknessCm),
                _ => ((string?)null, 0.0, 1.0),
            };
            if (absorber is null) continue;
            Material m = MaterialCatalog.ByName(absorber);
            _table[r] = MuonRadiativeLoss.For(m);
            _pairs[r] = MuonDirectPairTable.For(m, PairElectronCutGeV);
            _absorberCm[r] = reg.ThicknessCm * t / pitch;
            _absorberGPerCm2[r] = _absorberCm[r] * m.DensityGPerCm3;
        }
    }

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
    /// Transports a muon of total energy <paramref name="energyGeV"/> entering region <paramref name="first"/>:
    /// writes the radiative energy lost in each region to <paramref name="radiativeGeV"/> (length = regions) and
    /// returns the last region reached and the fraction of it crossed (&lt; 1 where the muon stops).
    /// </summary>
    public (int LastRegion, double LastFraction) Transport(double energyGeV, int first, ref EventRng rng, Span<double> radiativeGeV)
    {
        int n = _layout.Regions.Length;
        if (radiativeGeV.Length < n) throw new ArgumentException($"need {n} entries", nameof(radiativeGeV));
        radiativeGeV.Clear();
        double mu = PhysicalConstants.MuonMassGeV;
        double e = energyGeV;
        for (int r = first; r < n; r++)
        {
            double ion = _layout.Regions[r].MipDepositGeV;
            if (e - ion <= mu)
                return (r, ion > 0 ? Math.Clamp((e - mu) / ion, 0, 1) : 1.0);
            if (_table[r] is { } table && _absorberGPerCm2[r] > 0)
            {
                double x = _absorberGPerCm2[r];
                var (brems, _, nuclear) = MuonRadiativeLoss.Components(table, e - mu);
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
                    lost += pairs.ContinuousGeVPerCm(e - mu) * cm;
                    int n2 = rng.NextPoisson(pairs.RatePerCm(e - mu) * cm);
                    for (int i = 0; i < n2; i++) lost += pairs.SamplePairEnergyGeV(e - mu, ref rng);
                }
                lost = Math.Min(lost, Math.Max(0, e - ion - mu));
                radiativeGeV[r] = lost;
                e -= lost;
            }
            e -= ion;
        }
        return (n - 1, 1.0);
    }
}

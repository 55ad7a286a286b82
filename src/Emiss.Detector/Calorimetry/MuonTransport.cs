using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A muon through the calorimeter stack (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters): minimum
/// ionisation in every region (the parametrised model's MIP deposit, which also decides where a slow muon stops),
/// plus radiative losses in the absorbers, ⟨dE/dx⟩_rad = b(E)·E with b = b_brems + b_pair + b_nucl per material.
/// Pair production and the soft part (v = ε/E &lt; 1 %) of bremsstrahlung and photonuclear losses are continuous;
/// harder bremsstrahlung and photonuclear losses are rare (≈ 0.01 per HCAL module at 100 GeV) and sampled one by one,
/// Poisson in number with the energy-weighted spectrum v·dN/dv ∝ 4/3(1 − v) + v² (complete-screening
/// bremsstrahlung, used for the photonuclear part too). All radiative energy is deposited in the region where it is
/// lost, as an electromagnetic shower starting at the region's front (photonuclear energy is treated as
/// electromagnetic). Tables: loss components in the format of Groom, Mokhov, Striganov, ADNDT 78 (2001) 183
/// (niess/pumas-materials, dedx/muon/lead.txt and iron.txt); other absorbers scale the table of the nearer of Pb
/// and Fe by Z(Z + 1)/A. Scintillator and plastic counters have no radiative loss here (≲ 0.1 of iron's b per g/cm²
/// and ≲ 15 % of the mass). Decay in flight is neglected: at 1 GeV γcτ = 6.2 km, P(decay in 3 m) ≈ 5·10⁻⁴ (10⁻⁵ at 50 GeV).
/// </summary>
public sealed class MuonTransport
{
    /// <summary>Boundary between continuous and sampled bremsstrahlung/photonuclear losses, in v = ε/E.</summary>
    public const double VCut = 0.01;

    // Kinetic energy grid (GeV) and loss components (MeV cm²/g) at those energies: brems, pair, photonuclear.
    private static readonly double[] GridGeV = [2.5, 5, 10, 20, 50, 100, 200];

    private static readonly double[][] Lead =
    [
        [5.610e-3, 1.387e-2, 3.359e-2, 7.944e-2, 2.392e-1, 5.366e-1, 1.180],
        [3.976e-3, 1.318e-2, 3.857e-2, 1.030e-1, 3.403e-1, 7.905e-1, 1.762],
        [3.576e-4, 1.195e-3, 2.923e-3, 6.268e-3, 1.559e-2, 3.053e-2, 6.024e-2],
    ];

    private static readonly double[][] Iron =
    [
        [2.387e-3, 5.837e-3, 1.401e-2, 3.296e-2, 9.887e-2, 2.218e-1, 4.885e-1],
        [1.509e-3, 5.039e-3, 1.490e-2, 4.016e-2, 1.344e-1, 3.158e-1, 7.114e-1],
        [3.669e-4, 1.250e-3, 3.109e-3, 6.763e-3, 1.710e-2, 3.384e-2, 6.734e-2],
    ];

    // ∫_0^vc g(v) dv and ∫_vc^1 g(v)/v dv for g(v) = 4/3(1 − v) + v², ∫_0^1 g = 1.
    private static readonly double SoftFraction = 4.0 / 3.0 * VCut - 2.0 / 3.0 * VCut * VCut + VCut * VCut * VCut / 3.0;
    private static readonly double HardCountIntegral = 4.0 / 3.0 * (-Math.Log(VCut) - (1 - VCut)) + (1 - VCut * VCut) / 2.0;

    private readonly CalorimeterLayout _layout;
    private readonly double[] _absorberGPerCm2;
    private readonly double[][]?[] _table;
    private readonly double[] _tableScale;

    /// <summary>Prepares the radiative-loss tables of each region of <paramref name="layout"/>.</summary>
    public MuonTransport(SetupCard card, CalorimeterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(card);
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        int n = layout.Regions.Length;
        _absorberGPerCm2 = new double[n];
        _table = new double[][]?[n];
        _tableScale = new double[n];
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
            (_table[r], _tableScale[r]) = TableFor(m);
            _absorberGPerCm2[r] = reg.ThicknessCm * t / pitch * m.DensityGPerCm3;
        }
    }

    /// <summary>Radiative loss components (brems, pair, photonuclear) of a muon of kinetic energy T in <paramref name="material"/>,
    /// GeV cm²/g (log-log interpolation of the table; extrapolated with the end slopes).</summary>
    public static (double Brems, double Pair, double Nuclear) RadiativeLossGeVCm2PerG(Material material, double kineticGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        var (t, s) = TableFor(material);
        return Components(t, s, kineticGeV);
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
            double[][]? table = _table[r];
            if (table is not null && _absorberGPerCm2[r] > 0)
            {
                double x = _absorberGPerCm2[r];
                var (brems, pair, nuclear) = Components(table, _tableScale[r], e - mu);
                // Continuous: pair production and the soft part of the other two (b_i E × fraction below v_cut).
                double lost = (pair + (brems + nuclear) * SoftFraction) * x;
                // Hard: Poisson number with mean (b_brems + b_nucl) X ∫_vc^1 g(v)/v dv; b_i = loss_i/E.
                double mean = (brems + nuclear) / e * x * HardCountIntegral;
                int hard = rng.NextPoisson(mean);
                for (int i = 0; i < hard; i++) lost += SampleV(ref rng) * e;
                lost = Math.Min(lost, Math.Max(0, e - ion - mu));
                radiativeGeV[r] = lost;
                e -= lost;
            }
            e -= ion;
        }
        return (n - 1, 1.0);
    }

    /// <summary>v on [v_cut, 1] with density ∝ g(v)/v: log-uniform proposal, acceptance g(v)/g(v_cut) (g falls on
    /// [0, 2/3] and g(1) = 1 &lt; g(v_cut), so g(v_cut) bounds it).</summary>
    private static double SampleV(ref EventRng rng)
    {
        double gMax = G(VCut), lnRange = -Math.Log(VCut);
        while (true)
        {
            double v = VCut * Math.Exp(lnRange * rng.NextDouble());
            if (rng.NextDouble() * gMax < G(v)) return v;
        }
    }

    private static double G(double v) => 4.0 / 3.0 * (1 - v) + v * v;

    private static (double[][] Table, double Scale) TableFor(Material m)
    {
        ElementComponent el = m.DominantElement;
        // Z(Z + 1)/A scaling from the nearer tabulated element (Pb: Z = 82, A = 207.2; Fe: Z = 26, A = 55.845).
        static double Zf(double z, double a) => z * (z + 1) / a;
        double zEff = 0, aEff = 0;
        foreach (ElementComponent c in m.Elements) { zEff += c.MassFraction * c.Z; aEff += c.MassFraction * c.AGramsPerMol; }
        bool nearLead = Math.Abs(el.Z - 82) < Math.Abs(el.Z - 26);
        if (m.IsElement && el.Z == 82) return (Lead, 1.0);
        if (m.IsElement && el.Z == 26) return (Iron, 1.0);
        return nearLead ? (Lead, Zf(zEff, aEff) / Zf(82, 207.2)) : (Iron, Zf(zEff, aEff) / Zf(26, 55.845));
    }

    private static (double, double, double) Components(double[][] t, double scale, double kineticGeV)
    {
        double tk = Math.Max(kineticGeV, 1e-3);
        int i = 0;
        while (i < GridGeV.Length - 2 && tk > GridGeV[i + 1]) i++;
        double f = Math.Log(tk / GridGeV[i]) / Math.Log(GridGeV[i + 1] / GridGeV[i]);
        double Interp(double[] y) => Math.Exp(Math.Log(y[i]) + f * Math.Log(y[i + 1] / y[i])) * scale * 1e-3;
        return (Interp(t[0]), Interp(t[1]), Interp(t[2]));
    }
}

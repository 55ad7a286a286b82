using Emiss.Core.Materials;
using Emiss.Detector.Pipeline;
using Emiss.Physics.Photonuclear;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.PairProduction;

namespace Emiss.Backgrounds.Sources.PunchThrough;

/// <summary>
/// Total attenuation of a photon along the beam axis behind its emission point, tabulated in ln k: a(k), the ECAL's
/// attenuation per radiation length of its homogenised Pb/Sc stack, and τ(k), the optical depth of everything behind
/// the ECAL that defines E_HCAL (V2, the HCAL modules and the muon counters between them; the counter behind the last
/// module is not crossed before E_HCAL is made). A photon emitted at depth t (X0) survives with exp(−a(k)(T − t) − τ(k)).
/// μ(k) = Σ_elements n [σ_pair(Z, k) + Z σ_KN(k) + σ_γA(A, k)]: the engine's Bethe–Heitler pair production with Tsai's
/// screening (docs/physics/pair-production.md), Klein–Nishina (docs/physics/compton.md) and the photonuclear cross
/// section (docs/physics/photonuclear.md); at high k a → 7/9 (pair-production.md#cross-section). Coherent scattering
/// and photo-absorption are negligible above 1 GeV (docs/physics/rayleigh.md, photoelectric.md).
/// </summary>
public sealed class PhotonPathAttenuation
{
    /// <summary>Nodes of the ln k table.</summary>
    public const int Nodes = 97;

    private readonly double[] _ecalPerX0, _downstream;
    private readonly double _lnLo, _step;

    private PhotonPathAttenuation(double ecalDepthX0, double lowGeV, double highGeV, Func<double, double> ecalPerX0, Func<double, double> downstream)
    {
        if (!(ecalDepthX0 > 0)) throw new ArgumentOutOfRangeException(nameof(ecalDepthX0), ecalDepthX0, "the ECAL depth must be positive");
        if (!(lowGeV > 0 && highGeV > lowGeV)) throw new ArgumentException($"need 0 < k_lo < k_hi (got {lowGeV}, {highGeV})");
        EcalDepthX0 = ecalDepthX0;
        LowGeV = lowGeV;
        HighGeV = highGeV;
        _lnLo = Math.Log(lowGeV);
        _step = (Math.Log(highGeV) - _lnLo) / (Nodes - 1);
        _ecalPerX0 = new double[Nodes];
        _downstream = new double[Nodes];
        for (int i = 0; i < Nodes; i++)
        {
            double k = Math.Exp(_lnLo + i * _step);
            _ecalPerX0[i] = ecalPerX0(k);
            _downstream[i] = downstream(k);
        }
        MinimumEcalPerX0 = _ecalPerX0.Min();
        MinimumDownstream = _downstream.Min();
    }

    /// <summary>ECAL depth T in its radiation lengths.</summary>
    public double EcalDepthX0 { get; }

    /// <summary>Lowest photon energy tabulated, GeV.</summary>
    public double LowGeV { get; }

    /// <summary>Highest photon energy tabulated, GeV.</summary>
    public double HighGeV { get; }

    /// <summary>Smallest a(k) of the table (the piecewise-linear interpolant has its minimum at a node).</summary>
    public double MinimumEcalPerX0 { get; }

    /// <summary>Smallest τ(k) of the table.</summary>
    public double MinimumDownstream { get; }

    /// <summary>A path with the same attenuation at every energy: a per X0 over T X0 of ECAL, then τ (the closed-form
    /// tests: a = 7/9 is the high-energy pair-production limit).</summary>
    public static PhotonPathAttenuation Constant(double ecalDepthX0, double ecalPerX0, double downstream, double lowGeV, double highGeV) =>
        new(ecalDepthX0, lowGeV, highGeV, _ => ecalPerX0, _ => downstream);

    /// <summary>The path behind the ECAL face of <paramref name="model"/>'s set-up for photons of [lowGeV, highGeV].</summary>
    public static PhotonPathAttenuation ForDetector(DetectorModel model, double lowGeV, double highGeV)
    {
        ArgumentNullException.ThrowIfNull(model);
        var card = model.Card;
        var e = card.Ecal;
        Material pb = MaterialCatalog.ByName(e.AbsorberMaterial), sc = MaterialCatalog.ByName(e.ActiveMaterial);
        double t1 = e.LeadThicknessCm, t2 = e.ScintillatorThicknessCm, pitch = t1 + t2;
        double x0 = model.Layout.EcalX0Cm;   // the homogenised stack's radiation length, as the calorimeter layout has it
        var h = card.Hcal;
        Material fe = MaterialCatalog.ByName(h.AbsorberMaterial), hsc = MaterialCatalog.ByName(h.ActiveMaterial);
        Material plastic = MaterialCatalog.Polystyrene; // V2 and the muon counters, as in CalorimeterLayout
        double Downstream(double k) =>
            LinearAttenuationPerCm(plastic, k) * card.V2.ThicknessCm
            + h.Modules * h.LayersPerModule * (LinearAttenuationPerCm(fe, k) * h.IronThicknessCm + LinearAttenuationPerCm(hsc, k) * h.ScintillatorThicknessCm)
            + Math.Max(0, h.Modules - 1) * LinearAttenuationPerCm(plastic, k) * card.MuonCounters.ThicknessCm;
        return new(e.DepthCm / x0, lowGeV, highGeV,
                   k => (LinearAttenuationPerCm(pb, k) * t1 + LinearAttenuationPerCm(sc, k) * t2) / pitch * x0, Downstream);
    }

    /// <summary>μ(k) of <paramref name="m"/>, cm⁻¹: pair production, Compton and photonuclear absorption.</summary>
    public static double LinearAttenuationPerCm(Material m, double kGeV)
    {
        ArgumentNullException.ThrowIfNull(m);
        double sum = 0;
        foreach (ElementComponent el in m.Elements)
        {
            double perAtom = PairProductionXsCalculator.CrossSectionCm2(BremsstrahlungElement.For(el.Z), kGeV)
                             + el.Z * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(kGeV)
                             + PhotonuclearCrossSection.Millibarn(el.AGramsPerMol, kGeV) * 1e-27;
            sum += m.AtomDensityPerCm3(el) * perAtom;
        }
        return sum;
    }

    /// <summary>a(k): the ECAL's attenuation per radiation length.</summary>
    public double EcalPerX0(double kGeV) => Interpolate(_ecalPerX0, kGeV);

    /// <summary>τ(k): the optical depth behind the ECAL.</summary>
    public double Downstream(double kGeV) => Interpolate(_downstream, kGeV);

    /// <summary>Probability that a photon of <paramref name="kGeV"/> emitted at depth <paramref name="tX0"/> crosses the rest
    /// of the path without interacting.</summary>
    public double Survival(double kGeV, double tX0) =>
        Math.Exp(-EcalPerX0(kGeV) * (EcalDepthX0 - tX0) - Downstream(kGeV));

    private double Interpolate(double[] table, double kGeV)
    {
        if (!(kGeV >= LowGeV * (1 - 1e-12) && kGeV <= HighGeV * (1 + 1e-12)))
            throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, $"the attenuation table covers {LowGeV:G4}–{HighGeV:G4} GeV");
        double x = (Math.Log(kGeV) - _lnLo) / _step;
        int i = Math.Clamp((int)x, 0, Nodes - 2);
        double f = x - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }
}

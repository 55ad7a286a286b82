using Emiss.Backgrounds.Biasing;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Physics.Muons;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Muon pairs from the beam electron's shower in the ECAL: e⁻Z → e⁻Zγ, γZ → μ⁺μ⁻Z (the seed's benchmark channel,
/// region I of its Fig. 2, and the Table I row where the muons are lost or decay). Rate per EOT:
/// n_μμ = ∫ T_γ(k) Σ_i n_i σ_i(k) dk over the ECAL's homogenised Pb/Sc stack, with Rossi's photon track length and the
/// Bethe–Heitler muon-pair cross section (docs/physics/muon-pairs.md#dimuons-per-electron; 1.4e-4 in thick Pb, V16).
/// The process places the conversion at the ECAL face like the A′ signal: the electron's arrival keeps E − k (the
/// rest of its shower), and μ⁺ and μ⁻ arrive with x₊k and (1 − x₊)k, displaced by their production angles over the
/// ECAL depth. Relative systematic 15 %: the seed's dimuon data/MC agreement.
/// The rate is already the full defining process; its muons decay in the calorimeter stack at their natural rate
/// (<see cref="Detector.Calorimetry.MuonTransport.DecayPoint"/>). The biased process serves the signal box alone
/// (<see cref="BiasesSignalBoxOnly"/>): half of its conversions take k above 0.45 E_beam, where the box's E_ECAL &lt; 50 GeV
/// can be reached, half of its pairs have a muon below 0.7 GeV, which stops in the ECAL, and the decay of the harder muon is
/// forced early in the ECAL (<see cref="ForcedMuonDecay"/>), each with its exact weight; the softer muon decays at its
/// natural rate.
/// </summary>
public sealed class DimuonSource : IBackgroundSource
{
    /// <inheritdoc />
    public string Name => "dimuon";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.Dimuon;

    /// <inheritdoc />
    public string TableRow => "loss or μ→eνν decays of muons from e⁻Z → e⁻Zγ; γ → μ⁺μ⁻";

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        DimuonSpectrum s = Spectrum(model, model.Card.Beam.EnergyGeV);
        EcalOptions e = model.Card.Ecal;
        return new SourceRate(s.PerElectron, 0.15,
            $"∫ T_γ(k) n σ_μμ(k) dk: Rossi T_γ = 0.572 X0 E0/k² (X0 = {s.RadiationLengthCm:G4} cm of {e.AbsorberMaterial}/{e.ActiveMaterial} " +
            $"{e.LeadThicknessCm:G3}/{e.ScintillatorThicknessCm:G3} cm), Bethe–Heitler σ(γZ→μμZ) with nuclear form factor; ±15 % (seed's dimuon data/MC)");
    }

    /// <summary>Share of the biased process's conversions drawn above <see cref="BiasedMinimumFraction"/> × E_beam.</summary>
    public const double BiasedHardShare = 0.5;

    /// <summary>Lower end of the biased photon energies as a fraction of the beam energy: the box's E_ECAL &lt; 50 GeV needs the
    /// pair to carry more than half of a 100 GeV electron's energy out of the shower (0.45 leaves room for the resolution).</summary>
    public const double BiasedMinimumFraction = 0.45;

    /// <summary>Share of the biased process's pairs whose softer muon is drawn below <see cref="SoftPartnerGeV"/>.</summary>
    public const double BiasedSoftShare = 0.5;

    /// <summary>Total energy below which the softer muon of a biased pair is drawn, GeV: a muon that stops inside the 2016 ECAL
    /// (it loses ≈ 0.33 GeV crossing it) leaves nothing in V2, whose veto a crossing muon's ≈ 2 MeV would fire, nor in the HCAL
    /// — the partner of a muon that decays, in the box events of a first run (0.39–0.65 GeV).</summary>
    public const double SoftPartnerGeV = 0.7;

    /// <inheritdoc />
    public bool BiasesSignalBoxOnly => true;

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Built once up to 1.2 E_beam: given a conversion, k follows σ(k)/k² on [4m_μ, E] whatever E is, so drawing on
        // the wider range and redrawing k > E is exact for every arriving electron energy E ≤ 1.2 E_beam.
        DimuonSpectrum spectrum = Spectrum(model, 1.2 * model.Card.Beam.EnergyGeV);
        return biased
            ? new Conversion(spectrum, model.Card.Ecal.DepthCm, BiasedMinimumFraction * model.Card.Beam.EnergyGeV, new ForcedMuonDecay(probability: 0.5, ownPathCm: ForcedMuonDecay.EcalFrontPathCm(model)))
            : new Conversion(spectrum, model.Card.Ecal.DepthCm, double.NaN, null);
    }

    /// <summary>The ECAL stack homogenised over one Pb/Sc layer: atoms per cm³ of each element weighted by its
    /// layer's volume fraction (its radiation length is the layout's, <see cref="CalorimeterLayout.EcalX0Cm"/>).</summary>
    internal static AbsorberElement[] EcalAbsorber(SetupCard card)
    {
        EcalOptions e = card.Ecal;
        Material m1 = MaterialCatalog.ByName(e.AbsorberMaterial), m2 = MaterialCatalog.ByName(e.ActiveMaterial);
        double t1 = e.LeadThicknessCm, t2 = e.ScintillatorThicknessCm, pitch = t1 + t2;
        var list = new List<AbsorberElement>();
        foreach (var (m, t) in new[] { (m1, t1), (m2, t2) })
        {
            if (!(t > 0)) continue;
            foreach (ElementComponent el in m.Elements)
                list.Add(new AbsorberElement(el.Z, el.AGramsPerMol, m.AtomDensityPerCm3(el) * t / pitch));
        }
        return [.. list];
    }

    private static DimuonSpectrum Spectrum(DetectorModel model, double beamGeV) =>
        new(beamGeV, model.Layout.EcalX0Cm, EcalAbsorber(model.Card));

    /// <summary>The conversion at the ECAL face; with a finite <paramref name="hardGeV"/> a share <see cref="BiasedHardShare"/>
    /// of the photon energies is drawn on [hardGeV, E), and with <paramref name="decays"/> the muons' decays are forced.</summary>
    private sealed class Conversion(DimuonSpectrum spectrum, double ecalDepthCm, double hardGeV, ForcedMuonDecay? decays) : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.Dimuon;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            // No shower in the ECAL (NaN), or no photon above the pair threshold: nothing converts.
            double e = EcalArrival.ElectronEnergyGeV(model, record);
            if (!(e > MuonPairCrossSection.ThresholdGeV * 1.01)) return 1.0;
            // The biases need a hard photon to be possible: an electron that arrives with less than hardGeV converts unbiased.
            bool biased = hardGeV < e;
            double k, weight = 1.0;
            AbsorberElement el;
            if (biased && rng.NextDouble() < BiasedHardShare)
                (k, el) = spectrum.Sample(hardGeV, e, ref rng);
            else
                do (k, el) = spectrum.Sample(ref rng);
                while (k >= e);
            if (biased)
            {
                // Target p(k)/P(k < E); proposal (1 − b) p(k)/P(k < E) + b p(k)[k ≥ k_h]/P(k_h ≤ k < E).
                double share = k >= hardGeV ? spectrum.ConversionsBetween(spectrum.MinimumGeV, e) / spectrum.ConversionsBetween(hardGeV, e) : 0;
                weight = 1 / (1 - BiasedHardShare + BiasedHardShare * share);
            }
            MuonPair pair;
            if (biased)
            {
                // Target g(x₊)/G on the kinematic range; proposal (1 − c) g/G + c g [x₊ at an end]/G_ends, the ends being
                // where one muon has less than SoftPartnerGeV.
                var (lo, hi) = MuonPairCrossSection.XPlusRange(k);
                double width = Math.Min((SoftPartnerGeV - Core.Constants.PhysicalConstants.MuonMassGeV) / k, 0.5 * (hi - lo));
                double xPlus = rng.NextDouble() < BiasedSoftShare
                    ? MuonPairSampler.SampleXPlusAtEnds(k, el.Z, el.A, width, ref rng)
                    : MuonPairSampler.SampleXPlus(k, el.Z, el.A, ref rng);
                if (xPlus < lo + width || xPlus > hi - width)
                {
                    double ends = MuonPairCrossSection.IntegratedCm2(k, el.Z, el.A, lo, lo + width, 8)
                                  + MuonPairCrossSection.IntegratedCm2(k, el.Z, el.A, hi - width, hi, 8);
                    double all = ends + MuonPairCrossSection.IntegratedCm2(k, el.Z, el.A, lo + width, hi - width, 20);
                    weight /= 1 - BiasedSoftShare + BiasedSoftShare * all / ends;
                }
                else weight /= 1 - BiasedSoftShare;
                pair = MuonPairSampler.SampleAngles(k, el.Z, el.A, xPlus, ref rng);
            }
            else pair = MuonPairSampler.Sample(k, el.Z, el.A, ref rng);
            double x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
            record.SetArrival(0, DetectorSpecies.Electron, e - k, x, y);
            // Small-angle displacement over the ECAL depth (θ ~ m_μ/E_μ ≲ 0.1 rad): the cell the muon crosses at the back.
            double sp = Math.Sin(pair.ThetaPlus), sm = Math.Sin(pair.ThetaMinus);
            int firstMuon = record.ArrivalCount; // a full record (soft photons) drops arrivals: force only those added
            record.AddArrival(DetectorSpecies.MuonPlus, pair.XPlus * k, x + ecalDepthCm * sp * Math.Cos(pair.PhiPlus), y + ecalDepthCm * sp * Math.Sin(pair.PhiPlus));
            record.AddArrival(DetectorSpecies.MuonMinus, (1 - pair.XPlus) * k, x + ecalDepthCm * sm * Math.Cos(pair.PhiMinus), y + ecalDepthCm * sm * Math.Sin(pair.PhiMinus));
            if (decays is null || record.ArrivalCount - firstMuon < 2) return weight;
            // The box needs the harder muon gone; its partner must stop in the ECAL (or decay there at its natural rate).
            int harder = record.ArrivalEnergyGeV[firstMuon] >= record.ArrivalEnergyGeV[firstMuon + 1] ? firstMuon : firstMuon + 1;
            return weight * decays.Force(record, harder, 1, ref rng);
        }
    }
}

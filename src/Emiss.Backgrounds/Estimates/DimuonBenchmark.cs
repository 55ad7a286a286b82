using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// The seed's dimuon benchmark selection (PRL 118, 011802 (2017), region I of Fig. 2 and p. 4: "a clean sample of
/// ≃ 5·10³ observed and MC predicted μ⁺μ⁻ events with E_ECAL ≲ 60 GeV", "≃ 10 GeV deposited by the dimuon pair in the
/// HCAL"), defined on what the blind analysis reads: a physics trigger passing the loose SRD cut and cuts (i)–(iii)
/// like the signal ("the same selection cuts were applied to both signal and reference channel"), E_ECAL below
/// <see cref="EcalMaxGeV"/>, and E_HCAL (first two modules) in a window around two minimum-ionising muons.
/// Cut (iv) is not applied: both muons cross V2, so it would remove the channel. The muon window uses the set-up's
/// own response (MIP deposit of the two modules over the e/mip ratio, on the hadron scale the HCAL is calibrated
/// to), not a number read off the data. The region lies outside the signal box and the blinded region (E_HCAL ≥ 1 GeV).
/// </summary>
/// <param name="EcalMaxGeV">Largest E_ECAL, GeV.</param>
/// <param name="HcalMinGeV">Smallest E_HCAL of the first two modules, GeV.</param>
/// <param name="HcalMaxGeV">Largest E_HCAL of the first two modules, GeV.</param>
/// <param name="MuonHcalGeV">Visible E_HCAL of one minimum-ionising muon crossing the first two modules, GeV.</param>
public sealed record DimuonBenchmark(double EcalMaxGeV, double HcalMinGeV, double HcalMaxGeV, double MuonHcalGeV)
{
    /// <summary>The seed's E_ECAL ≲ 60 GeV of its dimuon sample.</summary>
    public const double SeedEcalMaxGeV = 60.0;

    /// <summary>Window in units of one muon's two-module deposit: above 1.5 rejects events with a single muon in the
    /// HCAL, below 3 keeps the two-muon peak with its ionisation spread and the soft part of the radiative tail
    /// while rejecting hadronic showers, which put tens of GeV there (region II, E_ECAL + E_HCAL ≃ 100 GeV).</summary>
    public const double WindowLowMuons = 1.5, WindowHighMuons = 3.0;

    /// <summary>The benchmark for set-up <paramref name="card"/>.</summary>
    public static DimuonBenchmark For(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        double mu = MuonHcalDeposit(card);
        return new DimuonBenchmark(SeedEcalMaxGeV, WindowLowMuons * mu, WindowHighMuons * mu, mu);
    }

    /// <summary>Visible energy of one minimum-ionising muon crossing the first two HCAL modules, GeV: the MIP deposit
    /// over the e/mip ratio (how the detector model converts ionisation to signal), times the hadron-scale calibration
    /// c_π that the digitisation applies to every HCAL module.</summary>
    public static double MuonHcalDeposit(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var layout = new CalorimeterLayout(card);
        double mip = layout.Regions.Where(r => r.Kind == RegionKind.HcalModule && r.Index < 2).Sum(r => r.MipDepositGeV);
        return mip / card.Hcal.ElectronToMipRatio * DetectorModel.HadronCalibration(card.Hcal);
    }

    /// <summary>True when an event whose last passed stage is <paramref name="last"/> lies in the benchmark.</summary>
    public bool Contains(CutStage last, double ecalGeV, double hcalGeV) =>
        last >= CutStage.EcalShape && ecalGeV < EcalMaxGeV && hcalGeV >= HcalMinGeV && hcalGeV < HcalMaxGeV;
}

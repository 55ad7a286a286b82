using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Pipeline;

/// <summary>
/// The immutable, thread-safe detector description for one run: set-up card, beam generator, beam-line
/// transport, calorimeter layout and shower model, and the per-run calibration constants (drawn from the
/// Digitization stream at indices 2⁶³ + channel, so they depend on the seed only, not on the event range).
/// </summary>
public sealed class DetectorModel
{
    private const ulong CalibrationStreamBase = 1UL << 63;

    /// <summary>Builds the model; <paramref name="showerModel"/> defaults to the card's choice: the parametrised model,
    /// or for <see cref="EcalModel.Full"/> the Emiss.Shower engine (<see cref="FullEcalShowerModel"/>).</summary>
    public DetectorModel(SetupCard card, ulong seed, ICalorimeterShowerModel? showerModel = null)
    {
        Card = card ?? throw new ArgumentNullException(nameof(card));
        IReadOnlyList<string> problems = card.Validate();
        if (problems.Count > 0) throw new SetupCardException(problems);
        Seed = seed;
        Layout = new CalorimeterLayout(card);
        Beam = new BeamGenerator(card.Beam);
        BeamLine = new BeamLineTransport(card);
        SrdFakeTag = new SrdFakeTag(BeamLine, card.Srd);
        Showers = showerModel ?? (card.Ecal.Model == EcalModel.Full
            ? new FullEcalShowerModel(card, Layout)
            : new ParametrisedShowerModel(card, Layout));
        int cells = card.Ecal.CellsX * card.Ecal.CellsY;
        var calib = new double[2 * cells];
        for (int i = 0; i < calib.Length; i++)
        {
            EventRng r = RngStreams.For(seed, StreamKind.Digitization, CalibrationStreamBase + (ulong)i);
            calib[i] = 1 + card.Ecal.CalibrationSpreadRel * r.NextGaussian();
        }
        EcalCalibration = calib;
        HcalCalibration = HadronCalibration(card.Hcal);
        EcalScale = 1.0 / EcalContainment(card, Layout);
        MaxGateNs = new[] { card.Ecal.GateNs, card.Hcal.GateNs, card.V2.GateNs, card.MuonCounters.GateNs, card.Srd.GateNs }.Max();
        PileUpMean = card.PileUp.Enabled ? card.Beam.RatePerNs * card.PileUp.RateFactor * MaxGateNs : 0.0;
    }

    /// <summary>The set-up card.</summary>
    public SetupCard Card { get; }

    /// <summary>Master seed.</summary>
    public ulong Seed { get; }

    /// <summary>Calorimeter layout.</summary>
    public CalorimeterLayout Layout { get; }

    /// <summary>Beam generator.</summary>
    public BeamGenerator Beam { get; }

    /// <summary>Upstream transport.</summary>
    public BeamLineTransport BeamLine { get; }

    /// <summary>The class of beam μ, π, K that fake the SRD tag (knock-on electrons or noise alone at the default
    /// threshold): the rate factor and transport of the mis-tag sources.</summary>
    public SrdFakeTag SrdFakeTag { get; }

    /// <summary>Calorimeter shower model.</summary>
    public ICalorimeterShowerModel Showers { get; }

    /// <summary>Per-channel ECAL calibration constants (preshower cells then main cells) relative to nominal.</summary>
    public IReadOnlyList<double> EcalCalibration { get; }

    /// <summary>ECAL energy scale: the inverse of the mean lateral containment of an electron shower centred on the
    /// beam cell (the cells are calibrated with the nominal beam, as in the experiment).</summary>
    public double EcalScale { get; }

    private static double EcalContainment(SetupCard card, CalorimeterLayout l)
    {
        EcalOptions e = card.Ecal;
        double rm = l.EcalMoliereRadiusCm, sum = 0;
        double x1 = l.CellLowX(0), x2 = l.CellLowX(e.CellsX - 1) + e.CellSizeCm;
        double y1 = l.CellLowY(0), y2 = l.CellLowY(e.CellsY - 1) + e.CellSizeCm;
        sum += e.LateralCoreFraction * LateralProfile.RectangleFraction(x1, x2, y1, y2, rm * e.LateralCoreRadiusRm);
        sum += (1 - e.LateralCoreFraction) * LateralProfile.RectangleFraction(x1, x2, y1, y2, rm * e.LateralTailRadiusRm);
        return sum;
    }

    /// <summary>HCAL hadron-scale factor c_π = 1/(f̄_em + (1 − f̄_em)/(e/h)) at the calibration energy.</summary>
    public double HcalCalibration { get; }

    /// <summary>Widest detector gate, ns (pile-up particles are drawn within it).</summary>
    public double MaxGateNs { get; }

    /// <summary>Mean number of pile-up particles within <see cref="MaxGateNs"/>.</summary>
    public double PileUpMean { get; }

    /// <summary>c_π for <paramref name="h"/>: the inverse mean pion response at the calibration energy (Gabriel et al. 1994 f_em).</summary>
    public static double HadronCalibration(HcalOptions h)
    {
        ArgumentNullException.ThrowIfNull(h);
        double f = Math.Max(0, 1 - Math.Pow(h.CalibrationEnergyGeV / h.EmFractionScaleGeV, h.EmFractionExponent - 1));
        return 1.0 / (f + (1 - f) / h.ElectronToHadronRatio);
    }
}

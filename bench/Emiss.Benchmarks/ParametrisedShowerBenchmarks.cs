using BenchmarkDotNet.Attributes;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Benchmarks;

/// <summary>A parametrised 100 GeV electron shower (<see cref="ParametrisedShowerModel"/>) with the card's tail fraction of the
/// EM profile and with none (0 takes the plain incomplete-gamma path), and with the card's energy-dependent α table and
/// without it, so one run gives the cost of the attenuated deep tail and of the table
/// (docs/physics/calorimeter-parametrised.md#deep-tail, #energy-dependent-alpha); and a 100 GeV photon shower started at its
/// conversion depth and with the former delay rule (<c>ecal.profilePhotonConversion</c>, docs/physics/calorimeter-parametrised.md#photons).</summary>
[MemoryDiagnoser]
public class ParametrisedShowerBenchmarks
{
    private DetectorModel _model = null!;
    private CalorimeterDeposits _dep = null!;
    private long _event;

    /// <summary>The card's <c>ecal.profileTailFraction</c>.</summary>
    [Params(0.0, 0.08)]
    public double TailFraction { get; set; }

    /// <summary>Whether the card's <c>ecal.profileAlphaShiftTable</c> is kept (else removed).</summary>
    [Params(true, false)]
    public bool AlphaTable { get; set; }

    /// <summary>The card's <c>ecal.profilePhotonConversion</c> (the photon benchmark's only parameter that matters).</summary>
    [Params(true, false)]
    public bool PhotonConversion { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        SetupCard card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        _model = new DetectorModel(card with
        {
            Ecal = card.Ecal with
            {
                ProfileTailFraction = TailFraction,
                ProfileAlphaShiftTable = AlphaTable ? card.Ecal.ProfileAlphaShiftTable : null,
                ProfilePhotonConversion = PhotonConversion,
            },
        }, 1);
        _dep = new CalorimeterDeposits(36, 4);
    }

    /// <summary>Parametrised 100 GeV photon shower into all ECAL cells and downstream regions.</summary>
    [Benchmark]
    public double ParametrisedPhotonShower100GeV() => Shower(DetectorSpecies.Photon);

    /// <summary>Parametrised 100 GeV electron shower into all ECAL cells and downstream regions.</summary>
    [Benchmark]
    public double ParametrisedShower100GeV() => Shower(DetectorSpecies.Electron);

    private double Shower(DetectorSpecies kind)
    {
        _dep.Clear();
        EventRng r = RngStreams.For(1, StreamKind.Shower, (ulong)_event++);
        _model.Showers.Deposit(new IncidentParticle(kind, 100, 0, 0), ref r, _dep);
        return _dep.EcalTotalGeV();
    }
}

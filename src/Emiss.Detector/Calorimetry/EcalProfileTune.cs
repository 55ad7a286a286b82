using Emiss.Detector.Setup;
using Emiss.Shower.PhysicsList;

namespace Emiss.Detector.Calorimetry;

/// <summary>One energy of the tune: electron energy and number of engine showers.</summary>
public readonly record struct TunePoint(double EnergyGeV, int Showers);

/// <summary>The engine sample and the fitted shifts of one tune.</summary>
/// <param name="Engine">Engine bin fractions per energy.</param>
/// <param name="Fit">The grid fit.</param>
/// <param name="Card">The medium of the set-up card, with its shifts (<see cref="CalorimeterLayout.EcalShowerMedium"/>).</param>
/// <param name="ModelCard">Model bin fractions and their draw errors with the card's shifts, per energy.</param>
/// <param name="ChiSquareCard">χ² of the card's shifts against the same engine sample.</param>
/// <param name="BinX0">Depth of one bin (the preshower's layers), X0.</param>
/// <param name="Photon">Whether photon showers were fitted (the α axis is then the photon's α shift).</param>
/// <param name="TailScan">The shift fits at each scanned tail fraction, <see cref="Fit"/> being the best of them; null when the
/// card's tail fraction was held.</param>
public sealed record EcalProfileTuneResult(IReadOnlyList<BinFractions> Engine, ProfileShiftFitResult Fit, ShowerMedium Card,
    IReadOnlyList<BinFractions> ModelCard, double ChiSquareCard, double BinX0, bool Photon = false, TailFractionFit? TailScan = null)
{
    /// <summary>The tail fraction of <see cref="Fit"/>: the best scanned one, else the card's.</summary>
    public double TailFraction => TailScan?.Best.TailFraction ?? Card.TailFraction;

    /// <summary>Degrees of freedom of <see cref="Fit"/>'s χ²: one fewer when the tail fraction was fitted too.</summary>
    public int DegreesOfFreedom => TailScan?.DegreesOfFreedom ?? Fit.DegreesOfFreedom;

    /// <summary>The card's α shift for the fitted species.</summary>
    public double CardAlphaShift => Photon ? Card.PhotonAlpha : Card.AlphaShift;
}

/// <summary>
/// Tunes the parametrised ECAL's longitudinal profile to the shower engine for a set-up card: engine showers at each
/// <see cref="TunePoint"/> on stream <c>seed</c> (<see cref="EngineLayerProfile"/>), then <see cref="ProfileShiftFit"/>.
/// The procedure behind <see cref="ShowerMedium.NA64PbScTmaxShiftX0"/> and <see cref="ShowerMedium.NA64PbScAlphaShift"/>, the
/// defaults of the card's <c>ecal.profileTmaxShiftX0</c> and <c>ecal.profileAlphaShift</c>
/// (<c>emiss study ecal-profile</c>; docs/physics/calorimeter-parametrised.md#em-longitudinal-profile).
/// </summary>
public static class EcalProfileTune
{
    /// <summary>Stream of the tune's engine showers; the validation (EngineProfileValidationTests) uses stream 31.</summary>
    public const ulong DefaultSeed = 47;

    /// <summary>Shapes drawn per energy and grid point for the model's mean profile.</summary>
    public const int DefaultDraws = 4000;

    /// <summary>The tune's energies and shower counts: 200, 120, 60 and 40 showers at 10, 20, 50 and 100 GeV (about the
    /// same CPU per energy; the preshower's share is best measured where it is largest).</summary>
    public static IReadOnlyList<TunePoint> DefaultPoints { get; } = [new(10, 200), new(20, 120), new(50, 60), new(100, 40)];

    /// <summary>Tail fractions scanned when the tail is fitted: 0 to 0.20 in steps of 0.02.</summary>
    public static IReadOnlyList<double> DefaultTailFractions { get; } = [.. Enumerable.Range(0, 11).Select(k => Math.Round(0.02 * k, 10))];

    /// <summary>Runs the engine (physics <paramref name="options"/>) and the fit, for electrons or (<paramref name="photon"/>)
    /// photons, over every bin of the ECAL (<see cref="ProfileShiftFit.BinsFor"/>). With <paramref name="tailFractions"/> the
    /// tail fraction is scanned too, else the card's is held. <paramref name="progress"/> is told each energy as its showers start.</summary>
    public static EcalProfileTuneResult Run(SetupCard card, IReadOnlyList<TunePoint> points, ulong seed, int draws, ShiftGrid grid, int threads,
        PhysicsOptions options, Action<string>? progress = null, bool photon = false, IReadOnlyList<double>? tailFractions = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(points);
        var layout = new CalorimeterLayout(card);
        int perBin = card.Ecal.PreshowerLayers, bins = ProfileShiftFit.BinsFor(card.Ecal.Layers, perBin);
        var engine = new List<BinFractions>();
        foreach (TunePoint p in points)
        {
            progress?.Invoke($"{p.Showers} engine {(photon ? "photon" : "electron")} showers at {p.EnergyGeV:G} GeV");
            engine.Add(ProfileShiftFit.Measure(p.EnergyGeV, EngineLayerProfile.Sample(card, p.EnergyGeV, p.Showers, seed, threads, options, photon), perBin, bins));
        }
        progress?.Invoke(tailFractions is null ? "fitting the shifts" : $"fitting the shifts at {tailFractions.Count} tail fractions");
        double binX0 = layout.Regions[0].X0Thickness, layerX0 = binX0 / perBin;
        ShowerMedium medium = layout.EcalShowerMedium;
        TailFractionFit? scan = tailFractions is null ? null
            : ProfileShiftFit.FitWithTail(engine, medium, layerX0, perBin, card.Ecal.Layers, grid, tailFractions, draws, seed, threads, photon, bins);
        ProfileShiftFitResult fit = scan?.Best.Fit ?? ProfileShiftFit.Fit(engine, medium, layerX0, perBin, card.Ecal.Layers, grid, draws, seed, threads, photon, bins);
        BinFractions[] atCard = [.. engine.Select(e => ProfileShiftFit.ModelBins(e.EnergyGeV, medium, layerX0, perBin, card.Ecal.Layers, draws, seed, bins, photon))];
        return new EcalProfileTuneResult(engine, fit, medium, atCard, ProfileShiftFit.ChiSquare(engine, atCard), binX0, photon, scan);
    }
}

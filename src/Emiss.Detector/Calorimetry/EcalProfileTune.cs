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
/// <param name="Photon">Whether photon showers were fitted (the grid's axes are then the photon's ΔT and α shift).</param>
/// <param name="TailScan">The shift fits at each scanned tail fraction, <see cref="Fit"/> being the best of them; null when the
/// card's tail fraction was held.</param>
/// <param name="AlphaByEnergy">ΔT common and Δα fitted per energy (<see cref="ProfileShiftFit.FitAlphaPerEnergy"/>); null
/// when not asked for.</param>
/// <param name="Bootstrap">The spread of every fitted parameter over showers resampled with replacement
/// (<see cref="ProfileFitBootstrap"/>; parameter names in <see cref="EcalProfileTune"/>); null when no replicas were asked for.</param>
/// <param name="TailByEnergy">Common shifts with a tail fraction per energy (<see cref="ProfileShiftFit.FitTailPerEnergyOn"/>); null
/// when not asked for.</param>
public sealed record EcalProfileTuneResult(IReadOnlyList<BinFractions> Engine, ProfileShiftFitResult Fit, ShowerMedium Card,
    IReadOnlyList<BinFractions> ModelCard, double ChiSquareCard, double BinX0, bool Photon = false, TailFractionFit? TailScan = null,
    AlphaPerEnergyFit? AlphaByEnergy = null, BootstrapResult? Bootstrap = null, TailPerEnergyFit? TailByEnergy = null)
{
    /// <summary>The tail fraction of <see cref="Fit"/>: the best scanned one, else the card's.</summary>
    public double TailFraction => TailScan?.Best.TailFraction ?? Card.TailFraction;

    /// <summary>Degrees of freedom of <see cref="Fit"/>'s χ²: one fewer when the tail fraction was fitted too.</summary>
    public int DegreesOfFreedom => TailScan?.DegreesOfFreedom ?? Fit.DegreesOfFreedom;

    /// <summary>The card's α shift for the fitted species.</summary>
    public double CardAlphaShift => Photon ? Card.PhotonAlpha : Card.AlphaShift;

    /// <summary>The card's ΔT for the fitted species.</summary>
    public double CardTmaxShift => Photon ? Card.PhotonTmax : Card.TmaxShiftX0;
}

/// <summary>
/// Tunes the parametrised ECAL's longitudinal profile to the shower engine for a set-up card: engine showers at each
/// <see cref="TunePoint"/>, each energy on its own seed derived from <c>seed</c> (<see cref="EngineLayerProfile.EnergySeed"/>: the
/// energies are independent samples), then <see cref="ProfileShiftFit"/>.
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

    /// <summary>The tune's energies and shower counts: 800, 400, 200, 120, 60 and 80 showers at 2, 5, 10, 20, 50 and 100 GeV
    /// (about the same CPU per energy, more at 100 GeV, whose per-energy α shift read +0.24 ± 0.04 and +0.08 ± 0.04 on two
    /// 50-shower samples; 2 and 5 GeV because signal recoils and the preshower threshold table reach down to 1 GeV).</summary>
    public static IReadOnlyList<TunePoint> DefaultPoints { get; } = [new(2, 800), new(5, 400), new(10, 200), new(20, 120), new(50, 60), new(100, 80)];

    /// <summary>The grid of the per-energy α fit: ΔT as <see cref="ShiftGrid.Default"/> (−0.8 to +0.3 X0), Δα from −0.6 to +0.6
    /// in steps of 0.05 (each energy's shift is one number; the parabola through its three best points refines it).</summary>
    public static ShiftGrid AlphaPerEnergyGrid { get; } = new(-0.8, 0.05, 23, -0.6, 0.05, 25);

    /// <summary>The grid of the per-energy α fit for photons: ΔT from −1.3 to −0.5 X0 and Δα from −1.2 to +0.4 in steps of 0.05,
    /// around the photon's constant shifts (−0.95, −0.5) with the conversion depth.</summary>
    public static ShiftGrid PhotonAlphaPerEnergyGrid { get; } = new(-1.3, 0.05, 17, -1.2, 0.05, 33);

    /// <summary>Tail fractions scanned when the tail is fitted: 0 to 0.20 in steps of 0.02.</summary>
    public static IReadOnlyList<double> DefaultTailFractions { get; } = [.. Enumerable.Range(0, 11).Select(k => Math.Round(0.02 * k, 10))];

    /// <summary>Bootstrap name of ΔT (the quadratic's minimum at the best tail fraction, <see cref="PointEstimate"/>).</summary>
    public const string TmaxShiftName = "tmax_shift_X0";

    /// <summary>Bootstrap name of Δα (as <see cref="TmaxShiftName"/>).</summary>
    public const string AlphaShiftName = "alpha_shift";

    /// <summary>Bootstrap name of the tail fraction (the profile χ²'s parabola, or the best scanned value on the scan's edge).</summary>
    public const string TailFractionName = "tail_fraction";

    /// <summary>Bootstrap name of the per-energy fit's common ΔT.</summary>
    public const string PerEnergyTmaxShiftName = "per_energy_tmax_shift_X0";

    /// <summary>Bootstrap name of the per-energy tail fit's common ΔT.</summary>
    public const string TailPerEnergyTmaxShiftName = "tail_per_energy_tmax_shift_X0";

    /// <summary>Bootstrap name of the per-energy tail fit's common Δα.</summary>
    public const string TailPerEnergyAlphaShiftName = "tail_per_energy_alpha_shift";

    /// <summary>Bootstrap name of the tail fraction at <paramref name="energyGeV"/> in the per-energy tail fit.</summary>
    public static string PerEnergyTailName(double energyGeV) => FormattableString.Invariant($"tail_fraction_{energyGeV:G}GeV");

    /// <summary>Bootstrap name of the per-energy fit's α shift at <paramref name="energyGeV"/>.</summary>
    public static string PerEnergyAlphaName(double energyGeV) => FormattableString.Invariant($"alpha_shift_{energyGeV:G}GeV");

    /// <summary>Runs the engine (physics <paramref name="options"/>) and the fit, for electrons or (<paramref name="photon"/>)
    /// photons, over every bin of the ECAL (<see cref="ProfileShiftFit.BinsFor"/>). With <paramref name="tailFractions"/> the
    /// tail fraction is scanned too, else the card's is held. With <paramref name="bootstrapReplicas"/> ≥ 2 every fitted
    /// parameter also gets its spread over resampled showers (<see cref="ProfileFitBootstrap"/>, on <paramref name="seed"/>'s
    /// toy streams). <paramref name="progress"/> is told each energy as its showers start.</summary>
    public static EcalProfileTuneResult Run(SetupCard card, IReadOnlyList<TunePoint> points, ulong seed, int draws, ShiftGrid grid, int threads,
        PhysicsOptions options, Action<string>? progress = null, bool photon = false, IReadOnlyList<double>? tailFractions = null, bool alphaPerEnergy = false,
        int bootstrapReplicas = 0, bool tailPerEnergy = false)
    {
        if (alphaPerEnergy && tailFractions is not null)
            throw new ArgumentException("the per-energy α fit holds the card's tail fraction");
        if (tailPerEnergy && tailFractions is null)
            throw new ArgumentException("the per-energy tail fit needs the tail fractions to scan");
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(points);
        var layout = new CalorimeterLayout(card);
        int perBin = card.Ecal.PreshowerLayers, bins = ProfileShiftFit.BinsFor(card.Ecal.Layers, perBin);
        var showers = new List<(double EnergyGeV, double[][] Showers)>();
        foreach (TunePoint p in points)
        {
            progress?.Invoke($"{p.Showers} engine {(photon ? "photon" : "electron")} showers at {p.EnergyGeV:G} GeV");
            showers.Add((p.EnergyGeV, ProfileShiftFit.ShowerFractions(EngineLayerProfile.Sample(card, p.EnergyGeV, p.Showers, EngineLayerProfile.EnergySeed(seed, p.EnergyGeV), threads, options, photon), perBin, bins)));
        }
        BinFractions[] engine = [.. showers.Select(s => ProfileShiftFit.FromShowers(s.EnergyGeV, s.Showers))];
        double[] energies = [.. engine.Select(e => e.EnergyGeV)];
        progress?.Invoke(tailFractions is null ? "fitting the shifts" : $"fitting the shifts at {tailFractions.Count} tail fractions");
        double binX0 = layout.Regions[0].X0Thickness, layerX0 = binX0 / perBin;
        ShowerMedium medium = layout.EcalShowerMedium;
        var names = new List<string> { TmaxShiftName, AlphaShiftName };
        Func<IReadOnlyList<BinFractions>, double[]> estimator;
        TailFractionFit? scan = null;
        TailPerEnergyFit? tailByEnergy = null;
        ProfileShiftFitResult fit;
        if (tailFractions is not null)
        {
            var tailModels = ProfileShiftFit.TailModels(energies, medium, layerX0, perBin, card.Ecal.Layers, grid, tailFractions, draws, seed, threads, photon, bins);
            scan = ProfileShiftFit.FitWithTailOn(engine, tailModels);
            fit = scan.Best.Fit;
            names.Add(TailFractionName);
            estimator = e => TailEstimate(ProfileShiftFit.FitWithTailOn(e, tailModels));
            if (tailPerEnergy)
            {
                tailByEnergy = ProfileShiftFit.FitTailPerEnergyOn(engine, tailModels);
                names.AddRange([TailPerEnergyTmaxShiftName, TailPerEnergyAlphaShiftName, .. energies.Select(PerEnergyTailName)]);
                Func<IReadOnlyList<BinFractions>, double[]> common = estimator;
                estimator = e => [.. common(e), .. TailPerEnergyEstimate(ProfileShiftFit.FitTailPerEnergyOn(e, tailModels))];
            }
        }
        else
        {
            ModelGrid models = ProfileShiftFit.ModelsOnGrid(energies, medium, layerX0, perBin, card.Ecal.Layers, grid, draws, seed, threads, photon, bins);
            fit = ProfileShiftFit.FitOn(engine, models);
            estimator = e => PointEstimate(ProfileShiftFit.FitOn(e, models));
        }
        AlphaPerEnergyFit? perEnergy = null;
        if (alphaPerEnergy)
        {
            progress?.Invoke("fitting ΔT with Δα per energy");
            ModelGrid alphaModels = ProfileShiftFit.AlphaPerEnergyModels(energies, medium, layerX0, perBin, card.Ecal.Layers,
                photon ? PhotonAlphaPerEnergyGrid : AlphaPerEnergyGrid, draws, seed, threads, bins, photon);
            perEnergy = ProfileShiftFit.FitAlphaPerEnergyOn(engine, alphaModels);
            names.Add(PerEnergyTmaxShiftName);
            names.AddRange(energies.Select(PerEnergyAlphaName));
            Func<IReadOnlyList<BinFractions>, double[]> common = estimator;
            estimator = e => [.. common(e), .. PerEnergyEstimate(ProfileShiftFit.FitAlphaPerEnergyOn(e, alphaModels))];
        }
        BootstrapResult? bootstrap = null;
        if (bootstrapReplicas >= 2)
        {
            progress?.Invoke($"refitting {bootstrapReplicas} bootstrap replicas");
            bootstrap = ProfileFitBootstrap.Run(showers, names, estimator(engine), estimator, bootstrapReplicas, seed, threads);
        }
        BinFractions[] atCard = [.. engine.Select(e => ProfileShiftFit.ModelBins(e.EnergyGeV, medium, layerX0, perBin, card.Ecal.Layers, draws, seed, bins, photon))];
        return new EcalProfileTuneResult(engine, fit, medium, atCard, ProfileShiftFit.ChiSquare(engine, atCard), binX0, photon, scan, perEnergy, bootstrap, tailByEnergy);
    }

    /// <summary>The shifts a fit yields as one number each: the quadratic's minimum (<see cref="ProfileShiftFitResult.Quadratic"/>)
    /// where it lies within one grid step of the best point in both shifts, else the best grid point (on the grid's edge, or
    /// where the surface is too rough for a quadratic through nine points to be trusted outside them).</summary>
    public static double[] PointEstimate(ProfileShiftFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ShiftEstimate q = fit.Quadratic;
        double[] ts = [.. fit.Grid.Select(g => g.TmaxShiftX0).Distinct().Order()], als = [.. fit.Grid.Select(g => g.AlphaShift).Distinct().Order()];
        double stepT = ts.Length > 1 ? ts[1] - ts[0] : 0, stepA = als.Length > 1 ? als[1] - als[0] : 0;
        bool near = double.IsFinite(q.TmaxShiftX0) && double.IsFinite(q.AlphaShift)
            && Math.Abs(q.TmaxShiftX0 - fit.Best.TmaxShiftX0) <= stepT && Math.Abs(q.AlphaShift - fit.Best.AlphaShift) <= stepA;
        return near ? [q.TmaxShiftX0, q.AlphaShift] : [fit.Best.TmaxShiftX0, fit.Best.AlphaShift];
    }

    private static double[] TailEstimate(TailFractionFit scan)
    {
        double w = scan.TailParabola.Minimum;
        return [.. PointEstimate(scan.Best.Fit), double.IsFinite(w) ? w : scan.Best.TailFraction];
    }

    private static double[] TailPerEnergyEstimate(TailPerEnergyFit fit) =>
        [.. PointEstimate(fit.Shifts), .. fit.Energies.Select(e => e.TailFraction)];

    private static double[] PerEnergyEstimate(AlphaPerEnergyFit fit)
    {
        double t = fit.TmaxParabola.Minimum;
        return [double.IsFinite(t) ? t : fit.Best.TmaxShiftX0, .. fit.Best.Energies.Select(e => e.AlphaShift)];
    }
}

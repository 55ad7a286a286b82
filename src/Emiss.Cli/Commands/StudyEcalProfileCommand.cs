using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Reporting.Plots;
using Emiss.Shower.PhysicsList;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss study ecal-profile --setup na64-2016-pbsc --seed 47 --out DIR</c>: the shower engine's layer profiles of 10–100 GeV
/// electrons in the set-up's ECAL, and the GFlash shifts ΔT, Δα of the parametrised profile fitted to them
/// (<see cref="EcalProfileTune"/>): <c>fit_grid.csv</c> (χ² per grid point), <c>profile_bins.csv</c> (engine against the
/// model at the best and at the card's shifts) and <c>summary.csv</c>; with <c>--photon</c> the same for photon showers,
/// whose axes are the card's <c>ecal.profilePhotonTmaxShiftX0</c> and <c>ecal.profilePhotonAlphaShift</c>; with <c>--fit-tail</c> the shifts are fitted at each
/// tail fraction of the profile (<c>ecal.profileTailFraction</c>, 0 to 0.2) and the best is reported. Every fitted parameter's
/// error also comes from a bootstrap over showers (<c>--bootstrap N</c>, <see cref="ProfileFitBootstrap"/>):
/// <c>bootstrap.csv</c> and the summary's <c>*_bootstrap_error</c> columns.
/// </summary>
internal static class StudyEcalProfileCommand
{
    public static Command Create()
    {
        var setup = SetupOption.Create();
        var seed = NumericOption.Seed("Master seed: engine showers of each energy on shower streams derived from it and the energy, drawn model shapes on its digitization streams", EcalProfileTune.DefaultSeed);
        var scale = ShowersScaleOption.Create(EcalProfileTune.DefaultPoints);
        var draws = NumericOption.SmallCount("--draws", "Model shapes drawn per energy and grid point", EcalProfileTune.DefaultDraws, 100, 1_000_000);
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "out/study-ecal-profile" };
        var threads = NumericOption.Threads();
        var msc = MscOption.Create();
        var photon = new Option<bool>("--photon")
        {
            Description = "Fit photon showers instead of electrons: the engine transports photons, the model draws photon shapes (the e± shape started at the conversion depth, or 1 X0 deeper with ecal.profilePhotonConversion false) and the grid's axes are the photon's shifts (card keys ecal.profilePhotonTmaxShiftX0, ecal.profilePhotonAlphaShift)",
        };
        var fitTail = new Option<bool>("--fit-tail")
        {
            Description = "Fit the profile's tail fraction too (card key ecal.profileTailFraction): the shifts are fitted at each of 0, 0.02, …, 0.20 and the best is reported",
        };
        var alphaPerEnergy = new Option<bool>("--alpha-per-energy")
        {
            Description = "Also fit ΔT common to all energies with Δα per energy: the card's energy-dependent α shift, ecal.profileAlphaShiftTable (with --photon a check that the photon's one constant shift suffices); writes alpha_by_energy.csv",
        };
        var tailPerEnergy = new Option<bool>("--tail-per-energy")
        {
            Description = "Also fit a tail fraction per energy with common shifts, on the tail scan's models (implies --fit-tail): whether one ecal.profileTailFraction serves every energy (with --photon the photons' own table, ecal.profilePhotonTailFractionTable); writes tail_by_energy.csv",
        };
        var bootstrap = NumericOption.SmallCount("--bootstrap", "Replicas of the bootstrap over showers that gives every fitted parameter its error (bootstrap.csv); 0 skips it",
            ProfileFitBootstrap.DefaultReplicas, 0, 100_000);
        var cmd = new Command("ecal-profile", "Fit the parametrised ECAL's longitudinal-profile shifts (GFlash ΔT, Δα) to the shower engine's layer profiles (docs/physics/calorimeter-parametrised.md).")
            { setup, seed, scale, draws, msc, photon, fitTail, tailPerEnergy, alphaPerEnergy, bootstrap, output, threads };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            SetupCard card = SimulateCommand.LoadSetup(pr.GetValue(setup)!);
            int perBin = card.Ecal.PreshowerLayers;
            UserInput.Require(perBin >= 1 && card.Ecal.Layers >= ProfileShiftFit.Bins * perBin, "--setup",
                $"the ECAL has {card.Ecal.Layers} layers and a preshower of {perBin}: the fit compares bins of the preshower's depth and needs at least {ProfileShiftFit.Bins} of them",
                "use a card with a preshower whose ECAL is at least six preshowers deep");
            int fitBins = ProfileShiftFit.BinsFor(card.Ecal.Layers, perBin);
            double f = pr.GetValue(scale);
            TunePoint[] points = ShowersScaleOption.Apply(EcalProfileTune.DefaultPoints, f);
            MscSpatial spatial = MscOption.Resolve(pr, msc);
            ulong s = pr.GetValue(seed);
            int nDraws = pr.GetValue(draws);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            int nThreads = NumericOption.ResolveThreads(pr.GetValue(threads));
            bool photons = pr.GetValue(photon);
            string species = photons ? "photon" : "electron";
            bool tailByEnergy = pr.GetValue(tailPerEnergy);
            IReadOnlyList<double>? tails = pr.GetValue(fitTail) || tailByEnergy ? EcalProfileTune.DefaultTailFractions : null;
            bool perEnergy = pr.GetValue(alphaPerEnergy);
            if (perEnergy && tailByEnergy) throw new UserInputException("--alpha-per-energy", "cannot be combined with --tail-per-energy (the α fit holds the card's tail fraction)", "run the two fits one after the other");
            if (perEnergy && tails is not null) throw new UserInputException("--alpha-per-energy", "cannot be combined with --fit-tail (each energy's α would be refitted at every tail fraction)", "fit the tail first, set ecal.profileTailFraction, then run --alpha-per-energy alone");
            int replicas = pr.GetValue(bootstrap);
            UserInput.Require(replicas != 1, "--bootstrap", "one replica has no spread", "use 0 to skip the bootstrap or at least 2 replicas (200 by default)");
            List<string> files = ["fit_grid.csv", "profile_bins.csv", "profile_bins.png", "profile_bins.svg", "profile_bins.pdf", "summary.csv"];
            if (perEnergy) files.Add("alpha_by_energy.csv");
            if (replicas > 0) files.Add("bootstrap.csv");
            if (tailByEnergy) files.Add("tail_by_energy.csv");
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, [.. files]);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, SetupCardJson.Serialize(card))
                .WithNotes(string.Create(CultureInfo.InvariantCulture, $"engine {species} showers per energy: {string.Join(", ", points.Select(p => $"{p.Showers} at {p.EnergyGeV:G} GeV"))}; {nDraws} model shapes per energy and grid point; engine multiple-scattering step {MscSpatialNames.Name(spatial)}"),
                           $"fit: fraction of the ECAL's visible energy in each of its {fitBins} bins of {perBin} layers, chi2 with the statistical errors of the engine's and the model's means; "
                           + (tails is null ? "tail fraction held at the card's" : $"tail fraction scanned over {string.Join(", ", tails.Select(t => t.ToString("G", CultureInfo.InvariantCulture)))}"));
            EcalProfileTuneResult result = null!;
            AnsiConsole.Status().Start("ECAL profile tune", ctx =>
                result = EcalProfileTune.Run(card, points, s, nDraws, photons ? ShiftGrid.Photon : ShiftGrid.Default, nThreads, PhysicsOptions.Standard with { MscSpatial = spatial },
                    m => ctx.Status(Markup.Escape(m)), photons, tails, perEnergy, replicas, tailByEnergy));
            TailFractionSlice[] slices = result.TailScan is { } scan ? [.. scan.Slices] : [new TailFractionSlice(result.Card.TailFraction, result.Fit)];
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "fit_grid.csv"), provenance,
                ["tmax_shift_X0", "alpha_shift", "chi2", "tail_fraction"],
                slices.SelectMany(sl => sl.Fit.Grid.Select(g => (IReadOnlyList<object?>)[g.TmaxShiftX0, g.AlphaShift, g.ChiSquare, sl.TailFraction])));
            var bins = result.Engine.SelectMany((e, i) => Enumerable.Range(0, fitBins).Select(b => (IReadOnlyList<object?>)
                [e.EnergyGeV, e.Showers, b * perBin, Math.Min((b + 1) * perBin, card.Ecal.Layers) - 1, e.Fraction[b], e.Error[b], result.Fit.ModelAtBest[i].Fraction[b], result.ModelCard[i].Fraction[b],
                 result.Fit.ModelAtBest[i].Error[b], result.ModelCard[i].Error[b], result.AlphaByEnergy?.Best.Energies[i].Model.Fraction[b]]));
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "profile_bins.csv"), provenance,
                ["energy_GeV", "showers", "first_layer", "last_layer", "engine_fraction", "engine_error", "model_best", "model_card", "model_best_error", "model_card_error", "model_alpha_per_energy"], bins);
            if (result.AlphaByEnergy is { } byEnergy)
                WriteAlphaByEnergy(Path.Combine(staged.Path, "alpha_by_energy.csv"), provenance, result, byEnergy, fitBins);
            if (result.TailByEnergy is { } tailFit)
                WriteTailByEnergy(Path.Combine(staged.Path, "tail_by_energy.csv"), provenance, result, tailFit, fitBins);
            if (result.Bootstrap is { } boot)
                Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "bootstrap.csv"), provenance.WithNotes(
                        $"bootstrap over showers: {boot.Replicas} replicas, each drawing every energy's showers with replacement and fitted as the sample was (docs/physics/calorimeter-parametrised.md#bootstrap-errors)",
                        "estimate: the fit to the sample (shifts: the quadratic's minimum where within one grid step of the best point, else the best point; tail fraction: the profile chi2's parabola; per-energy shifts: their parabolas); standard_deviation: the error to quote; p16, p84: percentiles of the replicas"),
                    ["parameter", "estimate", "replicas", "mean", "standard_deviation", "p16", "p84"],
                    boot.Parameters.Select(b => (IReadOnlyList<object?>)[b.Name, b.Estimate, boot.Replicas, Finite(b.Mean), Finite(b.StandardDeviation), Finite(b.Percentile16), Finite(b.Percentile84)]));
            double[] edges = [.. Enumerable.Range(0, fitBins + 1).Select(b => Math.Min(b * perBin, card.Ecal.Layers) * result.BinX0 / perBin)];
            var series = result.Engine.SelectMany((e, i) => new[]
            {
                ProfileSeries.Histogram($"engine {e.EnergyGeV:G} GeV ({e.Showers} showers)", edges, e.Fraction, colorIndex: i),
                ProfileSeries.Histogram($"parametrised {e.EnergyGeV:G} GeV", edges, result.Fit.ModelAtBest[i].Fraction, dashed: true, colorIndex: i),
            }).ToList();
            ProfilePlot.Write(new ProfilePlotData(string.Create(CultureInfo.InvariantCulture, $"{card.Name} ECAL, {species}s: engine vs parametrised (ΔT = {result.Fit.Best.TmaxShiftX0:F2} X₀, Δα = {result.Fit.Best.AlphaShift:F2}, tail {(result.TailScan is null ? CardTail(result) : result.TailFraction.ToString("G", CultureInfo.InvariantCulture))})"),
                "depth [X₀]", $"fraction of the ECAL's visible energy per {perBin} layers", series, LogY: true), provenance, Path.Combine(staged.Path, "profile_bins"));
            ShiftGridPoint best = result.Fit.Best, zero = result.Fit.Nearest(0, 0);
            (double tMin, double tErr) = result.Fit.TmaxParabola;
            (double aMin, double aErr) = result.Fit.AlphaParabola;
            ShiftEstimate q = result.Fit.Quadratic;
            (double wMin, double wErr) = result.TailScan?.TailParabola ?? (double.NaN, double.NaN);
            (double pMin, double pErr) = result.AlphaByEnergy?.TmaxParabola ?? (double.NaN, double.NaN);
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "summary.csv"), provenance.WithNotes(
                    "*_parabola and *_error: parabola through the best grid point and its neighbours along one shift, the other held; error where chi2 rises by 1 (conditional: the shifts are correlated); empty on the grid's edge",
                    "*_quadratic, *_marginal_error, shift_correlation: quadratic surface through the best point and its eight neighbours; its minimum, the marginal errors (chi2 + 1 with the other shift minimised) and the correlation coefficient; empty on the grid's edge",
                    "per_energy_*: with --alpha-per-energy, ΔT common to all energies with Δα fitted per energy (alpha_by_energy.csv): the best ΔT, the parabola through the profile chi2 and its error, the summed chi2 and its degrees of freedom (bins − 1 − energies)",
                    "tail_per_energy_*: with --tail-per-energy, the common shifts with a tail fraction per energy (tail_by_energy.csv), their summed chi2 and its degrees of freedom (bins − 2 − energies)",
                    "*_bootstrap_error: standard deviation over the bootstrap's replicas (bootstrap.csv), empty with --bootstrap 0",
                    "tail_fraction: the profile's tail fraction of the best point (scanned with --fit-tail, else the card's ecal.profileTailFraction; card_tail_fraction likewise: where the card has a tail table the model uses the table instead, and tail_by_energy.csv gives its value per energy); tail_fraction_parabola and tail_fraction_error: the parabola through the least chi2 of the best and the neighbouring tail fractions, each with the shifts re-fitted (empty without --fit-tail or on the scan's edge); the shift columns are at the best tail fraction"),
                ["best_tmax_shift_X0", "best_alpha_shift", "chi2_best", "ndf", "tmax_shift_parabola_X0", "tmax_shift_error_X0", "alpha_shift_parabola", "alpha_shift_error",
                 "card_tmax_shift_X0", "card_alpha_shift", "chi2_card", "chi2_unshifted",
                 "tmax_shift_quadratic_X0", "alpha_shift_quadratic", "tmax_shift_marginal_error_X0", "alpha_shift_marginal_error", "shift_correlation", "species",
                 "tail_fraction", "tail_fraction_parabola", "tail_fraction_error", "card_tail_fraction", "tail_slope_per_X0",
                 "per_energy_tmax_shift_X0", "per_energy_tmax_shift_parabola_X0", "per_energy_tmax_shift_error_X0", "per_energy_chi2", "per_energy_ndf",
                 "tmax_shift_bootstrap_error_X0", "alpha_shift_bootstrap_error", "tail_fraction_bootstrap_error", "per_energy_tmax_shift_bootstrap_error_X0",
                 "tail_per_energy_tmax_shift_X0", "tail_per_energy_alpha_shift", "tail_per_energy_chi2", "tail_per_energy_ndf"],
                [[best.TmaxShiftX0, best.AlphaShift, best.ChiSquare, result.DegreesOfFreedom, Finite(tMin), Finite(tErr), Finite(aMin), Finite(aErr),
                  result.CardTmaxShift, result.CardAlphaShift, result.ChiSquareCard, zero.ChiSquare,
                  Finite(q.TmaxShiftX0), Finite(q.AlphaShift), Finite(q.TmaxError), Finite(q.AlphaError), Finite(q.Correlation), species,
                  result.TailFraction, Finite(wMin), Finite(wErr), result.Card.TailFraction, result.Card.TailSlopePerX0,
                  result.AlphaByEnergy?.Best.TmaxShiftX0, Finite(pMin), Finite(pErr), result.AlphaByEnergy?.Best.ChiSquare, result.AlphaByEnergy?.DegreesOfFreedom,
                  BootError(result, EcalProfileTune.TmaxShiftName), BootError(result, EcalProfileTune.AlphaShiftName), BootError(result, EcalProfileTune.TailFractionName),
                  BootError(result, EcalProfileTune.PerEnergyTmaxShiftName),
                  result.TailByEnergy?.Best.TmaxShiftX0, result.TailByEnergy?.Best.AlphaShift, result.TailByEnergy?.Best.ChiSquare, result.TailByEnergy?.DegreesOfFreedom]]);
            staged.Publish();
            if (result.AlphaByEnergy is { } fitted)
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"per-energy α: ΔT = {fitted.Best.TmaxShiftX0:F2} X0 (parabola {pMin:F3} ± {pErr:F3}), χ² = {fitted.Best.ChiSquare:F1} for {fitted.DegreesOfFreedom} dof; {CardKeys(photons, fitted)}")));
            if (result.TailByEnergy is { } byE)
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"tail fraction per energy at (ΔT, Δα) = ({byE.Best.TmaxShiftX0:F2}, {byE.Best.AlphaShift:F2}): {TailCardKeys(photons, byE)}")));
            if (result.Bootstrap is { } spread)
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"bootstrap over showers ({spread.Replicas} replicas): {string.Join(", ", spread.Parameters.Select(b => $"{b.Name} {b.Estimate:F3} ± {b.StandardDeviation:F3}"))}")));
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{species}s: best ΔT = {best.TmaxShiftX0:F2} X0 (parabola {tMin:F3} ± {tErr:F3}), Δα = {best.AlphaShift:F2} (parabola {aMin:F3} ± {aErr:F3}); both at once ({q.TmaxShiftX0:F3} ± {q.TmaxError:F3}, {q.AlphaShift:F3} ± {q.AlphaError:F3}, ρ = {q.Correlation:F2}), tail fraction {(result.TailScan is null ? CardTail(result) : $"{result.TailFraction:G} (parabola {wMin:F3} ± {wErr:F3})")}: χ² = {best.ChiSquare:F1} for {result.DegreesOfFreedom} dof; the card's ({result.CardTmaxShift:F2}, {result.CardAlphaShift:F2}, tail {CardTail(result)}): χ² = {result.ChiSquareCard:F1}; unshifted {zero.ChiSquare:F1}; {outDir} in {clock.Elapsed.TotalSeconds:F1} s")));
            return 0;
        }));
        return cmd;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>The card's tail fraction as the model used it: the one fraction, or its table at the fitted energies.</summary>
    private static string CardTail(EcalProfileTuneResult result)
    {
        ShowerMedium card = result.Card;
        return card.TailFractionByEnergy is not null || (result.Photon && card.PhotonTailFractionByEnergy is not null)
            ? "card table: " + string.Join(", ", result.Engine.Select(e => card.TailFractionAt(e.EnergyGeV, result.Photon).ToString("0.000", CultureInfo.InvariantCulture)))
            : card.TailFraction.ToString("G", CultureInfo.InvariantCulture) + " (card)";
    }

    private static double? BootError(EcalProfileTuneResult result, string name) =>
        result.Bootstrap?[name] is { } b ? Finite(b.StandardDeviation) : null;

    /// <summary>What the per-energy fit's result means for the card: for electrons the keys that set it (ΔT, a zero constant Δα and the
    /// table); photons have no table (one constant Δα each), so for them the shifts per energy.</summary>
    private static string CardKeys(bool photon, AlphaPerEnergyFit fitted)
    {
        string shifts = string.Join(", ", fitted.Table.Shifts.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
        string energies = string.Join(", ", fitted.Table.EnergiesGeV);
        return photon
            ? string.Create(CultureInfo.InvariantCulture, $"photon Δα per energy [{shifts}] at [{energies}] GeV (photons take one constant shift, profilePhotonAlphaShift)")
            : string.Create(CultureInfo.InvariantCulture,
                $"card keys: profileTmaxShiftX0: {fitted.Best.TmaxShiftX0:0.00##}, profileAlphaShift: 0, profileAlphaShiftTable: {{energiesGeV: [{energies}], shifts: [{shifts}]}}");
    }

    /// <summary>The per-energy tail fit and the card keys that set it: the species' ΔT, Δα and tail table.</summary>
    private static string TailCardKeys(bool photon, TailPerEnergyFit fit)
    {
        string fractions = string.Join(", ", fit.Energies.Select(e => e.TailFraction.ToString("0.000", CultureInfo.InvariantCulture)));
        string energies = string.Join(", ", fit.Energies.Select(e => e.EnergyGeV.ToString(CultureInfo.InvariantCulture)));
        string prefix = photon ? "profilePhoton" : "profile";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{fractions}] at [{energies}] GeV, χ² = {fit.Best.ChiSquare:F1} for {fit.DegreesOfFreedom} dof; card keys: {prefix}TmaxShiftX0: {fit.Best.TmaxShiftX0:0.00##}, {prefix}AlphaShift: {fit.Best.AlphaShift:0.00##}, {prefix}TailFractionTable: {{energiesGeV: [{energies}], fractions: [{fractions}]}}");
    }

    /// <summary>tail_by_energy.csv: each energy's tail fraction at the common shifts of the per-energy tail fit.</summary>
    private static void WriteTailByEnergy(string path, Provenance provenance, EcalProfileTuneResult result, TailPerEnergyFit fit, int bins)
    {
        var rows = fit.Energies.Select((e, i) => (IReadOnlyList<object?>)
            [e.EnergyGeV, result.Engine[i].Showers, fit.Best.TmaxShiftX0, fit.Best.AlphaShift, e.TailFraction, e.BestTailFraction, Finite(e.ParabolaError), e.ChiSquare, bins,
             result.Card.TailFractionAt(e.EnergyGeV, result.Photon), BootError(result, EcalProfileTune.PerEnergyTailName(e.EnergyGeV))]);
        Reporting.Tables.CsvTableWriter.Write(path, provenance.WithNotes(
                "tail_fraction: the parabola through the best scanned w and its neighbours at the common shifts (the scanned value on the scan's edge), tail_fraction_error its chi2 + 1 half-width (shifts held); chi2: this energy's bins at its best scanned w; card_tail_fraction: the card's tail fraction at that energy (profileTailFractionTable, else profileTailFraction; for photons profilePhotonTailFractionTable, else the electrons' at half the energy); tail_fraction_bootstrap_error: standard deviation over the bootstrap's replicas (bootstrap.csv), empty with --bootstrap 0"),
            ["energy_GeV", "showers", "tmax_shift_X0", "alpha_shift", "tail_fraction", "tail_fraction_grid", "tail_fraction_error", "chi2", "bins", "card_tail_fraction",
             "tail_fraction_bootstrap_error"], rows);
    }

    /// <summary>alpha_by_energy.csv: each energy's α shift at the best common ΔT, its parabola error, its χ² and the card's.</summary>
    private static void WriteAlphaByEnergy(string path, Provenance provenance, EcalProfileTuneResult result, AlphaPerEnergyFit fit, int bins)
    {
        var rows = fit.Best.Energies.Select((e, i) => (IReadOnlyList<object?>)
            [e.EnergyGeV, result.Engine[i].Showers, fit.Best.TmaxShiftX0, e.AlphaShift, e.Best.AlphaShift, Finite(e.ParabolaError), e.Best.ChiSquare, bins,
             result.Card.AlphaShiftAt(e.EnergyGeV, result.Photon), ProfileShiftFit.ChiSquare([result.Engine[i]], [result.ModelCard[i]]), result.CardTmaxShift,
             BootError(result, EcalProfileTune.PerEnergyAlphaName(e.EnergyGeV))]);
        Reporting.Tables.CsvTableWriter.Write(path, provenance.WithNotes(
                "alpha_shift: the parabola through the best grid point and its neighbours along Δα at the common ΔT (the grid point on the grid's edge), alpha_shift_error its chi2 + 1 half-width (ΔT held); card_alpha_shift: the card's whole α shift at that energy (profileAlphaShift + profileAlphaShiftTable; for photons profilePhotonAlphaShift), chi2_card: chi2 of this energy at the card's shifts; alpha_shift_bootstrap_error: standard deviation over the bootstrap's replicas (bootstrap.csv), empty with --bootstrap 0"),
            ["energy_GeV", "showers", "tmax_shift_X0", "alpha_shift", "alpha_shift_grid", "alpha_shift_error", "chi2", "bins", "card_alpha_shift", "chi2_card", "card_tmax_shift_X0",
             "alpha_shift_bootstrap_error"], rows);
    }
}

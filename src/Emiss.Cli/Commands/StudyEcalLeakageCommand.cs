using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower.PhysicsList;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss study ecal-leakage --setup na64-2016-pbsc --seed 65 --out DIR</c>: what the shower engine sends out of the back
/// of the set-up's ECAL (10, 30 and 50 GeV e⁻), and the two card constants that turn the parametrised profile's share past
/// the back into that flow (<see cref="EcalLeakageStudy"/>): <c>leakage.csv</c> per energy and <c>summary.csv</c> with their
/// means beside the card's values.
/// </summary>
internal static class StudyEcalLeakageCommand
{
    public static Command Create()
    {
        var setup = SetupOption.Create();
        var seed = NumericOption.Seed("Master seed: engine showers of each energy on shower streams derived from it and the energy, drawn model shapes on its digitization streams", EcalLeakageStudy.DefaultSeed);
        var scale = ShowersScaleOption.Create(EcalLeakageStudy.DefaultPoints);
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "out/study-ecal-leakage" };
        var threads = NumericOption.Threads();
        var msc = MscOption.Create();
        var cmd = new Command("ecal-leakage", "Measure in the shower engine what leaks out of the ECAL's back and the card constants of the flow into V2: ecal.profileDeepSamplingRatio, ecal.profileBackFlowAbsorbedFraction, ecal.backLeakPhotonMeanMeV, ecal.backLeakPhotonObliquity (docs/physics/calorimeter-parametrised.md#past-the-ecals-back).")
            { setup, seed, scale, msc, output, threads };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            SetupCard card = SimulateCommand.LoadSetup(pr.GetValue(setup)!);
            UserInput.Require(card.Ecal.Layers >= 4, "--setup", $"the ECAL has {card.Ecal.Layers} layers: its last quarter is empty", "use a card whose ECAL has at least 4 layers");
            double f = pr.GetValue(scale);
            TunePoint[] points = ShowersScaleOption.Apply(EcalLeakageStudy.DefaultPoints, f);
            MscSpatial spatial = MscOption.Resolve(pr, msc);
            ulong s = pr.GetValue(seed);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            int nThreads = NumericOption.ResolveThreads(pr.GetValue(threads));
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, ["leakage.csv", "summary.csv"]);
            int deepFirst = EcalLeakageStudy.DeepFirstLayer(card.Ecal.Layers);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s, SetupCardJson.Serialize(card))
                .WithNotes(string.Create(CultureInfo.InvariantCulture, $"engine electron showers per energy: {string.Join(", ", points.Select(p => $"{p.Showers} at {p.EnergyGeV:G} GeV"))}, on the card's ECAL ({card.Ecal.Layers} layers) and on the same streams through {2 * card.Ecal.Layers} layers; engine multiple-scattering step {MscSpatialNames.Name(spatial)}"),
                           $"deep_sampling_ratio: visible over deposited energy in layers {deepFirst}–{card.Ecal.Layers - 1} over the same for the whole ECAL; absorbed_fraction: energy deposited behind layer {card.Ecal.Layers - 1} of the doubled stack over the energy leaving the ECAL's back (empty where nothing left it); errors statistical (delta method)",
                           $"profile_share_MeV: the card's parametrised profile's e*(1 - F) at the ECAL's back, {EcalLeakageStudy.ProfileDraws} drawn shapes; model_flow_MeV = profile_share_MeV / (card deep_sampling_ratio * card absorbed_fraction)");
            var results = new List<EcalLeakagePoint>();
            var physics = PhysicsOptions.Standard with { MscSpatial = spatial };
            AnsiConsole.Status().Start("ECAL leakage", ctx =>
            {
                foreach (TunePoint p in points)
                {
                    ctx.Status(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Showers} showers at {p.EnergyGeV:G} GeV")));
                    results.Add(EcalLeakageStudy.Measure(card, p, s, nThreads, physics));
                }
            });
            double cardFactor = card.Ecal.ProfileDeepSamplingRatio * card.Ecal.ProfileBackFlowAbsorbedFraction;
            // the model's flow past the ECAL's back over the engine's; none where nothing left the back
            double? ModelOverEngine(EcalLeakagePoint r) => r.FlowMeV > 0 ? r.ProfileShareMeV / cardFactor / r.FlowMeV : null;
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "leakage.csv"), provenance,
                ["energy_GeV", "showers", "deep_sampling_ratio", "deep_sampling_ratio_error", "absorbed_fraction", "absorbed_fraction_error",
                 "flow_MeV", "flow_error_MeV", "photons_per_shower", "photon_mean_MeV", "photon_median_MeV", "photon_mean_inverse_cosine",
                 "charged_per_shower", "profile_share_MeV", "model_flow_MeV", "model_over_engine_flow"],
                results.Select(r => (IReadOnlyList<object?>)
                    [r.EnergyGeV, r.Showers, Finite(r.DeepSamplingRatio), Finite(r.DeepSamplingRatioError), Finite(r.AbsorbedFraction), Finite(r.AbsorbedFractionError),
                     r.FlowMeV, r.FlowErrorMeV, r.PhotonsPerShower, Finite(r.PhotonMeanMeV), Finite(r.PhotonMedianMeV), Finite(r.PhotonMeanInverseCosine),
                     r.ChargedPerShower, r.ProfileShareMeV, r.ProfileShareMeV / cardFactor, ModelOverEngine(r)]));
            (double sMean, double sError) = Mean(results.Select(r => (r.DeepSamplingRatio, r.DeepSamplingRatioError)));
            (double aMean, double aError) = Mean(results.Select(r => (r.AbsorbedFraction, r.AbsorbedFractionError)));
            double kMean = results.Where(r => double.IsFinite(r.PhotonMeanMeV)).Select(r => r.PhotonMeanMeV).DefaultIfEmpty(double.NaN).Average();
            double cosMean = results.Where(r => double.IsFinite(r.PhotonMeanInverseCosine)).Select(r => r.PhotonMeanInverseCosine).DefaultIfEmpty(double.NaN).Average();
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "summary.csv"), provenance.WithNotes(
                    "*_mean: unweighted mean over the energies (the card's value is one number for all), *_mean_error: its statistical error; " +
                    "photon_mean_MeV_mean and photon_mean_inverse_cosine_mean: over the energies with leaking photons (card keys ecal.backLeakPhotonMeanMeV, ecal.backLeakPhotonObliquity)"),
                ["deep_sampling_ratio_mean", "deep_sampling_ratio_mean_error", "card_deep_sampling_ratio", "absorbed_fraction_mean", "absorbed_fraction_mean_error",
                 "card_absorbed_fraction", "deep_first_layer", "layers", "photon_mean_MeV_mean", "card_photon_mean_MeV", "photon_mean_inverse_cosine_mean", "card_photon_obliquity"],
                [[Finite(sMean), Finite(sError), card.Ecal.ProfileDeepSamplingRatio, Finite(aMean), Finite(aError), card.Ecal.ProfileBackFlowAbsorbedFraction, deepFirst, card.Ecal.Layers,
                  Finite(kMean), card.Ecal.BackLeakPhotonMeanMeV, Finite(cosMean), card.Ecal.BackLeakPhotonObliquity]]);
            staged.Publish();
            foreach (EcalLeakagePoint r in results)
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{r.EnergyGeV:G} GeV: out of the back {r.FlowMeV:F3} ± {r.FlowErrorMeV:F3} MeV ({r.PhotonsPerShower:F2} photons, mean {r.PhotonMeanMeV:F2} MeV; {r.ChargedPerShower:F3} charged); s_deep {r.DeepSamplingRatio:F3} ± {r.DeepSamplingRatioError:F3}, absorbed {r.AbsorbedFraction:F3} ± {r.AbsorbedFractionError:F3}; model/engine flow {ModelOverEngine(r):F3}")));
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"card keys: profileDeepSamplingRatio {sMean:F3} ± {sError:F3} (card {card.Ecal.ProfileDeepSamplingRatio:G}), profileBackFlowAbsorbedFraction {aMean:F3} ± {aError:F3} (card {card.Ecal.ProfileBackFlowAbsorbedFraction:G}), " +
                $"backLeakPhotonMeanMeV {kMean:F2} (card {card.Ecal.BackLeakPhotonMeanMeV:G}), backLeakPhotonObliquity {cosMean:F2} (card {card.Ecal.BackLeakPhotonObliquity:G}); {outDir} in {clock.Elapsed.TotalSeconds:F1} s")));
            return 0;
        }));
        return cmd;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>Unweighted mean of values with independent errors, and its error.</summary>
    private static (double Mean, double Error) Mean(IEnumerable<(double Value, double Error)> values)
    {
        var list = values.ToList();
        return (list.Average(v => v.Value), Math.Sqrt(list.Sum(v => v.Error * v.Error)) / list.Count);
    }
}

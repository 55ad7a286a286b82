using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Shower.Geometry;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss limit</c>: the 90% CL exclusion in (m_A′, ε) from a run card (default: the embedded
/// NA64-2016 card). Writes limit.csv, limit.png, limit.svg and run.yaml into --out.
/// </summary>
internal static class LimitCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Embedded card name (na64-2016) or a .yaml/.json run card", DefaultValueFactory = _ => "na64-2016" };
        var production = new Option<string?>("--production") { Description = "Override signal.production: ww | iww | etl" };
        var model = new Option<string?>("--model") { Description = "Override signal.mediator: vector | scalar | pseudoscalar | axial" };
        var yieldModel = new Option<string?>("--yield") { Description = "Override signal.yieldModel: analytic | monte-carlo (A′ emission in simulated showers; slower)" };
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "out/limit" };
        var cmd = new Command("limit", "90% CL exclusion in (m_A′, ε) with the muon g−2 band: limit.csv, limit.png, limit.svg, run.yaml.")
            { config, production, model, yieldModel, output };
        cmd.SetAction(pr => CliErrors.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            if (pr.GetValue(production) is { } prod) card = card with { Signal = card.Signal with { Production = prod } };
            if (pr.GetValue(model) is { } med) card = card with { Signal = card.Signal with { Mediator = med } };
            if (pr.GetValue(yieldModel) is { } ym) card = card with { Signal = card.Signal with { YieldModel = ym } };
            IReadOnlyList<string> problems = card.Validate();
            if (problems.Count > 0) throw new RunCardException(string.Join("\n", problems.Select(p => "command-line override: " + p)));

            string outDir = pr.GetValue(output)!;
            string cardYaml = CardLoader.ToYaml(card);
            LimitRun result = Compute(card);
            Provenance provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), card.Seed, cardYaml)
                .WithNotes($"production: {result.ProductionDescription}",
                           $"yield: {result.Scan.YieldModel}",
                           $"efficiency: {result.Scan.EfficiencySource}",
                           $"eps90: {result.Scan.SignalLimit.Convention}",
                           $"eps90_with_syst: {result.Scan.SignalLimitWithSystematics.Convention}");
            LimitOutputs.Write(outDir, card, result, provenance);
            LimitOutputs.PrintSummary(card, result, outDir, clock.Elapsed);
            return 0;
        }));
        return cmd;
    }

    /// <summary>Computes the exclusion and the g−2 band for a validated card.</summary>
    public static LimitRun Compute(LimitCard card)
    {
        IDarkProductionModel production = DarkProductionModels.Create(
            ModelNames.Mediator(card.Signal.Mediator), ModelNames.Approximation(card.Signal.Production));
        Material target = MaterialCatalog.ByName(card.Target.Material);
        Energy beam = Energy.FromGeV(card.Beam.EnergyGeV);
        ISignalYieldModel yield = card.Signal.YieldModel == "monte-carlo"
            // Masses run in parallel in the scan, so each Monte Carlo run uses one thread; streams are keyed by event index.
            ? new MonteCarloSignalYield(production, GeometryCatalog.Load(card.Signal.Geometry), beam, card.Signal.MonteCarloEvents, card.Seed,
                card.Signal.MissingEnergyMinFraction)
            : new TrackLengthSignalYield(production, target, beam, card.Signal.MissingEnergyMinFraction);
        var efficiency = new LogMassInterpolatedEfficiency(card.Efficiency.MassMeV, card.Efficiency.Signal,
            string.Create(CultureInfo.InvariantCulture, $"run card '{card.Name}' (linear in ln m between nodes)"));
        ExclusionScanResult scan = ExclusionScan.Run(
            card.MassesMeV(), yield, efficiency,
            card.Runs.Select(r => new RunExposure(r.Name, r.ElectronsOnTarget)).ToArray(),
            new CountingInput(card.Statistics.ObservedEvents, card.Statistics.ExpectedBackground,
                card.Statistics.ConfidenceLevel, card.Statistics.SignalYieldRelativeUncertainty));
        GMinus2Band band = GMinus2Band.For(card, scan.Points.Select(p => p.MassMeV).ToArray());
        return new LimitRun(scan, band, production.Description);
    }
}

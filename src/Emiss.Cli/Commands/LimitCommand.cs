using System.CommandLine;
using System.Diagnostics;
using Emiss.Analysis.Limits;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Physics.DarkProduction;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss limit</c>: the 90% CL exclusion in (m_A′, ε) from a run card (default: the embedded
/// NA64-2016 card). Writes limit.csv, limit.png, limit.svg and run.yaml into --out; for a vector A′ also the limit in
/// the dark-matter plane at --alpha-d (<see cref="DarkMatterOutputs"/>).
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
        var from = new Option<string?>("--from") { Description = "A finished `emiss reproduce` directory: take the derived inputs (its run.yaml) instead of the card's, and print both side by side" };
        var alphaD = DarkMatterOutputs.AlphaOption();
        var cmd = new Command("limit", "90% CL exclusion in (m_A′, ε) with the muon g−2 band: limit.csv, limit.png, limit.svg, limit.pdf, run.yaml; for a vector A′ also the dark-matter plane (dark-matter.csv, dark-matter-plane.*, HEPData).")
            { config, production, model, yieldModel, output, from, alphaD };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            LimitCard? given = null;
            if (pr.GetValue(from) is { } dir)
            {
                string derived = Path.Combine(dir, "run.yaml");
                if (!File.Exists(derived))
                    throw new UserInputException("--from", $"'{dir}' holds no run.yaml", "give the output directory of a finished `emiss reproduce`");
                given = card;
                card = CardLoader.Load<LimitCard>(derived, c => c.Validate());
            }
            if (pr.GetValue(production) is { } prod) card = card with { Signal = card.Signal with { Production = prod } };
            if (pr.GetValue(model) is { } med) card = card with { Signal = card.Signal with { Mediator = med } };
            if (pr.GetValue(yieldModel) is { } ym) card = card with { Signal = card.Signal with { YieldModel = ym } };
            IReadOnlyList<string> problems = card.Validate();
            if (problems.Count > 0) throw new RunCardException(string.Join("\n", problems.Select(Override)));

            // The output location is checked and staged before the computation (which takes seconds), so that a bad
            // --out costs nothing; the directory appears at --out only when every file is written.
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, [.. LimitOutputs.FileNames, .. DarkMatterOutputs.LimitFileNames]);
            string cardYaml = CardLoader.ToYaml(card);
            // With --from the card's published inputs are computed too, at the same masses and energies: one memo of
            // exact-tree-level spectra serves both (bit for bit what each would compute alone).
            var etl = new EtlSpectrumCache();
            LimitResult result = LimitComputation.Run(LimitCardRequest.From(card), etl);
            Provenance provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), card.Seed, cardYaml)
                .WithNotes($"production: {result.ProductionDescription}",
                           $"yield: {result.Scan.YieldModel}",
                           $"efficiency: {result.Scan.EfficiencySource}",
                           $"eps90: {result.Scan.SignalLimit.Convention}",
                           $"eps90_with_syst: {result.Scan.SignalLimitWithSystematics.Convention}",
                           LimitOutputs.YieldNote(result.Labels),
                           result.Labels.Inputs);
            LimitOutputs.Write(staged.Path, card, result, provenance);
            if (DarkMatterOutputs.Applies(card.Signal.Mediator))
                DarkMatterOutputs.WriteForLimit(staged.Path, DarkMatterOutputs.Points(result, pr.GetValue(alphaD)), pr.GetValue(alphaD), card.Name, provenance);
            staged.Publish();
            LimitOutputs.PrintSummary(card, result, outDir, clock.Elapsed);
            Console.Out.WriteLine(DarkMatterOutputs.Applies(card.Signal.Mediator)
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dark-matter plane (alpha_D = {pr.GetValue(alphaD):G4}, m_A' = 3 m_chi): {DarkMatterOutputs.CsvFile}, {DarkMatterOutputs.FigureStem}.png/svg/pdf/csv, submission.yaml")
                : $"no dark-matter plane for a {card.Signal.Mediator} mediator (the relic targets and BaBar's curve are for a vector A′)");
            if (given is not null) LimitComparison.Print(given, LimitComputation.Run(LimitCardRequest.From(given), etl), card, result);
            return 0;
        }));
        return cmd;
    }

    /// <summary>A problem caused by a command-line override, named by its option rather than by the card field.</summary>
    private static string Override(string problem)
    {
        foreach (var (field, option) in (ReadOnlySpan<(string, string)>)[("$.signal.production", "--production"), ("$.signal.mediator", "--model"), ("$.signal.yieldModel", "--yield")])
            if (problem.StartsWith(field + ":", StringComparison.Ordinal)) return option + problem[field.Length..];
        return "command-line override: " + problem;
    }
}

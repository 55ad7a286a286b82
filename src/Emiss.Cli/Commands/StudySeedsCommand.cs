using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Cli.Cuts;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss study seeds --config na64-2016 --seeds 20 --first-seed S --eot-scale X [--sources A,B] --out DIR</c>: background-only
/// pseudo-data for N consecutive master seeds, each pushed through the selection in memory (<see cref="SeedStudy"/>);
/// <c>seeds.csv</c> (one line per seed and run) and <c>summary.csv</c> (the fraction of seeds with 0 events in the box
/// beside the Poisson probability e^(−μ) of the method-1 expectation μ).
/// </summary>
internal static class StudySeedsCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Embedded card name (na64-2016) or a .yaml/.json run card; each run names its set-up", DefaultValueFactory = _ => "na64-2016" };
        var seeds = NumericOption.Count("--seeds", "Number of master seeds (consecutive from --first-seed)", 20, 1, 100_000);
        var first = new Option<ulong?>("--first-seed") { Description = "First master seed (default: the card's seed)" };
        first.CustomParser = r =>
        {
            string t = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (InvariantNumber.TryParseUnsigned(t, out ulong v, out string problem)) return v;
            r.AddError($"--first-seed: {problem}");
            return null;
        };
        var scale = NumericOption.Real("--eot-scale", "Fraction of each run's electrons on target to generate", 1.0, Interval.LeftOpen(0, 1));
        var estimate = NumericOption.Count("--estimate-events", "Biased events per source and run for the method-1 expectation", PseudoDataCommand.DefaultEstimateEvents, 100, 100_000_000);
        var cuts = new Option<string>("--cuts") { Description = $"Cut card: built-in name ({CutsCardLoader.Default}) or a .yaml/.json file", DefaultValueFactory = _ => CutsCardLoader.Default };
        var sourceList = new Option<string?>("--sources") { Description = $"Comma-separated sources (default: all): {string.Join(", ", SourceCatalog.All.Select(s => s.Name))}" };
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "out/study-seeds" };
        var threads = NumericOption.Threads();
        var cmd = new Command("seeds", "Background-only pseudo-data for N seeds: events in the unblinded signal box per seed and run (seeds.csv) against Poisson(method-1 expectation) (summary.csv).")
            { config, seeds, first, scale, estimate, cuts, sourceList, output, threads };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            var clock = Stopwatch.StartNew();
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            SelectionCuts selection = CutsCardLoader.LoadForPseudoData(pr.GetValue(cuts)!);
            ulong s0 = pr.GetValue(first) ?? card.Seed;
            long n = pr.GetValue(seeds);
            if (s0 > ulong.MaxValue - (ulong)(n - 1)) throw new UserInputException("--first-seed", "the last seed would exceed 18446744073709551615", "choose a smaller --first-seed or fewer --seeds");
            double eotScale = pr.GetValue(scale);
            // A subset keeps each source's event keys (its catalogue slot), so its events are those of the full campaign.
            IReadOnlyList<IBackgroundSource> sources = PseudoDataCommand.ChooseSources(pr.GetValue(sourceList));
            List<PseudoDataRun> runs = PseudoDataCommand.RunsOf(card, eotScale);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            int nThreads = NumericOption.ResolveThreads(pr.GetValue(threads));
            using StagedDirectory staged = StagedDirectory.Begin("--out", outDir, ["seeds.csv", "summary.csv"]);
            var provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), s0, CardLoader.ToYaml(card))
                .WithNotes(string.Create(CultureInfo.InvariantCulture, $"eot scale: {eotScale:R}; seeds {s0} to {s0 + (ulong)(n - 1)}; background-only; sources: {string.Join(",", sources.Select(x => x.Name))}"),
                           "events are counted unweighted (what an unblinded analysis observes); *_weighted columns sum the weights of sources sampled above the per-source cap");
            var counts = new List<SeedRunCount>();
            double mu = 0;
            AnsiConsole.Status().Start("seed study", ctx =>
            {
                ctx.Status("method-1 expectation in the signal box");
                mu = SeedStudy.ExpectedInBox(runs, s0, sources, pr.GetValue(estimate), selection, nThreads);
                for (long k = 0; k < n; k++)
                {
                    ulong seed = s0 + (ulong)k;
                    ctx.Status(string.Create(CultureInfo.InvariantCulture, $"seed {seed} ({k + 1}/{n})"));
                    counts.AddRange(SeedStudy.Count(runs, seed, sources, selection, nThreads));
                }
            });
            var rows = counts.Select(c => (IReadOnlyList<object?>)[c.Seed.ToString(CultureInfo.InvariantCulture), c.Run, c.InBox, c.OutsideBox, c.LooseSrd, c.InBoxWeighted, c.LooseSrdWeighted, c.InBoxProcesses]);
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "seeds.csv"), provenance,
                ["seed", "run", "events_in_box", "events_after_cuts_outside_box", "loose_srd_events", "in_box_weighted", "loose_srd_weighted", "in_box_true_processes"], rows);
            var perSeed = counts.GroupBy(c => c.Seed).Select(g => g.Sum(c => c.InBox)).ToList();
            int zero = perSeed.Count(b => b == 0);
            double pZero = Math.Exp(-mu);
            // Binomial interval of the fraction: with N seeds the fraction scatters by √(p(1−p)/N) around e^(−μ).
            double sigma = Math.Sqrt(pZero * (1 - pZero) / perSeed.Count);
            string histogram = string.Join(" ", perSeed.GroupBy(b => b).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}:{g.Count()}")));
            Reporting.Tables.CsvTableWriter.Write(Path.Combine(staged.Path, "summary.csv"), provenance.WithNotes("box_histogram: events in the box (both runs) : number of seeds"),
                ["seeds", "seeds_with_0_in_box", "fraction_0", "method1_expected_in_box", "poisson_p0", "binomial_sigma", "mean_in_box", "box_histogram"],
                [[perSeed.Count, zero, zero / (double)perSeed.Count, mu, pZero, sigma, perSeed.Average(), histogram]]);
            staged.Publish();
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{zero} of {perSeed.Count} seeds with 0 events in the signal box (fraction {zero / (double)perSeed.Count:F3}); Poisson(μ = {mu:G3}) gives P(0) = {pZero:F4} ± {sigma:F3} (binomial, {perSeed.Count} seeds); box counts {histogram}; {outDir} in {clock.Elapsed.TotalSeconds:F1} s")));
            return 0;
        }));
        return cmd;
    }
}

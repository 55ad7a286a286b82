using System.CommandLine;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Cli.Cuts;
using Emiss.Events.Selection;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss analyze</c>: the seed's selection over a directory of event files (one per run), blind unless the
/// analysis directory's ledger says otherwise. Writes <c>cutflow.csv</c> (per run and cut: events, efficiencies),
/// <c>regions.csv</c> (sidebands A and C after all cuts; the signal box only once unblinded), <c>analysis.json</c>
/// (the cuts, for <c>emiss unblind</c>) and, once unblinded, <c>box-events.csv</c> (the events in the box). Example: <c>emiss analyze --data pseudodata --out analysis</c>.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Directory of event files (*.parquet, one per run)", Required = true };
        var output = new Option<string>("--out") { Description = "Analysis directory (cut flow, regions, unblinding ledger)", Required = true };
        var cuts = new Option<string>("--cuts") { Description = $"Cut card: built-in name ({CutsCardLoader.Default}) or a .yaml/.json file", DefaultValueFactory = _ => CutsCardLoader.Default };
        var cmd = new Command("analyze", "Apply the seed's selection to event files, blind: cut flow and sideband counts, never the signal box before `emiss unblind`.")
            { data, output, cuts };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            SelectionCuts selection = CutsCardLoader.Load(pr.GetValue(cuts)!);
            string outDir = UserInput.CheckOutputDirectory("--out", pr.GetValue(output)!);
            string dataDir = pr.GetValue(data)!;
            string command = "emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value));
            return AnalysisOutputs.Guard("--out", () =>
            {
                BlindDataSet set = UserInput.Resolve("--data", () => BlindDataSet.OpenAsync(dataDir, outDir).GetAwaiter().GetResult());
                try
                {
                    CutFlowResult result = AnalysisOutputs.Guard("--cuts", () => UserInput.Resolve("--data", () => set.CutFlowAsync(selection).GetAwaiter().GetResult()));
                    var provenance = AnalysisOutputs.Provenance(command, selection, set);
                    AnalysisOutputs.Write(outDir, dataDir, set, selection, result, provenance);
                    AnalysisOutputs.Print(result, outDir);
                    return 0;
                }
                finally
                {
                    set.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            });
        }));
        return cmd;
    }
}

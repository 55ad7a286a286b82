using System.CommandLine;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Cli.Cuts;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss unblind</c>: opens the signal box of an analysis made by <c>emiss analyze</c>. Freezes its cuts (the
/// fingerprint in <c>analysis.json</c>), appends who, when, why and the fingerprints to the append-only ledger
/// <c>unblinding.log</c>, then rewrites <c>cutflow.csv</c> and <c>regions.csv</c> with the box and lists its events in
/// <c>box-events.csv</c>. Refused when the
/// analysis is already unblinded or the ledger was edited.
/// Example: <c>emiss unblind --analysis analysis --reason "background estimate validated in sidebands A and C"</c>.
/// </summary>
internal static class UnblindCommand
{
    public static Command Create()
    {
        var analysis = new Option<string>("--analysis") { Description = "Analysis directory written by `emiss analyze`", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the box is opened (recorded in the ledger)", Required = true };
        var who = new Option<string>("--who") { Description = "Who opens it (default: the user name)", DefaultValueFactory = _ => Environment.UserName };
        var cmd = new Command("unblind", "Open the signal box of a blind analysis: freeze the cuts and record who, when and why in unblinding.log.")
            { analysis, reason, who };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            string dir = pr.GetValue(analysis)!;
            string why = pr.GetValue(reason)!.Trim();
            string person = pr.GetValue(who)!.Trim();
            UserInput.Require(why.Length > 0, "--reason", "is empty", "say why the box is opened");
            UserInput.Require(person.Length > 0, "--who", "is empty", "name who opens the box");
            UserInput.Require(!why.Contains('\n', StringComparison.Ordinal), "--reason", "spans several lines", "give one line");
            UserInput.Require(Directory.Exists(dir), "--analysis", $"'{dir}' is not a directory", "give the --out directory of `emiss analyze`");
            AnalysisRecord record = UserInput.Resolve("--analysis", () => AnalysisRecord.Read(dir));
            string command = "emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value));
            return AnalysisOutputs.Guard("--analysis", () =>
            {
                BlindDataSet set = UserInput.Resolve("--analysis", () => BlindDataSet.OpenAsync(record.DataDirectory, dir).GetAwaiter().GetResult());
                try
                {
                    UnblindingEntry entry = set.Unblind(record.Cuts, why, person, DateTimeOffset.UtcNow);
                    CutFlowResult result = UserInput.Resolve("--analysis", () => set.CutFlowAsync(record.Cuts).GetAwaiter().GetResult());
                    var provenance = AnalysisOutputs.Provenance(command, record.Cuts, set);
                    AnalysisOutputs.Write(dir, record.DataDirectory, set, record.Cuts, result, provenance);
                    Console.Out.WriteLine($"unblinded: {UnblindingLedger.FileName} line {entry.Sequence} ({entry.Utc}, {entry.Who}), cuts {entry.CutsSha256}");
                    AnalysisOutputs.Print(result, dir);
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

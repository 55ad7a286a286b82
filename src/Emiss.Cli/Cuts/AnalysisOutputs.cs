using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Reporting.Tables;
using Spectre.Console;

namespace Emiss.Cli.Cuts;

/// <summary>The files of an analysis directory (<c>cutflow.csv</c>, <c>regions.csv</c>, <c>analysis.json</c>) and the
/// console summary shared by <c>emiss analyze</c> and <c>emiss unblind</c>.</summary>
internal static class AnalysisOutputs
{
    /// <summary>Columns of cutflow.csv.</summary>
    public static readonly string[] CutFlowColumns = ["run", "sample", "source", "cut", "events", "weighted_events", "efficiency", "cumulative_efficiency"];

    /// <summary>Columns of regions.csv.</summary>
    public static readonly string[] RegionColumns = ["run", "sample", "source", "region", "events", "weighted_events"];

    /// <summary>Provenance of an analysis output.</summary>
    public static Provenance Provenance(string command, SelectionCuts cuts, BlindDataSet data) =>
        new Provenance(command, null, CutsFingerprint.Canonical(cuts)).WithNotes(
            $"cuts sha256: {CutsFingerprint.Sha256(cuts)}",
            $"data sha256: {data.DataSha256}",
            data.IsBlind
                ? $"blind: every count excludes E_ECAL < {BlindingRegion.EcalMaxGeV:R} GeV and E_HCAL < {BlindingRegion.HcalMaxGeV:R} GeV; no signal-box row"
                : $"unblinded: {UnblindingLedger.FileName} line {data.Unblinding!.Sequence} ({data.Unblinding.Utc}, {data.Unblinding.Who}): counts include the signal box",
            OptimisationPartition.Description);

    /// <summary>Writes cutflow.csv, regions.csv and analysis.json into <paramref name="outDir"/>.</summary>
    public static void Write(string outDir, string dataDir, SelectionCuts cuts, CutFlowResult result, Provenance provenance)
    {
        Directory.CreateDirectory(outDir);
        CsvTableWriter.Write(Path.Combine(outDir, "cutflow.csv"), provenance, CutFlowColumns,
            result.Rows.Select(r => (IReadOnlyList<object?>)[r.Run, r.Sample, r.Source, r.Cut, r.Events, r.WeightedEvents, r.Efficiency, r.CumulativeEfficiency]));
        CsvTableWriter.Write(Path.Combine(outDir, "regions.csv"), provenance, RegionColumns,
            result.Regions.Select(r => (IReadOnlyList<object?>)[r.Run, r.Sample, r.Source, r.Region, r.Events, r.WeightedEvents]));
        new AnalysisRecord(Path.GetFullPath(dataDir), cuts).Write(outDir);
    }

    /// <summary>Prints the cut flow (all sources) and region counts.</summary>
    public static void Print(CutFlowResult result, string outDir)
    {
        var table = new Table().AddColumn("run").AddColumn("sample").AddColumn("cut").AddColumn(new TableColumn("events").RightAligned())
            .AddColumn(new TableColumn("efficiency").RightAligned());
        foreach (CutFlowRow r in result.Rows.Where(r => r.Source == "all"))
            table.AddRow(r.Run.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Sample), r.Cut, r.Events.ToString(CultureInfo.InvariantCulture),
                r.Efficiency.ToString("F4", CultureInfo.InvariantCulture));
        foreach (RegionCount r in result.Regions.Where(r => r.Source == "all"))
            table.AddRow(r.Run.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Sample), r.Region, r.Events.ToString(CultureInfo.InvariantCulture), "");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(result.SignalBoxIncluded
            ? "[yellow]unblinded[/]: counts include the signal box"
            : "[grey]blind: counts exclude the signal box region; `emiss unblind` opens it[/]");
        AnsiConsole.MarkupLine($"output: {Markup.Escape(Path.GetFullPath(outDir))}");
    }

    /// <summary>Runs <paramref name="action"/>, turning a blinding refusal into a user error on <paramref name="field"/>.</summary>
    public static T Guard<T>(string field, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (BlindingException e)
        {
            throw new UserInputException($"{field}: {e.Message}", e);
        }
    }
}

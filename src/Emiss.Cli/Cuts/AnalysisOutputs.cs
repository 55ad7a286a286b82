using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Events;
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

    /// <summary>Writes cutflow.csv, regions.csv and analysis.json into <paramref name="outDir"/>, and the box-event list
    /// once <paramref name="data"/> is unblinded (<see cref="WriteBoxEvents"/>), so no caller can leave one without the
    /// other.</summary>
    public static void Write(string outDir, string dataDir, BlindDataSet data, SelectionCuts cuts, CutFlowResult result, Provenance provenance)
    {
        CsvTableWriter.Write(Path.Combine(outDir, "cutflow.csv"), provenance, CutFlowColumns,
            result.Rows.Select(r => (IReadOnlyList<object?>)[r.Run, r.Sample, r.Source, r.Cut, r.Events, r.WeightedEvents, r.Efficiency, r.CumulativeEfficiency]));
        CsvTableWriter.Write(Path.Combine(outDir, "regions.csv"), provenance, RegionColumns,
            result.Regions.Select(r => (IReadOnlyList<object?>)[r.Run, r.Sample, r.Source, r.Region, r.Events, r.WeightedEvents]));
        new AnalysisRecord(Path.GetFullPath(dataDir), cuts).Write(outDir);
        WriteBoxEvents(outDir, data, cuts, provenance);
    }

    /// <summary>Name of the box-event list.</summary>
    public const string BoxEventsFile = "box-events.csv";

    /// <summary>Columns of box-events.csv.</summary>
    public static readonly string[] BoxEventColumns =
        ["run", "sample", "event", "ecal_gev", "hcal_gev", "srd_mev", "track_momentum_gev", "track_theta_mrad", "v2_mev", "weight", "true_process"];

    /// <summary>Writes <see cref="BoxEventsFile"/> into <paramref name="outDir"/> once <paramref name="data"/> is unblinded;
    /// while blind, removes a stale one (a ledger deleted by hand reads as blind again) and writes nothing.
    /// Returns the file written, or null.</summary>
    public static string? WriteBoxEvents(string outDir, BlindDataSet data, SelectionCuts cuts, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(data);
        string path = Path.Combine(outDir, BoxEventsFile);
        if (data.IsBlind)
        {
            File.Delete(path);
            return null;
        }
        IReadOnlyList<BoxEvent> events = data.BoxEventsAsync(cuts).GetAwaiter().GetResult();
        CsvTableWriter.Write(path, provenance.WithNotes(
            "box events: every event passing cuts (i)–(iv) inside the signal box, in file and row order; true_process (Emiss.Events.TrueProcess name) " +
            "only for event files written by an Emiss generator (pseudo-data, simulation), empty for data"), BoxEventColumns,
            events.Select(e => (IReadOnlyList<object?>)[e.Run, e.Sample, e.Event, e.EcalGeV, e.HcalGeV, e.SrdMeV, e.TrackMomentumGeV, e.TrackThetaMrad, e.V2MeV, e.Weight,
                                                       e.TrueProcess is int code ? TrueProcessNames.Of(code) : null]));
        return path;
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

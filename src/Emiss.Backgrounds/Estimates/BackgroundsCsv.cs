using Emiss.Backgrounds.Sources;
using System.Globalization;
using System.Text;
using Emiss.Backgrounds.PseudoData;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// <c>backgrounds.csv</c> (<c>run,source,expected_events,stat_err,syst_err</c>, then <c>table_row,generated,in_region,upper_limit_90</c>;
/// one row per run and source, a <c>total</c> row per run and an <c>all</c> run summing the runs) and <c>table1.csv</c>
/// (the seed's Table I rows beside ours: <c>table_row,seed_events,seed_is_upper_bound,emiss_events,stat_err,syst_err,ratio,note</c>).
/// Statistical errors add in quadrature; systematic errors add linearly (sources share inputs such as the SRD
/// knock-on probability, so they are treated as fully correlated — conservative).
/// </summary>
public static class BackgroundsCsv
{
    /// <summary>Formats <c>backgrounds.csv</c>.</summary>
    public static string Format(IReadOnlyList<SourceEstimate> estimates, PseudoDataRequest request)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(request);
        var sb = new StringBuilder(request.Provenance.ToCommentBlock());
        sb.Append("# region: the signal box after every cut of the selection (E_ECAL < ").Append(F(request.Cuts.Regions.EcalMaxGeV))
          .Append(" GeV, E_HCAL < ").Append(F(request.Cuts.Regions.HcalMaxGeV)).Append(" GeV)\n");
        estimates = [.. estimates.Where(e => e.Region == EstimateRegion.Names[EstimateRegion.SignalBox])];
        sb.Append("# method 1: biased Monte Carlo per source, exact importance weights; expected events for each run's EOT\n");
        sb.Append("# upper_limit_90: when no simulated event reached the region, 2.303 x (weight per event); else empty\n");
        sb.Append("run,source,expected_events,stat_err,syst_err,table_row,generated,in_region,upper_limit_90\n");
        foreach (var group in estimates.GroupBy(e => e.Run))
        {
            foreach (SourceEstimate e in group) Row(sb, e);
            Row(sb, Sum(group.Key, "total", group.ToList()));
        }
        foreach (var bySource in estimates.GroupBy(e => e.Source))
            Row(sb, Sum("all", bySource.Key, bySource.ToList()));
        Row(sb, Sum("all", "total", estimates));
        return sb.ToString();
    }

    /// <summary>Formats <c>table1.csv</c>: every seed row with our sum over its sources and both runs.
    /// <paramref name="triggerClosed"/> names the sources whose kinematics close the physics trigger in every run, with the
    /// reason (<see cref="IBackgroundSource.TriggerClosedReason"/>): a row made only of them says so instead of pointing
    /// to the sample's upper bound.</summary>
    public static string FormatTableI(IReadOnlyList<SourceEstimate> estimates, PseudoDataRequest request,
                                      IReadOnlyDictionary<string, string>? triggerClosed = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(request);
        estimates = [.. estimates.Where(e => e.Region == EstimateRegion.Names[EstimateRegion.SignalBox])];
        var sb = new StringBuilder(request.Provenance.ToCommentBlock());
        sb.Append("# seed: NA64, PRL 118, 011802 (2017), Table I, 2.75e9 EOT; Emiss: sum over the runs of backgrounds.csv\n");
        sb.Append("table_row,seed_events,seed_is_upper_bound,emiss_events,stat_err,syst_err,ratio,note\n");
        foreach (SeedTableI.Row row in SeedTableI.Rows)
        {
            var mine = estimates.Where(e => row.Sources.Contains(e.Source)).ToList();
            string note;
            if (mine.Count == 0) note = "no Emiss source models this row yet";
            else if (mine.All(e => e.InRegion == 0))
            {
                var closed = mine.Select(e => e.Source).Distinct().Where(n => triggerClosed?.ContainsKey(n) == true).ToList();
                var sampled = mine.Select(e => e.Source).Distinct().Except(closed).ToList();
                string bound = "no simulated event reached the box: Emiss gives only the 90% CL bound in backgrounds.csv";
                note = closed.Count == 0 ? bound
                    : string.Join("; ", closed.Select(n => $"{n}: 0 by kinematics: {triggerClosed![n]}")
                        .Concat(sampled.Count == 0 ? [] : [$"{string.Join(" + ", sampled)}: {bound}"]));
            }
            else
            {
                note = "sources: " + string.Join(" + ", mine.Select(e => e.Source).Distinct());
                // A source of the row with no simulated box event in any run adds nothing to the sum, but its sample only
                // bounds it: say how far, or why it is zero by kinematics, so the row's number does not hide it.
                foreach (var empty in mine.GroupBy(e => e.Source).Where(g => g.All(e => e.InRegion == 0)))
                    note += triggerClosed?.ContainsKey(empty.Key) == true
                        ? $"; {empty.Key}: 0 by kinematics"
                        : $"; {empty.Key}: no simulated event reached the box, 90% CL bound {string.Join(" + ", empty.Select(e => F(e.UpperLimit90)))} events";
            }
            if (mine.Count > 0) note += "; why: " + row.Why;
            SourceEstimate s = Sum("all", row.Text, mine);
            string ratio = mine.Count > 0 && row.Events > 0 ? F(s.ExpectedEvents / row.Events) : "";
            sb.Append(Csv(row.Text)).Append(',').Append(F(row.Events)).Append(',').Append(row.IsUpperBound ? "true" : "false").Append(',')
              .Append(mine.Count > 0 ? F(s.ExpectedEvents) : "").Append(',').Append(mine.Count > 0 ? F(s.StatError) : "").Append(',')
              .Append(mine.Count > 0 ? F(s.SystError) : "").Append(',').Append(ratio).Append(',').Append(Csv(note)).Append('\n');
        }
        SourceEstimate all = Sum("all", "total", estimates);
        sb.Append("Total,").Append(F(SeedTableI.Total)).Append(",false,").Append(F(all.ExpectedEvents)).Append(',').Append(F(all.StatError))
          .Append(',').Append(F(all.SystError)).Append(',').Append(F(all.ExpectedEvents / SeedTableI.Total)).Append(",seed: 0.15 ± 0.03 (stat) ± 0.06 (syst)\n");
        return sb.ToString();
    }

    /// <summary>Formats <c>background-regions.csv</c>: every source's prediction in every region (method 1 for the
    /// sidebands, to compare with the sideband data).</summary>
    public static string FormatRegions(IReadOnlyList<SourceEstimate> estimates, PseudoDataRequest request)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(request);
        var sb = new StringBuilder(request.Provenance.ToCommentBlock());
        sb.Append("run,region,source,expected_events,stat_err,syst_err,generated,in_region\n");
        foreach (SourceEstimate e in estimates)
            sb.Append(Csv(e.Run)).Append(',').Append(e.Region).Append(',').Append(Csv(e.Source)).Append(',').Append(F(e.ExpectedEvents)).Append(',')
              .Append(F(e.StatError)).Append(',').Append(F(e.SystError)).Append(',').Append(e.Generated.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(e.InRegion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Columns of <c>cutflow-mc.csv</c>.</summary>
    public const string CutFlowHeader = "run,run_number,source,cut,simulated,expected_events";

    /// <summary><c>cutflow-mc.csv</c>: each source's method-1 cut flow, the events expected in each run's data after each
    /// stage (Σ w of the biased sample) beside the simulated events behind them.</summary>
    public static string FormatCutFlow(IReadOnlyList<SourceCutFlow> rows, PseudoDataRequest request)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        var sb = new StringBuilder(request.Provenance.ToCommentBlock());
        sb.Append("# method-1 cut flow per source: expected_events = events expected in the run's data after the stage (outside and inside the signal box; this is Monte Carlo, not data)\n");
        sb.Append(CutFlowHeader).Append('\n');
        foreach (SourceCutFlow r in rows)
            sb.Append(Csv(r.Run)).Append(',').Append(r.RunNumber.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv(r.Source)).Append(',')
              .Append(CutNames.Of(r.Stage)).Append(',').Append(r.Simulated.ToString(CultureInfo.InvariantCulture)).Append(',').Append(F(r.ExpectedEvents)).Append('\n');
        return sb.ToString();
    }

    private static SourceEstimate Sum(string run, string source, IReadOnlyList<SourceEstimate> parts) =>
        new(run, parts.Count > 0 ? parts[0].Region : "", source, "", parts.Sum(p => p.ExpectedEvents), Math.Sqrt(parts.Sum(p => p.StatError * p.StatError)),
            parts.Sum(p => p.SystError), parts.Sum(p => p.Generated), parts.Sum(p => p.InRegion), double.NaN);

    private static void Row(StringBuilder sb, SourceEstimate e) =>
        sb.Append(Csv(e.Run)).Append(',').Append(Csv(e.Source)).Append(',').Append(F(e.ExpectedEvents)).Append(',').Append(F(e.StatError)).Append(',')
          .Append(F(e.SystError)).Append(',').Append(Csv(e.TableRow)).Append(',').Append(e.Generated.ToString(CultureInfo.InvariantCulture)).Append(',')
          .Append(e.InRegion.ToString(CultureInfo.InvariantCulture)).Append(',').Append(double.IsNaN(e.UpperLimit90) ? "" : F(e.UpperLimit90)).Append('\n');

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}

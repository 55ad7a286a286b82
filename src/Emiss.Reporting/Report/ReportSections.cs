using System.Globalization;
using System.Text;
using Emiss.Core.IO;
using static Emiss.Reporting.Report.Html;

namespace Emiss.Reporting.Report;

/// <summary>The sections of <see cref="HtmlReportWriter"/>; the data-key of every number is documented in docs/physics/formats.md#html-report.</summary>
internal static class ReportSections
{
    public static void Summary(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"summary\"><h2>Runs and signal box</h2>\n<table>");
        Header(sb, "run", "electrons on target", "expected background", "observed");
        sb.Append("<tbody>\n");
        foreach (RunSummary run in r.Runs)
        {
            sb.Append("<tr>");
            Text(sb, run.Name);
            Cell(sb, $"run/{run.Name}/eot", run.ElectronsOnTarget);
            Cell(sb, $"run/{run.Name}/background", r.BackgroundOf(run.Name));
            Cell(sb, $"run/{run.Name}/observed", r.ObservedOf(run.Name));
            sb.Append("</tr>\n");
        }
        sb.Append("<tr><th>total</th>");
        Cell(sb, "total/eot", r.Runs.Sum(x => x.ElectronsOnTarget));
        Cell(sb, "total/background", r.Runs.Sum(x => r.BackgroundOf(x.Name)));
        Cell(sb, "total/observed", r.Runs.Sum(x => r.ObservedOf(x.Name)));
        sb.Append("</tr>\n</tbody></table>\n<p>Systematics: signal yield ");
        Span(sb, "systematics/signal-yield", r.Systematics.SignalYieldRelative);
        sb.Append(" (relative), EOT ");
        Span(sb, "systematics/eot", r.Systematics.EotRelative);
        sb.Append(" (relative).</p></section>\n");
    }

    public static void Plane(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"plane\"><h2>Events in the (E<sub>ECAL</sub>, E<sub>HCAL</sub>) plane</h2>\n");
        if (r.Plane is { } plane)
        {
            EnergyRegion box = plane.SignalBox;
            string regions = $"the signal box ({Shown(box.EcalMinGeV)}–{Shown(box.EcalMaxGeV)} GeV × {Shown(box.HcalMinGeV)}–{Shown(box.HcalMaxGeV)} GeV, drawn to scale) " +
                             $"and the sidebands {string.Join(", ", plane.Sidebands.Select(s => s.Name))} used to extrapolate into it";
            Figure(sb, "fig-plane", ReportFigures.EnergyPlane(plane),
                $"As the seed's Fig. 2, left: events after the loose SRD cut, with {regions}. Only events outside the blinded region are ever streamed from the data, so the box is empty here by construction.");
            Figure(sb, "fig-plane-after", ReportFigures.EnergyPlaneAfterCuts(plane),
                $"As the seed's Fig. 2, right: events after all cuts, with {regions}; E_HCAL is zoomed so the box is visible. The box's events are counted after unblinding (observed.csv), not drawn.");
            if (plane.RegionIIFraction is { } f2 && plane.RegionIIIFraction is { } f3)
            {
                sb.Append("<p>After the loose SRD cut (fig2-populations.csv): ");
                Span(sb, "plane/region-ii", f2);
                sb.Append(" of the events in region II (E<sub>ECAL</sub> + E<sub>HCAL</sub> within 20 % of the beam energy: hadron electroproduction), ");
                Span(sb, "plane/region-iii", f3);
                sb.Append(" in region III (above it: pile-up; the seed: \"a few 10<sup>−2</sup>\").</p>\n");
            }
            sb.Append("<p>Events after all cuts outside the signal box: ");
            Span(sb, "plane/after-cuts", plane.EcalAfterGeV.Length);
            if (plane.BoxObserved is { } n)
            {
                sb.Append("; in the signal box after unblinding: ");
                Span(sb, "plane/box-observed", n);
            }
            else
            {
                sb.Append("; the signal box is blind");
            }
            sb.Append(".</p>\n");
        }
        else
        {
            sb.Append("<p class=\"note\">No energy-plane sample was given to the report.</p>\n");
        }
        sb.Append("</section>\n");
    }

    public static void CutFlow(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"cutflow\"><h2>Cut flow</h2>\n<table>");
        Header(sb, "run", "sample", "cut", "events", "efficiency");
        sb.Append("<tbody>\n");
        foreach (CutFlowRow c in r.CutFlow)
        {
            sb.Append("<tr>");
            Text(sb, c.Run);
            Text(sb, c.Sample);
            Text(sb, c.Cut);
            Cell(sb, $"cutflow/{c.Run}/{c.Sample}/{c.Cut}/events", c.Events);
            Cell(sb, $"cutflow/{c.Run}/{c.Sample}/{c.Cut}/efficiency", c.Efficiency);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
        if (r.CutFlow.Any(c => c.Events > 0))
            Figure(sb, "fig-cutflow", ReportFigures.CutFlow(r.CutFlow),
                "Events after each cut, per run and sample (cutflow.csv; data solid, simulation weighted to the run's EOT dashed; a count of 0 has no place on the log scale and is not drawn).");
        sb.Append("</section>\n");
    }

    public static void Backgrounds(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"backgrounds\"><h2>Backgrounds in the signal box</h2>\n<table>");
        Header(sb, "run", "source", "expected", "stat.", "syst.");
        sb.Append("<tbody>\n");
        foreach (BackgroundEstimate b in r.Backgrounds)
        {
            sb.Append("<tr>");
            Text(sb, b.Run);
            Text(sb, b.Source);
            Cell(sb, $"background/{b.Run}/{b.Source}/expected", b.Expected);
            Cell(sb, $"background/{b.Run}/{b.Source}/stat", b.StatError);
            Cell(sb, $"background/{b.Run}/{b.Source}/syst", b.SystError);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");

        double eot = r.Runs.Sum(x => x.ElectronsOnTarget);
        double scale = SeedTableOne.ElectronsOnTarget / eot;
        sb.Append("<h3>Table I: ours versus the seed's</h3>\n<p>Ours summed over the runs and scaled to the seed's 2.75·10⁹ EOT by the factor ");
        Span(sb, "tableI/scale", scale);
        sb.Append(" (our EOT: ");
        Span(sb, "tableI/eot", eot);
        sb.Append("). Where the seed gives a bound (&lt; x), the ratio is ours / x.</p>\n<table>");
        bool notes = r.TableINotes.Count > 0;
        if (notes) Header(sb, "source (seed's Table I)", "ours", "seed", "ours / seed", "note");
        else Header(sb, "source (seed's Table I)", "ours", "seed", "ours / seed");
        sb.Append("<tbody>\n");
        foreach (SeedBackgroundRow row in SeedTableOne.Rows)
        {
            double ours = scale * r.Backgrounds.Where(b => b.SeedRow == row.Row).Sum(b => b.Expected);
            sb.Append("<tr>");
            Text(sb, row.Text);
            Cell(sb, $"tableI/{row.Row}/ours", ours);
            sb.Append("<td class=\"num\" data-key=\"tableI/").Append(row.Row).Append("/seed\" data-value=\"").Append(Exact(row.Events)).Append("\">")
              .Append(row.IsUpperBound ? "&lt; " : "").Append(Escape(Shown(row.Events))).Append("</td>");
            Cell(sb, $"tableI/{row.Row}/ratio", ours / row.Events);
            if (notes) Text(sb, r.TableINotes.TryGetValue(row.Row, out string? note) ? note : "");
            sb.Append("</tr>\n");
        }
        if (r.Backgrounds.Any(b => b.SeedRow == SeedTableRow.NotInSeed))
        {
            sb.Append("<tr>");
            Text(sb, "sources not in the seed's table: " + string.Join(", ", r.Backgrounds.Where(b => b.SeedRow == SeedTableRow.NotInSeed).Select(b => b.Source).Distinct()));
            Cell(sb, "tableI/NotInSeed/ours", scale * r.Backgrounds.Where(b => b.SeedRow == SeedTableRow.NotInSeed).Sum(b => b.Expected));
            sb.Append(notes ? "<td>—</td><td>—</td><td></td></tr>\n" : "<td>—</td><td>—</td></tr>\n");
        }
        double total = scale * r.Backgrounds.Sum(b => b.Expected);
        sb.Append("<tr><th>total</th>");
        Cell(sb, "tableI/total/ours", total);
        Cell(sb, "tableI/total/seed", SeedTableOne.Total);
        Cell(sb, "tableI/total/ratio", total / SeedTableOne.Total);
        if (notes) Text(sb, "");
        sb.Append("</tr>\n</tbody></table></section>\n");
    }

    public static void Efficiencies(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"efficiency\"><h2>Signal efficiency</h2>\n");
        string[] factors = r.Efficiencies.SelectMany(e => e.Factors.Select(f => f.Name)).Distinct(StringComparer.Ordinal).ToArray();
        sb.Append("<table>");
        Header(sb, ["run", "m(A′) [MeV]", .. factors, "overall"]);
        sb.Append("<tbody>\n");
        foreach (EfficiencyRow e in r.Efficiencies)
        {
            string m = Exact(e.MassMeV);
            sb.Append("<tr>");
            Text(sb, e.Run);
            Cell(sb, $"efficiency/{e.Run}/{m}/mass", e.MassMeV);
            foreach (string f in factors)
            {
                if (e.Factors.FirstOrDefault(x => x.Name == f) is { } factor) Cell(sb, $"efficiency/{e.Run}/{m}/{f}", factor.Value);
                else sb.Append("<td>—</td>");
            }
            Cell(sb, $"efficiency/{e.Run}/{m}/overall", e.Overall);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
        if (r.Efficiencies.Count > 0)
            Figure(sb, "fig-efficiency", ReportFigures.Efficiency(r.Efficiencies), "Overall signal efficiency (product of the factors) versus the A′ mass, per run.");
        sb.Append("</section>\n");
    }

    public static void Limit(StringBuilder sb, AnalysisResult r)
    {
        sb.Append("<section id=\"limit\"><h2>Upper limit on ε (90 % CL), ").Append(Escape(r.Mediator)).Append(" mediator</h2>\n");
        if (ReportFigures.IsDrawable(r.Limit))
            Figure(sb, "fig-exclusion", ReportFigures.Exclusion(r), ExclusionCaption(r.FavouredBand, r.Comparisons, r.LimitCaption));
        Statement(sb, r.Mediator, "", r.GMinus2);
        LimitTable(sb, "limit", r.Limit);
        sb.Append("</section>\n");
        foreach (MediatorLimit m in r.OtherMediators)
        {
            sb.Append("<section id=\"limit-").Append(Escape(m.Mediator)).Append("\"><h2>Upper limit on ε (90 % CL), ").Append(Escape(m.Mediator)).Append(" mediator</h2>\n");
            if (ReportFigures.IsDrawable(m.Limit))
                Figure(sb, "fig-exclusion-" + m.Mediator, ReportFigures.Exclusion(m), ExclusionCaption(m.FavouredBand, m.Comparisons, m.Caption));
            Statement(sb, m.Mediator, "-" + m.Mediator, m.GMinus2);
            LimitTable(sb, "limit-" + m.Mediator, m.Limit);
            sb.Append("</section>\n");
        }
    }

    private static string ExclusionCaption(Plots.CouplingBand? band, IReadOnlyList<Plots.ComparisonCurve> comparisons, string? inputs) =>
        "As the seed's exclusion plot: the region above the observed limit (this analysis) is excluded at 90 % CL; expected limit with ±1σ/±2σ bands"
        + (band is { } b ? $"; the (g−2)_μ favoured band, {b.Label}: the couplings whose one-loop contribution to a_μ (Leveille, Nucl. Phys. B137 (1978) 63; Pospelov, PRD 80, 095002 (2009)) equals Δa_μ ± 2σ" : "")
        + (comparisons.Count > 0 ? "; " + string.Join("; ", comparisons.Select(c => c.Label)) : "")
        + (inputs is { Length: > 0 } ? $". Inputs and yield: {inputs.Replace('\n', ' ')}" : "") + ".";

    /// <summary>The seed's g−2 statement checked on the curve: the sentence exactly as the limit's CSV records it, and the mass.</summary>
    private static void Statement(StringBuilder sb, string mediator, string idSuffix, GMinus2Statement? statement)
    {
        if (statement is null) return;
        sb.Append("<p id=\"gm2-statement").Append(Escape(idSuffix)).Append("\">The seed's statement (the A′ explanation of the muon g−2 anomaly is excluded for m<sub>A′</sub> ≲ 100 MeV), checked on this curve: <span id=\"gm2-text")
          .Append(Escape(idSuffix)).Append("\">").Append(Escape(statement.Text)).Append("</span>");
        if (statement.ExcludedUpToMeV is { } m)
        {
            sb.Append(". The band is excluded at every scanned mass up to ");
            Span(sb, $"gm2/{mediator}/excluded-up-to", m);
            sb.Append(" MeV");
        }
        sb.Append('.');
        if (statement.EraText is { } era)
        {
            // The yield approximation of the seed's era (docs/physics/statistics.md#chronology): how much of the gap to its
            // "≲ 100 MeV" the approximation makes, with every other input unchanged.
            sb.Append(" With the improved Weizsäcker–Williams yield of the seed's era and the same inputs: <span id=\"gm2-era")
              .Append(Escape(idSuffix)).Append("\">").Append(Escape(era)).Append("</span>");
            if (statement.EraExcludedUpToMeV is { } me)
            {
                sb.Append(" (up to ");
                Span(sb, $"gm2/{mediator}/excluded-up-to-iww", me);
                sb.Append(" MeV)");
            }
            sb.Append('.');
        }
        sb.Append("</p>\n");
    }

    internal static void LimitTable(StringBuilder sb, string prefix, IReadOnlyList<LimitRow> rows, string? massHeader = null, string? valueHeader = null)
    {
        sb.Append("<table>");
        Header(sb, massHeader ?? "m(A′) [MeV]", valueHeader ?? "observed ε₉₀", "expected (median)", "−1σ", "+1σ", "−2σ", "+2σ");
        sb.Append("<tbody>\n");
        foreach (LimitRow l in rows)
        {
            string m = Exact(l.MassMeV);
            sb.Append("<tr>");
            Cell(sb, $"{prefix}/{m}/mass", l.MassMeV);
            Cell(sb, $"{prefix}/{m}/observed", l.Observed);
            Cell(sb, $"{prefix}/{m}/expected", l.ExpectedMedian);
            Cell(sb, $"{prefix}/{m}/minus1", l.ExpectedMinus1Sigma);
            Cell(sb, $"{prefix}/{m}/plus1", l.ExpectedPlus1Sigma);
            Cell(sb, $"{prefix}/{m}/minus2", l.ExpectedMinus2Sigma);
            Cell(sb, $"{prefix}/{m}/plus2", l.ExpectedPlus2Sigma);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    public static void ProvenanceSection(StringBuilder sb, AnalysisResult r, Provenance p)
    {
        sb.Append("<section id=\"provenance\"><h2>Provenance</h2>\n<dl>");
        Item(sb, "version", "Emiss version", p.Version);
        Item(sb, "commit", "git commit", p.GitCommit);
        Item(sb, "command", "command", p.Command);
        Item(sb, "seed", "seed", p.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none");
        Item(sb, "rng-scheme", "RNG scheme", p.RngScheme);
        sb.Append("</dl>\n<h3>Unblinding</h3>\n");
        if (r.Unblinding is { } u)
        {
            sb.Append("<dl>");
            Item(sb, "unblinding-who", "who", u.Who);
            Item(sb, "unblinding-when", "when (UTC)", u.WhenUtc);
            Item(sb, "unblinding-reason", "reason", u.Reason);
            Item(sb, "unblinding-hash", "hash of the frozen cuts", u.CutHash);
            sb.Append("</dl>\n");
        }
        else
        {
            sb.Append("<p id=\"unblinding-none\">The signal box has not been opened: the observed counts are not from an unblinded analysis.</p>\n");
        }
        foreach (string note in p.Notes) sb.Append("<p class=\"note\">").Append(Escape(note)).Append("</p>\n");
        sb.Append("<h3>Run card</h3>\n<pre id=\"run-card\">").Append(Escape(p.ResolvedRunCard)).Append("</pre>\n</section>\n");
    }

    private static void Item(StringBuilder sb, string id, string label, string value) =>
        sb.Append("<dt>").Append(Escape(label)).Append("</dt><dd id=\"").Append(id).Append("\">").Append(Escape(value)).Append("</dd>");

    private static void Span(StringBuilder sb, string key, double value) =>
        sb.Append("<span data-key=\"").Append(Escape(key)).Append("\" data-value=\"").Append(Exact(value)).Append("\">").Append(Escape(Shown(value))).Append("</span>");
}

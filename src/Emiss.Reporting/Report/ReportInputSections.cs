using System.Globalization;
using System.Text;
using static Emiss.Reporting.Report.Html;

namespace Emiss.Reporting.Report;

/// <summary>Report sections on how the counting inputs were derived: the EOT count and the signal-yield systematic
/// (data-keys in docs/physics/formats.md#html-report).</summary>
internal static class ReportInputSections
{
    public static void Exposure(StringBuilder sb, AnalysisResult r)
    {
        if (r.Exposure.Count == 0) return;
        sb.Append("<section id=\"exposure\"><h2>Electrons on target</h2>\n<p>Counted as the seed counts them: reference events ")
          .Append("(random beam triggers, prescaled) corrected for the prescale, the dead time and the electron identification; ")
          .Append("the live part normalises the limit. The true EOT is known only because the data are simulated.</p>\n<table>");
        Header(sb, "run", "counted EOT", "stat. error", "live EOT", "true EOT", "pull");
        sb.Append("<tbody>\n");
        foreach (ExposureCount e in r.Exposure)
        {
            sb.Append("<tr>");
            Text(sb, e.Run);
            Cell(sb, $"eot/{e.Run}/counted", e.CountedEot);
            Cell(sb, $"eot/{e.Run}/stat", e.StatError);
            Cell(sb, $"eot/{e.Run}/live", e.LiveEot);
            Cell(sb, $"eot/{e.Run}/true", e.TrueEot);
            Cell(sb, $"eot/{e.Run}/pull", e.Pull);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></section>\n");
    }

    public static void YieldSystematic(StringBuilder sb, AnalysisResult r)
    {
        if (r.YieldSystematicComponents.Count == 0) return;
        sb.Append("<section id=\"yield-systematic\"><h2>Signal-yield systematic</h2>\n<table>");
        Header(sb, "component", "relative", "definition");
        sb.Append("<tbody>\n");
        foreach (SystematicComponent c in r.YieldSystematicComponents)
        {
            sb.Append("<tr>");
            Text(sb, c.Name);
            Cell(sb, $"yield-systematic/{c.Name}", c.Value);
            Text(sb, c.Definition);
            sb.Append("</tr>\n");
        }
        sb.Append("<tr><th>total (quadrature)</th>");
        Cell(sb, "yield-systematic/total", Math.Sqrt(r.YieldSystematicComponents.Sum(c => c.Value * c.Value)));
        sb.Append("<td>").Append(Escape(string.Create(CultureInfo.InvariantCulture,
            $"used by the limit: {r.Systematics.SignalYieldRelative:G4}; the seed combined ≈ 19 %"))).Append("</td></tr>\n</tbody></table></section>\n");
    }
}

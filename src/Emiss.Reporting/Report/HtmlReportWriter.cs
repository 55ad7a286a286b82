using System.Text;
using Emiss.Core.IO;

namespace Emiss.Reporting.Report;

/// <summary>
/// The self-contained HTML report of an analysis (docs/physics/formats.md#html-report): no external URL, CSS inline,
/// figures inline as SVG data URIs; sections: summary, the (E_ECAL, E_HCAL) plane before and after the cuts (seed's
/// Fig. 2), cut flow, backgrounds with the seed's Table I and ratios, efficiencies, the limit with its exclusion plot
/// and the seed's g−2 statement checked on it, the same for each further mediator, the mediator comparison, the dark-matter plane, provenance with the unblinding entry. Written atomically; the provenance is both shown and kept as a comment at the top.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>File name of the report.</summary>
    public const string FileName = "report.html";

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/> atomically.</summary>
    public static string Write(string directory, AnalysisResult result, Provenance provenance)
    {
        string path = Path.Combine(directory, FileName);
        AtomicFile.WriteText(path, Format(result, provenance));
        return path;
    }

    /// <summary>The report's HTML text.</summary>
    public static string Format(AnalysisResult result, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        result.Validate();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<!--\n").Append(provenance.ToCommentBlock("  ").Replace("--", "- -", StringComparison.Ordinal)).Append("-->\n");
        sb.Append("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Html.Escape(result.Title)).Append("</title>\n<style>")
          .Append(Style).Append("</style></head>\n<body>\n<h1>").Append(Html.Escape(result.Title)).Append("</h1>\n");
        ReportSections.Summary(sb, result);
        ReportInputSections.Exposure(sb, result);
        ReportInputSections.YieldSystematic(sb, result);
        ReportSections.Plane(sb, result);
        ReportSections.CutFlow(sb, result);
        ReportSections.Backgrounds(sb, result);
        ReportSections.Efficiencies(sb, result);
        ReportSections.Limit(sb, result);
        ReportInterpretationSections.Mediators(sb, result);
        ReportInterpretationSections.DarkMatter(sb, result);
        ReportSections.ProvenanceSection(sb, result, provenance);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private const string Style =
        "body{font-family:sans-serif;max-width:1250px;margin:1em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:2px 8px}" +
        "th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}" +
        "figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{font-size:90%;color:#555}" +
        "pre{background:#f6f6f6;padding:.5em;overflow:auto}.note{color:#555;font-size:90%}";
}

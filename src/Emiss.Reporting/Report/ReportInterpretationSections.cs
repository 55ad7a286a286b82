using System.Globalization;
using System.Text;
using static Emiss.Reporting.Report.Html;

namespace Emiss.Reporting.Report;

/// <summary>The report's sections after the limits: the mediator comparison and the dark-matter plane (data-keys in docs/physics/formats.md#html-report).</summary>
internal static class ReportInterpretationSections
{
    public static void Mediators(StringBuilder sb, AnalysisResult r)
    {
        if (!InterpretationFigures.HasMediators(r)) return;
        sb.Append("<section id=\"mediators\"><h2>Limits of the four mediators</h2>\n");
        Figure(sb, "fig-mediators", InterpretationFigures.Svg(InterpretationFigures.Mediators(r)),
            "Observed 90 % CL limits on the coupling for each mediator (the tables above hold the numbers); the same counting model, " +
            "each mediator with its own production cross section and signal efficiency. The (g−2)_μ band is drawn only for the mediators " +
            "whose one-loop contribution to a_μ is positive (vector and scalar; Leveille, Nucl. Phys. B137 (1978) 63).");
        sb.Append("</section>\n");
    }

    public static void DarkMatter(StringBuilder sb, AnalysisResult r)
    {
        if (r.DarkMatter is not { } dm) return;
        sb.Append("<section id=\"dark-matter\"><h2>Dark-matter interpretation</h2>\n<p>For A′ → χχ̄ with m<sub>A′</sub> = ")
          .Append(Escape((1 / dm.ChiMassRatio).ToString("G3", CultureInfo.InvariantCulture))).Append(" m<sub>χ</sub> the vector limit bounds y = ε² α<sub>D</sub> (m<sub>χ</sub>/m<sub>A′</sub>)⁴ (Izaguirre, Krnjaic, Schuster, Toro, PRL 115, 251301 (2015)) at α<sub>D</sub> = ");
        sb.Append("<span data-key=\"dark-matter/alpha-d\" data-value=\"").Append(Exact(dm.AlphaDark)).Append("\">").Append(Escape(Shown(dm.AlphaDark))).Append("</span>.</p>\n");
        if (InterpretationFigures.HasDarkMatter(r))
            Figure(sb, "fig-dark-matter", InterpretationFigures.Svg(InterpretationFigures.DarkMatter(r)),
                "The vector limit in the (m_χ, y) plane with the thermal-relic targets for scalar, pseudo-Dirac and Majorana dark matter " +
                "(ESPP 2026 Quasi-elastic-DM data, P. Crivelli) and BaBar 2017 (PRL 119, 131804) scaled to this α_D; the region above the observed line is excluded.");
        ReportSections.LimitTable(sb, "dark-matter", dm.Rows, "m(χ) [MeV]", "observed y₉₀");
        sb.Append("</section>\n");
    }
}

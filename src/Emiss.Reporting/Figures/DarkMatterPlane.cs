using System.Globalization;
using Emiss.Reporting.References;

namespace Emiss.Reporting.Figures;

/// <summary>
/// The dark-matter plane y = ε² α_D (m_χ/m_A′)⁴ versus m_χ (docs/physics/projections.md#dark-matter-plane) shared by
/// <c>emiss limit</c>, <c>emiss reproduce</c> and <c>emiss project</c>: the caller's limits (already converted to y),
/// then BaBar 2017 scaled to α_D and the thermal-relic targets, each source cited in the caption on the plot.
/// </summary>
public static class DarkMatterPlane
{
    /// <summary>Abscissa title.</summary>
    public const string XLabel = "m_χ (MeV)";

    /// <summary>Where every reference curve comes from, as written on the plot.</summary>
    // Short enough to fit the one-column figure; the CSV notes and the docs carry the full citations
    // (DarkMatterReferences.RelicCitation, BabarCitation).
    public static string Citations => "relic lines: ESPP 2026 (Crivelli); BaBar: PRL 119, 131804";

    /// <summary>The figure: <paramref name="bands"/> and <paramref name="limits"/> (m_χ in MeV, y) first, then the references.</summary>
    /// <param name="bands">Excluded regions of the limits, drawn first.</param>
    /// <param name="limits">The limit curves in (m_χ, y); the axes are fitted to them and to the scalar relic line.</param>
    /// <param name="alphaDark">α_D of the conversion (the BaBar curve is scaled to it).</param>
    /// <param name="caption">Inputs of the limits; the citations are appended.</param>
    public static PublicationFigureData Build(IReadOnlyList<FigureBand> bands, IReadOnlyList<FigureLine> limits, double alphaDark, string caption)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Count == 0) throw new ArgumentException("the dark-matter plane needs at least one limit curve", nameof(limits));
        var lines = new List<FigureLine>(limits);
        EmbeddedCurve babar = DarkMatterReferences.BabarAt(alphaDark);
        lines.Add(new FigureLine("BaBar 2017", babar.X, babar.Y, OkabeIto.ReddishPurple, LineStyle.Dotted, LabelAt: 0.3));
        lines.Add(new FigureLine("scalar relic", DarkMatterReferences.ScalarRelic.X, DarkMatterReferences.ScalarRelic.Y, OkabeIto.Vermillion, LineStyle.Solid, 2f, LabelAt: 0.55));
        lines.Add(new FigureLine("pseudo-Dirac relic", DarkMatterReferences.PseudoDiracRelic.X, DarkMatterReferences.PseudoDiracRelic.Y, OkabeIto.Orange, LineStyle.Solid, 2f, LabelAt: 0.7));
        lines.Add(new FigureLine("Majorana relic", DarkMatterReferences.MajoranaRelic.X, DarkMatterReferences.MajoranaRelic.Y, OkabeIto.BluishGreen, LineStyle.Solid, 2f, LabelAt: 0.4));
        double[] x = limits.SelectMany(l => l.X).Where(v => v > 0 && double.IsFinite(v)).ToArray();
        double[] y = limits.SelectMany(l => l.Y).Concat(DarkMatterReferences.ScalarRelic.Y).Where(v => v > 0 && double.IsFinite(v)).ToArray();
        double yLo = Math.Pow(10, Math.Floor(Math.Log10(y.Min()))), yHi = Math.Pow(10, Math.Ceiling(Math.Log10(y.Max())));
        return new PublicationFigureData(XLabel, $"y = ε² α_D (m_χ/m_A′)⁴, α_D = {alphaDark.ToString("G3", CultureInfo.InvariantCulture)}", bands, lines,
            caption + "\n" + Citations, XRange: (x.Min(), x.Max()), YRange: (yLo, yHi));
    }
}

using System.Globalization;
using Emiss.Analysis.DarkMatter;
using Emiss.Analysis.Limits;
using Emiss.Analysis.Projections;
using Emiss.Physics.DarkProduction;
using Emiss.Reporting.Figures;
using Emiss.Reporting.References;

namespace Emiss.Cli.Commands;

/// <summary>The curves of the <c>emiss project</c> figures, taken from the projection points (presentation only).</summary>
internal static class ProjectFigures
{
    public const string MassAxis = "m_A′ (MeV)";

    /// <summary>The per-setting figure: median per exposure, ±1σ/±2σ at the largest, the reproduced 2016 exclusion, BaBar (vector), g−2 band where positive.</summary>
    public static PublicationFigureData Setting(ProjectionSetting s, IReadOnlyList<ProjectionPoint> pts, double[] eots, ExclusionScanResult reference, GMinus2Band band, string caption)
    {
        double[] m = Masses(pts, eots[0]);
        var bands = new List<FigureBand>
        {
            new("NA64 2016 excluded (reproduced)", m, reference.Points.Select(p => p.Eps90).ToArray(), null, OkabeIto.SkyBlue, 0.35),
        };
        if (band.Exists) bands.Add(new FigureBand("(g−2)μ ±2σ", m, band.Lower!, band.Upper!, OkabeIto.Vermillion, 0.35, LabelOnPlot: true));
        var last = pts.Where(p => p.ElectronsOnTarget == eots[^1]).ToArray();
        bands.Add(new FigureBand($"{Eot(eots[^1])} expected ±2σ", m, last.Select(p => p.Eps90.Minus2Sigma).ToArray(), last.Select(p => p.Eps90.Plus2Sigma).ToArray(), OkabeIto.Yellow, 0.55));
        bands.Add(new FigureBand($"{Eot(eots[^1])} expected ±1σ", m, last.Select(p => p.Eps90.Minus1Sigma).ToArray(), last.Select(p => p.Eps90.Plus1Sigma).ToArray(), OkabeIto.BluishGreen, 0.45));
        var lines = new List<FigureLine> { new("NA64 2016 (reproduced), excluded above", m, reference.Points.Select(p => p.Eps90).ToArray(), OkabeIto.Black, LabelAt: 0.02) };
        foreach (double eot in eots)
            lines.Add(new FigureLine(Eot(eot), m, pts.Where(p => p.ElectronsOnTarget == eot).Select(p => p.Eps90.Median).ToArray(), OkabeIto.Blue, LineStyle.Dashed, LabelAt: 0.02));
        if (s.Mediator == Mediator.Vector && BabarRange(m) is { } r)
        {
            var b = BabarInvisible2017.Curve(r.Min, r.Max);
            lines.Add(new FigureLine("BaBar 2017", b.MassMeV, b.Coupling, OkabeIto.ReddishPurple, LineStyle.Dotted, LabelAt: 0.45));
        }
        return new PublicationFigureData(MassAxis, "ε", bands, lines, caption);
    }

    /// <summary>Medians at the largest exposure for every mediator of one beam set-up.</summary>
    public static PublicationFigureData Mediators(IReadOnlyList<(ProjectionSetting Setting, ProjectionPoint[] Points)> perMediator, double eot, string caption) =>
        MediatorComparison.Build([.. perMediator.Select(x => (ModelNames.Word(x.Setting.Mediator), x.Points.Select(p => p.MassMeV).ToArray(), x.Points.Select(p => p.Eps90.Median).ToArray()))],
            [], $"expected ε₉₀ (median, {Eot(eot)})", caption);

    /// <summary>The dark-matter plane: projected y₉₀ per exposure, the reproduced 2016 limit, BaBar 2017 and the relic targets.</summary>
    public static PublicationFigureData DarkMatter(IReadOnlyList<ProjectionPoint> pts, double[] eots, ExclusionScanResult reference, double alphaDark, double ratio, string caption)
    {
        double[] mchi = Masses(pts, eots[0]).Select(x => DarkMatterCoupling.ChiMass(x, ratio)).ToArray();
        double[] y2016 = reference.Points.Select(p => DarkMatterCoupling.Y(p.Eps90, alphaDark, ratio)).ToArray();
        var lines = new List<FigureLine> { new("NA64 2016 (reproduced)", mchi, y2016, OkabeIto.Black, LabelAt: 0.02) };
        foreach (double eot in eots)
            lines.Add(new FigureLine(Eot(eot), mchi, pts.Where(p => p.ElectronsOnTarget == eot).Select(p => DarkMatterCoupling.Y(p.Eps90.Median, alphaDark, ratio)).ToArray(), OkabeIto.Blue, LineStyle.Dashed, LabelAt: 0.02));
        return DarkMatterPlane.Build([new FigureBand("NA64 2016 excluded (reproduced)", mchi, y2016, null, OkabeIto.SkyBlue, 0.35)], lines, alphaDark, caption);
    }

    /// <summary>e⁻ beam: the largest exposure's median with and without resonant annihilation of shower positrons.</summary>
    public static PublicationFigureData Annihilation(ProjectionPoint[] last, string caption)
    {
        double[] m = last.Select(p => p.MassMeV).ToArray();
        double[] with = last.Select(p => p.Eps90.Median).ToArray();
        // ε₉₀ ∝ n^(−1/2) at fixed exposure and count limit, so removing the annihilation part rescales by √(n/n_brem).
        double[] without = last.Select(p => p.Eps90.Median * Math.Sqrt(p.YieldPerEotEps1 / (p.YieldPerEotEps1 - p.AnnihilationPerEotEps1))).ToArray();
        int lo = Array.FindIndex(m, x => x >= 100), hi = Array.FindLastIndex(m, x => x <= 600);
        return new PublicationFigureData(MassAxis, $"expected ε₉₀ (median, {Eot(last[0].ElectronsOnTarget)})", [],
            [new("A′-strahlung + annihilation", m, with, OkabeIto.Blue), new("A′-strahlung only", m, without, OkabeIto.Orange, LineStyle.Dashed)],
            caption, XRange: lo >= 0 && hi > lo ? (m[lo], m[hi]) : null);
    }

    public static string Eot(double eot)
    {
        // 1e13 → "10¹³ EOT", 3e12 → "3×10¹² EOT".
        int e = (int)Math.Floor(Math.Log10(eot) + 1e-9);
        double mantissa = eot / Math.Pow(10, e);
        string power = Reporting.Plots.LogAxesLabel.Decade(e);
        return (Math.Abs(mantissa - 1) < 1e-9 ? power : mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "×" + power) + " EOT";
    }

    private static double[] Masses(IReadOnlyList<ProjectionPoint> pts, double eot) => pts.Where(p => p.ElectronsOnTarget == eot).Select(p => p.MassMeV).ToArray();

    private static (double Min, double Max)? BabarRange(double[] m)
    {
        double lo = Math.Max(m[0], BabarInvisible2017.MassMeV[0]), hi = Math.Min(m[^1], BabarInvisible2017.MassMeV[^1]);
        return hi > lo ? (lo, hi) : null;
    }
}

using System.Globalization;
using Emiss.Analysis.DarkMatter;
using Emiss.Analysis.Limits;
using Emiss.Core.IO;
using Emiss.Reporting.Figures;
using Emiss.Reporting.HepData;
using Emiss.Reporting.References;
using Emiss.Reporting.Report;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Commands;

/// <summary>
/// The dark-matter outputs of <c>emiss limit</c> and <c>emiss reproduce</c> (docs/physics/projections.md#dark-matter-plane):
/// a vector limit read as y = ε² α_D (m_χ/m_A′)⁴ at m_χ = m_A′/3 in <c>dark-matter.csv</c>; <c>limit</c> also writes the
/// figure <c>dark-matter-plane</c> and a HEPData submission, <c>reproduce</c> puts both into its report and <c>hepdata/</c>.
/// </summary>
internal static class DarkMatterOutputs
{
    public const string CsvFile = "dark-matter.csv";

    public const string FigureStem = "dark-matter-plane";

    /// <summary>dark-matter.csv columns.</summary>
    public static readonly string[] Columns =
        ["mA_MeV", "mchi_MeV", "eps90", "y90", "y90_exp_median", "y90_exp_minus1sigma", "y90_exp_plus1sigma", "y90_exp_minus2sigma", "y90_exp_plus2sigma"];

    /// <summary>The option <c>--alpha-d</c> (default 0.5; 0.1 is the other common choice).</summary>
    public static System.CommandLine.Option<double> AlphaOption() =>
        NumericOption.Real("--alpha-d", "Dark coupling α_D of the dark-matter plane y = ε² α_D (m_χ/m_A′)⁴ (0.5 or 0.1 are the common choices)", 0.5, Interval.LeftOpen(0, 10));

    /// <summary>Whether <paramref name="mediator"/> has a dark-matter plane: the relic targets and BaBar's curve assume a dark photon.</summary>
    public static bool Applies(string mediator) => mediator == "vector";

    /// <summary>The points of a vector limit in the dark-matter plane at m_χ/m_A′ = 1/3.</summary>
    public static IReadOnlyList<DarkMatterLimitPoint> Points(LimitResult vector, double alphaDark) => DarkMatterLimitPoint.From(vector.Scan.Points, alphaDark);

    /// <summary>The same points as the report's result model.</summary>
    public static DarkMatterLimit ForReport(IReadOnlyList<DarkMatterLimitPoint> points, double alphaDark) =>
        new(alphaDark, DarkMatterCoupling.DefaultChiMassRatio, [.. points.Select(p => new LimitRow(p.ChiMassMeV, p.Y90, p.Expected.Median,
            p.Expected.Minus1Sigma, p.Expected.Plus1Sigma, p.Expected.Minus2Sigma, p.Expected.Plus2Sigma))]);

    /// <summary>Writes <see cref="CsvFile"/> into <paramref name="dir"/>.</summary>
    public static void WriteCsv(string dir, IReadOnlyList<DarkMatterLimitPoint> points, double alphaDark, Provenance provenance) =>
        CsvTableWriter.Write(Path.Combine(dir, CsvFile), provenance.WithNotes(Note(alphaDark)), Columns, points.Select(p => (IReadOnlyList<object?>)
        [
            p.MassMeV, p.ChiMassMeV, p.Epsilon90, p.Y90, p.Expected.Median, p.Expected.Minus1Sigma, p.Expected.Plus1Sigma, p.Expected.Minus2Sigma, p.Expected.Plus2Sigma,
        ]));

    /// <summary>Every file <see cref="WriteForLimit"/> creates.</summary>
    public static readonly string[] LimitFileNames =
        [CsvFile, .. PublicationFigureFiles.NamesFor(FigureStem), HepDataSubmissionWriter.SubmissionFileName, "hepdata_dark_matter.yaml"];

    /// <summary><c>emiss limit</c>: dark-matter.csv, the figure and a HEPData submission with the table of y.</summary>
    public static void WriteForLimit(string dir, IReadOnlyList<DarkMatterLimitPoint> points, double alphaDark, string source, Provenance provenance)
    {
        WriteCsv(dir, points, alphaDark, provenance);
        DarkMatterLimit dm = ForReport(points, alphaDark);
        PublicationFigure.Write(InterpretationFigures.DarkMatter(dm, source), provenance.WithNotes("figure: " + Note(alphaDark)), Path.Combine(dir, FigureStem));
        foreach (var (name, text) in HepDataSubmission.Format("90% CL upper limits of a missing-energy search (Emiss) on y versus m_chi for a vector A' decaying to dark matter.",
                     [HepDataSubmissionWriter.DarkMatterTable("hepdata_dark_matter.yaml", dm)], provenance.ToCommentBlock()))
            AtomicFile.WriteText(Path.Combine(dir, name), text);
    }

    private static string Note(double alphaDark) => string.Create(CultureInfo.InvariantCulture,
        $"dark-matter plane: y = eps^2 alpha_D (m_chi/m_A')^4 with alpha_D = {alphaDark:G4}, m_A' = 3 m_chi (Izaguirre, Krnjaic, Schuster, Toro, PRL 115, 251301 (2015)); references on the plot: {DarkMatterReferences.RelicCitation}; {DarkMatterReferences.BabarCitation}");
}

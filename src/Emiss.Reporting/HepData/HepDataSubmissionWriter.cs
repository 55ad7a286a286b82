using Emiss.Core.IO;
using Emiss.Reporting.Report;
using YamlDotNet.RepresentationModel;
using static Emiss.Reporting.HepData.HepDataYaml;

namespace Emiss.Reporting.HepData;

/// <summary>
/// The result as a HEPData submission (HEPData submission format, schema 1.1.1; E. Maguire, L. Heinrich, G. Watt,
/// J. Phys. Conf. Ser. 898 (2017) 102006): <c>submission.yaml</c> — a multi-document YAML whose first document holds
/// the submission-wide comment and whose others describe one table each — and one data file per table
/// (<see cref="Tables"/>). Every file starts with the provenance as '#' comments (docs/physics/formats.md#hepdata-submission).
/// The folder is written through a <see cref="StagedDirectory"/>, so it appears complete or not at all.
/// </summary>
public static class HepDataSubmissionWriter
{
    /// <summary>Name of the submission folder.</summary>
    public const string FolderName = "hepdata";

    /// <summary>The submission file.</summary>
    public const string SubmissionFileName = "submission.yaml";

    /// <summary>The data files every submission has, in the order of the submission.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["limit.yaml", "cutflow.yaml", "backgrounds.yaml", "efficiency.yaml"];

    /// <summary>The data files of <paramref name="result"/>'s submission, in order: <see cref="Tables"/>, then
    /// <c>limit-&lt;mediator&gt;.yaml</c> per further mediator and <c>dark-matter.yaml</c> when the result has one.</summary>
    public static IReadOnlyList<string> TablesFor(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Tables, .. result.OtherMediators.Select(m => $"limit-{m.Mediator}.yaml"), .. result.DarkMatter is null ? Array.Empty<string>() : ["dark-matter.yaml"]];
    }

    /// <summary>Writes the submission into <paramref name="directory"/> (created or replaced as a unit).</summary>
    /// <param name="directory">The submission folder, usually <c>OUT/hepdata</c>.</param>
    /// <param name="result">The analysis result.</param>
    /// <param name="provenance">Provenance written at the top of every file.</param>
    /// <param name="field">The option that named the output, for error messages (an existing folder holding foreign files is refused).</param>
    public static void Write(string directory, AnalysisResult result, Provenance provenance, string field = "--out")
    {
        IReadOnlyDictionary<string, string> files = Format(result, provenance);
        using StagedDirectory staged = StagedDirectory.Begin(field, directory, [.. files.Keys]);
        foreach (var (name, text) in files) AtomicFile.WriteText(Path.Combine(staged.Path, name), text);
        staged.Publish();
    }

    /// <summary>File name → YAML text of every file of the submission.</summary>
    public static IReadOnlyDictionary<string, string> Format(AnalysisResult result, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        result.Validate();
        string comments = provenance.ToCommentBlock();
        var tables = new List<(string File, string Name, string Description, string Observable, YamlMappingNode Data)>
        {
            ("limit.yaml", "Upper limit on epsilon", "90% CL upper limits on the A' mixing strength epsilon versus the A' mass (A' → invisible), observed and expected (median with ±1σ, ±2σ bands), CLs.", "EPSILON", HepDataTables.Limit(result)),
            ("cutflow.yaml", "Cut flow", "Events (weighted for simulation) and efficiency after each selection cut, per run and sample.", "N", HepDataTables.CutFlow(result)),
            ("backgrounds.yaml", "Expected backgrounds", "Expected background events in the signal box per source and run (simulation per source), with statistical (MC sample) and systematic uncertainties.", "N", HepDataTables.Backgrounds(result)),
            ("efficiency.yaml", "Signal efficiency", "Signal efficiency factors and their product versus the A' mass, per run.", "EFF", HepDataTables.Efficiency(result)),
        };
        var all = tables.Select(t => new HepDataTable(t.File, t.Name, t.Description, t.Observable, Reaction, t.Data)).ToList();
        all.AddRange(result.OtherMediators.Select(m => MediatorTable($"limit-{m.Mediator}.yaml", m.Mediator, m.Limit)));
        if (result.DarkMatter is { } dm) all.Add(DarkMatterTable("dark-matter.yaml", dm));
        return HepDataSubmission.Format(
            result.Title + ". Search for A' → invisible decays in e⁻ + nucleus → e⁻ + nucleus + A' with a 100 GeV electron beam (counting experiment in the signal box E_ECAL < 50 GeV, E_HCAL < 1 GeV).",
            all, comments);
    }

    private const string Reaction = "E- NUCLEUS --> E- NUCLEUS A'";

    /// <summary>The observed and expected limit on the coupling of <paramref name="mediator"/> as the table <paramref name="file"/>.</summary>
    public static HepDataTable MediatorTable(string file, string mediator, IReadOnlyList<LimitRow> rows) => new(file, $"Upper limit on the coupling, {mediator} mediator",
        $"90% CL upper limits on the coupling of a {mediator} mediator (g^2/4pi = epsilon^2 alpha) versus its mass (invisible decay), observed and expected (median with ±1σ, ±2σ bands), CLs; the mediator's own production cross section and signal efficiency.",
        "EPSILON", Reaction, HepDataTables.Limit(rows, "m(A')", "epsilon", ("Mediator", mediator)));

    /// <summary>The observed and expected limit on y versus m_χ as the table <paramref name="file"/>.</summary>
    public static HepDataTable DarkMatterTable(string file, DarkMatterLimit dm)
    {
        ArgumentNullException.ThrowIfNull(dm);
        string alpha = HepDataYaml.Format(dm.AlphaDark), ratio = HepDataYaml.Format(1 / dm.ChiMassRatio);
        return new HepDataTable(file, "Upper limit on y",
            $"90% CL upper limits on y = epsilon^2 alpha_D (m_chi/m_A')^4 versus m_chi for A' -> chi chibar (vector mediator), observed and expected (median with ±1σ, ±2σ bands); alpha_D = {alpha}, m_A' = {ratio} m_chi.",
            "Y", Reaction, HepDataTables.Limit(dm.Rows, "m(chi)", "y", ("alpha_D", alpha), ("m(A')/m(chi)", ratio)));
    }
}

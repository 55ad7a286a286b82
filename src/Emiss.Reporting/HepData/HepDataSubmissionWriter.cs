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

    /// <summary>The data files, in the order of the submission.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["limit.yaml", "cutflow.yaml", "backgrounds.yaml", "efficiency.yaml"];

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
        var tables = new (string File, string Name, string Description, string Observable, YamlMappingNode Data)[]
        {
            ("limit.yaml", "Upper limit on epsilon", "90% CL upper limits on the A' mixing strength epsilon versus the A' mass (A' → invisible), observed and expected (median with ±1σ, ±2σ bands), CLs.", "EPSILON", HepDataTables.Limit(result)),
            ("cutflow.yaml", "Cut flow", "Events (weighted for simulation) and efficiency after each selection cut, per run and sample.", "N", HepDataTables.CutFlow(result)),
            ("backgrounds.yaml", "Expected backgrounds", "Expected background events in the signal box per source and run (simulation per source), with statistical (MC sample) and systematic uncertainties.", "N", HepDataTables.Backgrounds(result)),
            ("efficiency.yaml", "Signal efficiency", "Signal efficiency factors and their product versus the A' mass, per run.", "EFF", HepDataTables.Efficiency(result)),
        };
        return HepDataSubmission.Format(
            result.Title + ". Search for A' → invisible decays in e⁻ + nucleus → e⁻ + nucleus + A' with a 100 GeV electron beam (counting experiment in the signal box E_ECAL < 50 GeV, E_HCAL < 1 GeV).",
            tables.Select(t => new HepDataTable(t.File, t.Name, t.Description, t.Observable, "E- NUCLEUS --> E- NUCLEUS A'", t.Data)).ToArray(), comments);
    }
}

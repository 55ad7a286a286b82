using static Emiss.Reporting.HepData.HepDataYaml;
using YamlDotNet.RepresentationModel;

namespace Emiss.Reporting.HepData;

/// <summary>The files of a HEPData submission (data format 1.1.1): submission.yaml (a comment document, then one entry per table) and one data file per table.</summary>
public static class HepDataSubmission
{
    /// <summary>File name → YAML text; <paramref name="commentBlock"/> (provenance) heads every file.</summary>
    public static IReadOnlyDictionary<string, string> Format(string comment, IReadOnlyList<HepDataTable> tables, string commentBlock)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var docs = new List<YamlNode> { Map(("comment", Text(comment))) };
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (HepDataTable t in tables)
        {
            docs.Add(Map(
                ("name", Text(t.Name)),
                ("description", Text(t.Description)),
                ("keywords", Seq([
                    Map(("name", Text("observables")), ("values", Seq([Text(t.Observable)]))),
                    Map(("name", Text("reactions")), ("values", Seq([Text(t.Reaction)]))),
                    Map(("name", Text("phrases")), ("values", Seq([Text("Dark photon"), Text("Missing energy"), Text("Fixed target")]))),
                ])),
                ("data_file", Text(t.File))));
            files[t.File] = Documents(commentBlock, [t.Data]);
        }
        files[HepDataSubmissionWriter.SubmissionFileName] = Documents(commentBlock, docs);
        return files;
    }
}

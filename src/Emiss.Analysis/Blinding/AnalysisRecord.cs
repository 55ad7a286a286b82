using System.Text.Json;
using System.Text.Json.Nodes;
using Emiss.Core.IO;
using Emiss.Events.Selection;

namespace Emiss.Analysis.Blinding;

/// <summary>
/// <c>analysis.json</c> in an analysis directory: the data directory and the cuts (canonical JSON and fingerprint) of
/// the last analysis run there, so that unblinding freezes exactly the cuts that were analysed.
/// </summary>
/// <param name="DataDirectory">Full path of the data directory.</param>
/// <param name="Cuts">The cuts.</param>
public sealed record AnalysisRecord(string DataDirectory, SelectionCuts Cuts)
{
    /// <summary>File name inside the analysis directory.</summary>
    public const string FileName = "analysis.json";

    /// <summary>Writes the record into <paramref name="analysisDirectory"/> atomically.</summary>
    public void Write(string analysisDirectory)
    {
        var node = new JsonObject
        {
            ["data_directory"] = DataDirectory,
            ["cuts_sha256"] = CutsFingerprint.Sha256(Cuts),
            ["cuts"] = JsonNode.Parse(CutsFingerprint.Canonical(Cuts)),
        };
        AtomicFile.WriteText(Path.Combine(analysisDirectory, FileName), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Reads the record of <paramref name="analysisDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">No analysis ran there.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid record, or its cuts do not match their fingerprint.</exception>
    public static AnalysisRecord Read(string analysisDirectory)
    {
        string path = Path.Combine(analysisDirectory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{analysisDirectory}: holds no {FileName}; run `emiss analyze --out {analysisDirectory}` first", path);
        try
        {
            JsonNode n = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
            string data = (string?)n["data_directory"] ?? throw new InvalidDataException($"{path}: no data_directory");
            string sha = (string?)n["cuts_sha256"] ?? throw new InvalidDataException($"{path}: no cuts_sha256");
            SelectionCuts cuts = CutsFingerprint.Parse(n["cuts"]?.ToJsonString() ?? "null", path);
            if (CutsFingerprint.Sha256(cuts) != sha)
                throw new InvalidDataException($"{path}: the cuts do not match their fingerprint (the file was edited); rerun `emiss analyze`");
            return new AnalysisRecord(data, cuts);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a valid analysis record ({e.Message}); rerun `emiss analyze`", e);
        }
    }
}

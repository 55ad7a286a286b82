using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emiss.Core.IO;

namespace Emiss.Analysis.Blinding;

/// <summary>
/// The append-only unblinding ledger <c>unblinding.log</c> of an analysis directory. Each line is
/// <c>{json body} sha256</c>: the body holds sequence, UTC time, who, why, the cuts and data fingerprints and the
/// previous line's hash; the hash is SHA-256 of the body. Editing any line breaks its own hash or the next line's
/// link, and reading refuses the whole ledger. docs/physics/blinding.md#ledger.
/// </summary>
public static class UnblindingLedger
{
    /// <summary>File name inside the analysis directory.</summary>
    public const string FileName = "unblinding.log";

    /// <summary>Hash that the first line links to.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Reads and verifies the ledger of <paramref name="analysisDirectory"/> (empty when there is none).</summary>
    /// <exception cref="BlindingException">The ledger was edited: a line's hash or link does not match.</exception>
    public static IReadOnlyList<UnblindingEntry> Read(string analysisDirectory)
    {
        string path = Path.Combine(analysisDirectory, FileName);
        if (!File.Exists(path)) return [];
        string text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && !text.EndsWith('\n')) throw Edited(path, text.Count(c => c == '\n') + 1, "the last line is incomplete");
        var entries = new List<UnblindingEntry>();
        string previous = Genesis;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length - 1; i++)
        {
            UnblindingEntry e = ParseLine(path, i + 1, lines[i]);
            if (e.PreviousSha256 != previous) throw Edited(path, i + 1, "its link to the previous line does not match (a line was removed, inserted or changed)");
            previous = e.LineSha256;
            entries.Add(e);
        }
        return entries;
    }

    /// <summary>Appends an entry to the ledger of <paramref name="analysisDirectory"/> (verified first) and returns it.
    /// Internal: the one public way to append is <see cref="BlindDataSet.Unblind"/>, which refuses a second unblinding.</summary>
    internal static UnblindingEntry Append(string analysisDirectory, DateTimeOffset utc, string who, string reason, string cutsSha256, string dataSha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IReadOnlyList<UnblindingEntry> existing = Read(analysisDirectory);
        string previous = existing.Count == 0 ? Genesis : existing[^1].LineSha256;
        var body = new JsonObject
        {
            ["seq"] = existing.Count + 1,
            ["utc"] = utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["who"] = who,
            ["reason"] = reason,
            ["cuts_sha256"] = cutsSha256,
            ["data_sha256"] = dataSha256,
            ["prev_sha256"] = previous,
        };
        string bodyText = body.ToJsonString();
        string hash = Sha256Hex.OfText(bodyText);
        Directory.CreateDirectory(analysisDirectory);
        using (var fs = new FileStream(Path.Combine(analysisDirectory, FileName), FileMode.Append, FileAccess.Write, FileShare.None))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(bodyText + " " + hash + "\n");
            fs.Write(bytes);
            fs.Flush(flushToDisk: true);
        }
        return ParseLine(FileName, existing.Count + 1, bodyText + " " + hash);
    }

    private static UnblindingEntry ParseLine(string path, int lineNumber, string line)
    {
        int space = line.LastIndexOf(' ');
        if (space < 0) throw Edited(path, lineNumber, "it has no hash");
        string body = line[..space], hash = line[(space + 1)..];
        if (Sha256Hex.OfText(body) != hash) throw Edited(path, lineNumber, "its content does not match its hash");
        try
        {
            JsonNode n = JsonNode.Parse(body) ?? throw new JsonException("empty");
            int seq = (int)n["seq"]!;
            if (seq != lineNumber) throw Edited(path, lineNumber, $"it says it is line {seq}");
            return new UnblindingEntry(seq, (string)n["utc"]!, (string)n["who"]!, (string)n["reason"]!, (string)n["cuts_sha256"]!,
                                       (string)n["data_sha256"]!, (string)n["prev_sha256"]!, hash);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new BlindingException($"{path}: line {lineNumber} is not a ledger entry ({e.Message}); the ledger was edited. It is append-only: restore the original file", e);
        }
    }

    private static BlindingException Edited(string path, int line, string what) =>
        new($"{path}: line {line.ToString(CultureInfo.InvariantCulture)} was edited ({what}); the unblinding ledger is append-only and nothing that reads it proceeds: restore the original file");
}

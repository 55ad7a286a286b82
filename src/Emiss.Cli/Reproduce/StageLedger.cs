using System.Text;
using Emiss.Core.IO;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// Which stages of <c>emiss reproduce</c> are finished: <c>OUT/stages/NAME.done</c> lists the SHA-256 of every file the
/// stage wrote. A stage is skipped on a rerun only if its record exists and every file still has its checksum; a stage
/// that runs invalidates every later stage (their inputs changed), so a killed or edited stage is redone with all
/// that follows it. The record's first line is the fingerprint of the invocation's inputs (<paramref name="inputs"/>:
/// cards, cuts, seed, sizes, Emiss version and commit; not the thread count, which changes no bit): a rerun with other
/// inputs redoes every stage instead of keeping results that belong to the old ones. An input that only one stage
/// reads (α_D of the limit stage's dark-matter plane) is that stage's own: appended to its record's first line, it
/// redoes that stage and the later ones, not the whole chain.
/// </summary>
internal sealed class StageLedger(string outDir, string inputs)
{
    private readonly string _header = "# inputs " + inputs;
    private readonly string _dir = Path.Combine(outDir, "stages");
    private bool _invalidateRest;

    /// <summary>True if <paramref name="stage"/> finished earlier with intact files and no earlier stage ran now.</summary>
    public bool IsDone(string stage, string? stageInputs = null)
    {
        if (_invalidateRest) return false;
        string path = Path.Combine(_dir, stage + ".done");
        if (!File.Exists(path)) return false;
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header(stageInputs)) return false;
        foreach (string line in lines.Skip(1))
        {
            int sp = line.IndexOf("  ", StringComparison.Ordinal);
            if (sp <= 0) return false;
            string file = Path.Combine(outDir, line[(sp + 2)..]);
            if (!File.Exists(file) || Sha256Hex.OfFile(file) != line[..sp]) return false;
        }
        return true;
    }

    /// <summary>Records <paramref name="stage"/> as finished with its files (relative to the output directory).</summary>
    public void Done(string stage, IEnumerable<string> relativeFiles, string? stageInputs = null)
    {
        Directory.CreateDirectory(_dir);
        var sb = new StringBuilder(Header(stageInputs)).Append('\n');
        foreach (string f in relativeFiles) sb.Append(Sha256Hex.OfFile(Path.Combine(outDir, f))).Append("  ").Append(f).Append('\n');
        AtomicFile.WriteText(Path.Combine(_dir, stage + ".done"), sb.ToString());
    }

    private string Header(string? stageInputs) => stageInputs is null ? _header : _header + " stage " + stageInputs;

    /// <summary>Marks that <paramref name="stage"/> is being (re)done: later stages must run again.</summary>
    public void Running(string stage)
    {
        _invalidateRest = true;
        string path = Path.Combine(_dir, stage + ".done");
        if (File.Exists(path)) File.Delete(path);
    }

}

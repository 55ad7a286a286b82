using System.Text.RegularExpressions;

namespace Emiss.Cli.RunCards;

/// <summary>
/// The line of every value of a YAML card, by JSON path, and the rewriting of card errors into
/// <c>file:line: field: problem</c>: the user's own file and line, and the field in the card's own dotted
/// notation rather than a path into the converted JSON document.
/// </summary>
internal sealed partial class CardLines(string source)
{
    /// <summary>Line (1-based) by JSON path, filled by <see cref="YamlToJson.Convert"/>.</summary>
    public Dictionary<string, int> ByPath { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="e"/> whose lines name file, line and field.</summary>
    public RunCardException Locate(RunCardException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RunCardException(string.Join("\n", e.Lines.Select(Locate)), e);
    }

    /// <summary>Rewrites one problem line "source: run card error at $.a.b: problem" (or "setup card error at").</summary>
    public string Locate(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Match m = CardError().Match(problem);
        if (!m.Success) return problem;
        string path = m.Groups["path"].Value;
        string field = path == "$" ? "(card)" : path.TrimStart('$').TrimStart('.');
        int? line = LineOf(path);
        string where = line is { } l ? $"{source}:{l}" : source;
        return $"{where}: {field}: {m.Groups["problem"].Value}";
    }

    /// <summary>The line of <paramref name="path"/> or of its nearest recorded parent (a key missing from the card
    /// is reported at the mapping that should hold it).</summary>
    private int? LineOf(string path)
    {
        for (string p = path; p.Length > 0;)
        {
            if (ByPath.TryGetValue(p, out int line)) return line;
            int cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0) break;
            p = p[..cut];
        }
        return null;
    }

    [GeneratedRegex(@"^(?:.*?: )?(?:run|setup) card error at (?<path>\$[^ :]*): (?<problem>.*)$")]
    private static partial Regex CardError();
}

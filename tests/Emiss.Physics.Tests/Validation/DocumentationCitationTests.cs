using System.Text;
using System.Text.RegularExpressions;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// A user who clones Emiss must find every cited formula and convention inside the repository. Source comments
/// (src/, tests/, bench/) therefore cite pages under docs/ (e.g. docs/physics/compton.md#cross-section), never the
/// design notes that live outside the repository, and every cited page and heading anchor must exist.
/// </summary>
public sealed partial class DocumentationCitationTests
{
    private static readonly string[] ScannedFolders = ["src", "tests", "bench"];
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".json", ".yaml", ".yml", ".csproj", ".props", ".targets", ".txt", ".csv",
    };
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "TestResults" };

    // Built from parts so that this file does not match itself.
    private static readonly string[] ExternalNotes = ["PHYSICS" + ".md", "STATS_AND_FORMATS" + ".md", "PHYSICS" + " §", "STATS" + " §"];

    [Fact]
    public void No_source_file_cites_the_design_notes_outside_the_repository()
    {
        var found = new List<string>();
        foreach ((string rel, int line, string text) in SourceLines())
            foreach (string note in ExternalNotes)
                if (text.Contains(note, StringComparison.Ordinal))
                    found.Add($"{rel}:{line}: cites {note.Trim()} (cite the docs/physics page instead)");
        Assert.True(found.Count == 0, Report(found));
    }

    [Fact]
    public void Every_cited_docs_path_and_anchor_exists()
    {
        var problems = new List<string>();
        int citations = 0;
        foreach ((string rel, int line, string text) in SourceLines())
            foreach (Match m in DocsPath().Matches(text))
            {
                citations++;
                string? problem = Check(m.Groups["path"].Value, m.Groups["anchor"].Success ? m.Groups["anchor"].Value : null);
                if (problem is not null) problems.Add($"{rel}:{line}: {m.Value}: {problem}");
            }
        Assert.True(citations > 0, "no docs/ citation found: the scan itself is broken");
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Links_between_physics_pages_resolve_with_their_anchors()
    {
        string folder = Path.Combine(RepoPaths.Root, "docs", "physics");
        var problems = new List<string>();
        foreach (string page in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(page);
            foreach (Match m in MarkdownLink().Matches(text))
            {
                string target = m.Groups["target"].Value;
                if (target.StartsWith("http", StringComparison.Ordinal)) continue;
                string file = m.Groups["file"].Value;
                string path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(folder, file));
                string rel = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
                string? problem = Check(rel, m.Groups["anchor"].Success ? m.Groups["anchor"].Value : null);
                if (problem is not null) problems.Add($"docs/physics/{Path.GetFileName(page)}: ({target}): {problem}");
            }
        }
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Theory]
    [InlineData("## Cross section", "cross-section")]
    [InlineData("## Scalar, pseudoscalar and axial", "scalar-pseudoscalar-and-axial")]
    [InlineData("## Feldman-Cousins", "feldman-cousins")]
    [InlineData("### V18", "v18")]
    [InlineData("## Tables and energy grid", "tables-and-energy-grid")]
    public void Heading_anchors_follow_the_GitHub_rule(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors([heading]));

    /// <summary>Null if the repository-relative <paramref name="path"/> exists (and, for a Markdown file, holds a
    /// heading whose anchor is <paramref name="anchor"/>); otherwise what is wrong.</summary>
    private static string? Check(string path, string? anchor)
    {
        string full = Path.Combine(RepoPaths.Root, path);
        if (Directory.Exists(full)) return anchor is null ? null : "an anchor on a folder";
        if (!File.Exists(full)) return "no such file in the repository";
        if (anchor is null) return null;
        if (!full.EndsWith(".md", StringComparison.Ordinal)) return "an anchor on a file that is not Markdown";
        return Anchors(File.ReadLines(full)).Contains(anchor) ? null : $"no heading with anchor #{anchor} in {path}";
    }

    /// <summary>GitHub heading anchors: lower case, characters other than letters, digits, '_', '-' and spaces
    /// dropped, spaces turned into '-'. Headings inside fenced code blocks do not count.</summary>
    private static HashSet<string> Anchors(IEnumerable<string> lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; continue; }
            if (fenced) continue;
            Match h = Heading().Match(line);
            if (!h.Success) continue;
            var sb = new StringBuilder();
            foreach (char c in h.Groups["title"].Value.Trim().ToLowerInvariant())
            {
                if (c == ' ') sb.Append('-');
                else if (char.IsLetterOrDigit(c) || c is '_' or '-') sb.Append(c);
            }
            anchors.Add(sb.ToString());
        }
        return anchors;
    }

    /// <summary>Every line of every text file under src/, tests/ and bench/, with its repository-relative path.</summary>
    private static IEnumerable<(string Rel, int Line, string Text)> SourceLines()
    {
        foreach (string folder in ScannedFolders)
        {
            string root = Path.Combine(RepoPaths.Root, folder);
            if (!Directory.Exists(root)) continue;
            foreach (string file in Files(root))
            {
                string rel = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                int n = 0;
                foreach (string text in File.ReadLines(file)) yield return (rel, ++n, text);
            }
        }
    }

    private static IEnumerable<string> Files(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            if (TextExtensions.Contains(Path.GetExtension(file))) yield return file;
        foreach (string sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                foreach (string file in Files(sub)) yield return file;
    }

    private static string Report(List<string> lines) =>
        $"{lines.Count} problem(s):\n" + string.Join('\n', lines.Take(50)) + (lines.Count > 50 ? "\n…" : "");

    /// <summary>A repository path under docs/ (not part of a longer path or URL), with an optional #anchor.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?<path>docs/(?:[\w.-]+/)*[\w.-]*\w)(?:#(?<anchor>[\w-]*\w))?")]
    private static partial Regex DocsPath();

    /// <summary>A Markdown link [text](file.md#anchor) or [text](#anchor).</summary>
    [GeneratedRegex(@"\]\((?<target>(?<file>[^)#\s]*)(?:#(?<anchor>[^)\s]+))?)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}

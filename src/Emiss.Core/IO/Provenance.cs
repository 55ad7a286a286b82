using System.Globalization;
using System.Text;
using Emiss.Core.Random;

namespace Emiss.Core.IO;

/// <summary>
/// What every output records about how it was made: the resolved run card, the seed, the Emiss
/// version and git commit, the RNG scheme and the command. No timestamps or host names, so
/// reruns are byte-identical.
/// </summary>
/// <param name="Command">The command and its arguments, e.g. "emiss limit --config na64-2016".</param>
/// <param name="Seed">The master seed (null for deterministic computations without randomness).</param>
/// <param name="ResolvedRunCard">The resolved run card (YAML text), or empty if the command has no card.</param>
public sealed record Provenance(string Command, ulong? Seed, string ResolvedRunCard)
{
    /// <summary>Emiss version.</summary>
    public string Version { get; init; } = BuildInfo.Version;

    /// <summary>Git commit of the build.</summary>
    public string GitCommit { get; init; } = BuildInfo.GitCommit;

    /// <summary>RNG scheme identifier.</summary>
    public string RngScheme { get; init; } = RngStreams.Scheme;

    /// <summary>Free-form notes on conventions used (model descriptions, statistical conventions), one per line.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Returns a copy with more notes appended.</summary>
    public Provenance WithNotes(params string[] notes) => this with { Notes = [.. Notes, .. notes] };

    /// <summary>Provenance as ordered key/value pairs (for Parquet metadata, PNG tEXt, JSON).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToKeyValues() =>
    [
        new("emiss.version", Version),
        new("emiss.git_commit", GitCommit),
        new("emiss.command", Command),
        new("emiss.seed", Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"),
        new("emiss.rng_scheme", RngScheme),
        new("emiss.run_card", ResolvedRunCard),
        new("emiss.notes", string.Join("\n", Notes)),
    ];

    /// <summary>Provenance as '#'-prefixed comment lines (CSV, YAML), the run card indented below.</summary>
    public string ToCommentBlock(string prefix = "# ")
    {
        var sb = new StringBuilder();
        sb.Append(prefix).Append("emiss ").Append(Version).Append(" commit ").Append(GitCommit).Append('\n');
        sb.Append(prefix).Append("command: ").Append(Command).Append('\n');
        sb.Append(prefix).Append("seed: ").Append(Seed?.ToString(CultureInfo.InvariantCulture) ?? "none")
          .Append("  rng: ").Append(RngScheme).Append('\n');
        foreach (string note in Notes) sb.Append(prefix).Append("note: ").Append(note).Append('\n');
        if (ResolvedRunCard.Length > 0)
        {
            sb.Append(prefix).Append("run card:\n");
            foreach (string line in ResolvedRunCard.Split('\n'))
            {
                if (line.Length == 0) continue;
                sb.Append(prefix).Append("  ").Append(line.TrimEnd('\r')).Append('\n');
            }
        }
        return sb.ToString();
    }
}

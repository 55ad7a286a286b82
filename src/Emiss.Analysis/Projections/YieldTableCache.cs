using System.Globalization;
using System.Text;
using Emiss.Core.IO;

namespace Emiss.Analysis.Projections;

/// <summary>
/// Yield tables on disk, one CSV per input hash (<c>yields-&lt;hash&gt;.csv</c>; docs/physics/projections.md#yield-tables).
/// A file is used only when the inputs it records equal the requested ones line for line, so a changed card value,
/// mass grid or physics assembly computes (and writes) a new table; stale files are simply never read again.
/// Files are written atomically and carry the provenance of the run that computed them.
/// </summary>
public sealed class YieldTableCache
{
    private const string InputPrefix = "# input: ";
    private const string DescriptionPrefix = "# description: ";
    private const string Header = "mA_MeV,n_brem_per_eot_eps1,n_annihilation_per_eot_eps1";

    /// <summary>Creates a cache in <paramref name="directory"/> (created on first write); null keeps tables in memory only.</summary>
    public YieldTableCache(string? directory) => Directory = directory;

    /// <summary>The cache directory, or null for no disk cache.</summary>
    public string? Directory { get; }

    /// <summary>The file a table with these inputs lives in, or null without a directory.</summary>
    public string? PathOf(YieldTableInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Directory is null ? null : Path.Combine(Directory, $"yields-{inputs.Hash[..16]}.csv");
    }

    /// <summary>The cached table for <paramref name="inputs"/>, or null if none is stored under exactly these inputs.</summary>
    public YieldTable? TryRead(YieldTableInputs inputs)
    {
        string? path = PathOf(inputs);
        if (path is null || !File.Exists(path)) return null;
        var recorded = new List<string>();
        string description = "";
        var mass = new List<double>();
        var brem = new List<double>();
        var ann = new List<double>();
        bool header = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith(InputPrefix, StringComparison.Ordinal)) { recorded.Add(line[InputPrefix.Length..]); continue; }
            if (line.StartsWith(DescriptionPrefix, StringComparison.Ordinal)) { description = line[DescriptionPrefix.Length..]; continue; }
            if (line.Length == 0 || line[0] == '#') continue;
            if (!header) { if (line != Header) return null; header = true; continue; }
            string[] f = line.Split(',');
            if (f.Length != 3) return null;
            mass.Add(double.Parse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture));
            brem.Add(double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture));
            ann.Add(double.Parse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        // A hash-prefix collision or a hand-edited file is not this table.
        if (!recorded.SequenceEqual(inputs.Lines, StringComparer.Ordinal)) return null;
        return new YieldTable(inputs, mass, brem, ann, description);
    }

    /// <summary>Stores <paramref name="table"/> (no-op without a directory).</summary>
    public void Write(YieldTable table, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(provenance);
        string? path = PathOf(table.Inputs);
        if (path is null) return;
        System.IO.Directory.CreateDirectory(Directory!);
        var sb = new StringBuilder(provenance.ToCommentBlock());
        foreach (string l in table.Inputs.Lines) sb.Append(InputPrefix).Append(l).Append('\n');
        sb.Append(DescriptionPrefix).Append(table.Description.ReplaceLineEndings(" ")).Append('\n');
        sb.Append(Header).Append('\n');
        for (int i = 0; i < table.MassMeV.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{table.MassMeV[i]:R},{table.Bremsstrahlung[i]:R},{table.Annihilation[i]:R}\n");
        AtomicFile.WriteText(path, sb.ToString());
    }
}

using System.Text.RegularExpressions;
using Emiss.Core.Diagnostics;

namespace Emiss.Core.Sharding;

/// <summary>
/// The shards of one run in a directory (<c>DIR/shard-IIII-of-NNNN/</c>, see <see cref="ShardSpec.DirectoryName"/>),
/// checked before a merge: every shard 0 … N−1 present with a manifest, every listed file matching its size and
/// SHA-256, all from the same run (<see cref="ShardManifest.DifferenceFrom"/>) and their event ranges contiguous.
/// Staging directories of killed shards (<c>*.partial</c>) and other entries are not shards and are ignored.
/// </summary>
public static partial class ShardSet
{
    [GeneratedRegex(@"^shard-(\d+)-of-(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardName();

    /// <summary>
    /// The manifests of the complete shard set in <paramref name="directory"/>, in shard order. Any problem is a
    /// <see cref="UserInputException"/> naming the shard directory (missing, incomplete, corrupt or foreign shard).
    /// </summary>
    /// <param name="field">The argument that named the directory, for messages about the directory as a whole.</param>
    /// <param name="directory">The directory holding the shard directories.</param>
    /// <param name="rerunHint">How to redo shard i/N (text for the fix part of a message).</param>
    public static IReadOnlyList<ShardManifest> Load(string field, string directory, Func<ShardSpec, string> rerunHint)
    {
        ArgumentNullException.ThrowIfNull(rerunHint);
        if (!Directory.Exists(directory)) throw new UserInputException(field, $"directory '{directory}' does not exist", "give the --out directory of the sharded run");
        var found = new SortedDictionary<int, string>();
        int count = 0;
        string? countFrom = null;
        foreach (string dir in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            Match m = ShardName().Match(Path.GetFileName(dir));
            if (!m.Success) continue;
            var spec = new ShardSpec(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                                     int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            string name = Path.GetFileName(dir);
            if (countFrom is null)
            {
                count = spec.Count;
                countFrom = name;
            }
            else if (spec.Count != count)
                throw new UserInputException(name, $"belongs to a run of {spec.Count} shards, but {countFrom} to one of {count}", "keep the shards of one run in their own directory");
            found[spec.Index] = dir;
        }
        if (countFrom is null)
            throw new UserInputException(field, $"'{directory}' holds no shard directory (shard-IIII-of-NNNN)", "give the --out directory of a run with --shard i/N");
        var manifests = new List<ShardManifest>(count);
        for (int i = 0; i < count; i++)
        {
            var spec = new ShardSpec(i, count);
            if (!found.TryGetValue(i, out string? dir))
                throw new UserInputException(spec.DirectoryName, $"shard {spec} is missing from '{directory}'", rerunHint(spec));
            manifests.Add(LoadOne(dir, spec, rerunHint));
        }
        for (int i = 1; i < count; i++)
        {
            ShardManifest m = manifests[i], first = manifests[0];
            if (first.DifferenceFrom(m) is { } difference)
                throw new UserInputException(m.Shard.DirectoryName, $"is foreign to shard 0: {difference}", "keep only the shards of one run in the directory and rerun the others");
            if (m.FirstEvent != manifests[i - 1].FirstEvent + manifests[i - 1].EventCount)
                throw new UserInputException(m.Shard.DirectoryName, $"starts at event {m.FirstEvent}, not where shard {i - 1} ends", rerunHint(m.Shard));
        }
        ShardManifest last = manifests[^1];
        if (manifests[0].FirstEvent != manifests[0].RunFirstEvent || last.FirstEvent + last.EventCount != last.RunFirstEvent + last.RunEvents)
            throw new UserInputException(field, "the shards' event ranges do not cover the run", "rerun the shards with one command line");
        return manifests;
    }

    /// <summary>The manifest of one shard directory, checked (name and content agree, files match their checksums).</summary>
    private static ShardManifest LoadOne(string dir, ShardSpec spec, Func<ShardSpec, string> rerunHint)
    {
        if (!File.Exists(Path.Combine(dir, ShardManifest.FileName)))
            throw new UserInputException(spec.DirectoryName, $"has no {ShardManifest.FileName} (incomplete shard)", rerunHint(spec));
        ShardManifest m;
        try
        {
            m = ShardManifest.Read(dir);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new UserInputException(spec.DirectoryName, e.Message, rerunHint(spec), e);
        }
        if (m.Shard != spec) throw new UserInputException(spec.DirectoryName, $"its manifest says shard {m.Shard}", rerunHint(spec));
        if (m.Verify(dir) is { } problem) throw new UserInputException(spec.DirectoryName, problem, rerunHint(spec));
        return m;
    }

    /// <summary>
    /// The manifest of an existing, complete shard directory whose files match their checksums and which comes from the
    /// same run as <paramref name="expected"/>; null otherwise (absent, incomplete, corrupt or another run: redo it).
    /// </summary>
    public static ShardManifest? CompleteMatch(string shardDirectory, ShardManifest expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (!File.Exists(Path.Combine(shardDirectory, ShardManifest.FileName))) return null;
        try
        {
            ShardManifest m = ShardManifest.Read(shardDirectory);
            return m.Shard == expected.Shard && m.FirstEvent == expected.FirstEvent && m.EventCount == expected.EventCount
                   && expected.DifferenceFrom(m) is null && m.Verify(shardDirectory) is null ? m : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Emiss.Core.IO;
using Emiss.Core.Materials;
using Emiss.Core.Units;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// On-disk cache of <see cref="CutCrossSectionTable"/>s in one directory (PHYSICS.md §1.5: "cache on disk with
/// a header"). A file is named by a digest of its header and is used only if its header matches exactly;
/// otherwise the table is rebuilt and written atomically. The directory is chosen by the caller.
/// </summary>
public sealed class CutCrossSectionTableStore
{
    /// <summary>Creates a store rooted at <paramref name="directory"/> (created on first write).</summary>
    public CutCrossSectionTableStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>The cache directory.</summary>
    public string Directory { get; }

    /// <summary>The file a table with this header lives in.</summary>
    public string PathFor(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header)))[..16];
        return Path.Combine(Directory, $"cutxs-{digest}.csv");
    }

    /// <summary>Loads the table from disk if a file with the same header exists, else builds and stores it.</summary>
    public CutCrossSectionTable GetOrBuild(IDarkProductionModel model, ElementComponent element, Mass mass, Energy cut, Energy max,
                                           int anchorNodes = 8, int denseNodes = 96)
    {
        string header = CutCrossSectionTable.HeaderFor(model, element, mass, cut, max, anchorNodes, denseNodes);
        string path = PathFor(header);
        if (File.Exists(path) && CutCrossSectionTable.Parse(File.ReadAllText(path), header) is { } cached) return cached;
        CutCrossSectionTable table = CutCrossSectionTable.Build(model, element, mass, cut, max, anchorNodes, denseNodes);
        AtomicFile.WriteText(path, table.ToText());
        return table;
    }
}

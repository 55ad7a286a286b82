namespace Emiss.Analysis.EventData;

/// <summary>The event files of a sample directory: every <c>*.parquet</c> directly inside it, in ordinal name order
/// (one file per run for pseudo-data, e.g. <c>pbsc-srd.parquet</c>, <c>bgo-srd.parquet</c>).</summary>
public static class EventDirectory
{
    /// <summary>The files of <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    /// <exception cref="InvalidDataException">It holds no <c>.parquet</c> file.</exception>
    public static IReadOnlyList<string> Files(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: no such directory");
        string[] files = [.. Directory.EnumerateFiles(directory, "*.parquet", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)];
        if (files.Length == 0)
            throw new InvalidDataException($"{directory}: holds no .parquet event file; write one with `emiss simulate` or `emiss pseudodata`");
        return files;
    }

    /// <summary>The sample name of a file: its name without the extension.</summary>
    public static string SampleName(string path) => Path.GetFileNameWithoutExtension(path);
}

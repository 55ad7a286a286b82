using System.Runtime.CompilerServices;

namespace Emiss.Testing;

/// <summary>Locates files of the repository and of the test output from any test project.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory holding Emiss.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The path of a reference CSV copied next to the test assembly.</summary>
    public static string Reference(string fileName) => Path.Combine(AppContext.BaseDirectory, "References", fileName);

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        // Test binaries may live outside the tree (--artifacts-path), so search above the test
        // assembly first and then above this source file's compile-time location.
        foreach (string? start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) })
        {
            string? dir = start;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Emiss.slnx"))) dir = Path.GetDirectoryName(dir);
            if (dir is not null) return dir;
        }
        throw new InvalidOperationException("Emiss.slnx not found above " + AppContext.BaseDirectory + " or " + thisFile);
    }
}

namespace Emiss.Testing;

/// <summary>Locates files of the repository and of the test output from any test project.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory holding Emiss.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The path of a reference CSV copied next to the test assembly.</summary>
    public static string Reference(string fileName) => Path.Combine(AppContext.BaseDirectory, "References", fileName);

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Emiss.slnx"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Emiss.slnx not found above " + AppContext.BaseDirectory);
    }
}

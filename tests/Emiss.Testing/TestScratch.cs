using System.Globalization;

namespace Emiss.Testing;

/// <summary>
/// Scratch folders for tests: each is a fresh, uniquely named folder inside one root per test process under the temporary
/// directory, and the root goes when the process exits. Tests that write outputs (the CLI's bad-input table alone makes
/// several hundred folders per run) then leave nothing behind in /tmp; before, every run of the suite left ≈ 1 300 folders
/// (≈ 110 MB). The root is removed after the assembly's last test (<see cref="ScratchCleaningTestFramework"/>), and at
/// process exit for a folder made after that. A test host that is killed before either (a crash, or a run stopped by
/// hand) cannot remove its root, so each new root first removes the roots of processes that no longer run. Set
/// <c>EMISS_KEEP_TEST_DIRS=1</c> to keep the root for inspecting a failure; its path is printed to standard error at exit
/// then, and stale roots are left alone.
/// </summary>
public static class TestScratch
{
    private static readonly Lazy<string> Root = new(CreateRoot, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates and returns a new empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string NewDirectory(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        string path = Path.Combine(Root.Value, prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private const string RootPrefix = "emiss-tests-";

    /// <summary>Removes this process's root now if one was made (the assembly's tests have finished); with
    /// <c>EMISS_KEEP_TEST_DIRS=1</c> it stays and its path is printed at exit.</summary>
    public static void RemoveRoot()
    {
        if (Root.IsValueCreated && !Keep) TryDelete(Root.Value);
    }

    /// <summary>Whether <c>EMISS_KEEP_TEST_DIRS=1</c> asks to keep the root.</summary>
    private static bool Keep => Environment.GetEnvironmentVariable("EMISS_KEEP_TEST_DIRS") == "1";

    private static string CreateRoot()
    {
        bool keep = Keep;
        if (!keep) RemoveStaleRoots();
        string root = Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"{RootPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (keep) Console.Error.WriteLine("test scratch folders kept in " + root);
            else TryDelete(root);
        };
        return root;
    }

    /// <summary>Removes the roots whose process (the id in the name) no longer runs. A reused id keeps an old root until
    /// that process ends too; that is harmless.</summary>
    public static void RemoveStaleRoots()
    {
        foreach (string dir in Directory.EnumerateDirectories(Path.GetTempPath(), RootPrefix + "*"))
        {
            string rest = Path.GetFileName(dir)[RootPrefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || IsRunning(pid)) continue;
            TryDelete(dir);
        }
    }

    /// <summary>Best effort: a child process may still hold a file, or another test process may be removing the same stale
    /// root; a leftover folder in /tmp is harmless and the next sweep takes it.</summary>
    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left for the next sweep
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

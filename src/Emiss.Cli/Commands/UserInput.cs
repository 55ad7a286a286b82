using Emiss.Core.Diagnostics;
using Emiss.Detector.Setup;

namespace Emiss.Cli.Commands;

/// <summary>
/// Validation at the command-line boundary: every value the user gives is checked here (or by the card's own
/// validation) before any library runs, so that an exception from deeper down means a bug, not bad input.
/// </summary>
internal static class UserInput
{
    /// <summary>Throws a <see cref="UserInputException"/> unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string field, string problem, string fix)
    {
        if (!ok) throw new UserInputException(field, problem, fix);
    }

    /// <summary>
    /// Resolves something the user named (a material, geometry, particle, value list, set-up, data file) through a
    /// library lookup. The lookup's own rejection of the name or file (ArgumentException, FormatException,
    /// InvalidDataException, NotSupportedException, SetupCardException, a missing file) becomes a user error on
    /// <paramref name="field"/>; every other exception passes through as an internal error.
    /// </summary>
    public static T Resolve<T>(string field, Func<T> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            return lookup();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidDataException or NotSupportedException
                                      or SetupCardException or FileNotFoundException or DirectoryNotFoundException)
        {
            IEnumerable<string> lines = e is SetupCardException s ? s.Problems : [Message(e)];
            throw new UserInputException(string.Join("\n", lines.Select(l => l.StartsWith(field + ":", StringComparison.Ordinal) ? l : $"{field}: {l}")), e);
        }
    }

    /// <summary>
    /// Checks, without creating anything, that the output directory <paramref name="path"/> named by
    /// <paramref name="field"/> can be written: it is a writable directory, or its nearest existing ancestor is.
    /// Commands call this before any work, so that a bad <c>--out</c> costs nothing.
    /// </summary>
    public static string CheckOutputDirectory(string field, string path)
    {
        string full = FullPath(field, path);
        Require(!File.Exists(full), field, $"'{path}' is an existing file, not a directory", "give a directory path (it is created if missing)");
        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            Require(!File.Exists(existing), field, $"'{existing}' is a file, so '{path}' cannot be a directory", "choose another output directory");
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is not null) RequireWritable(field, existing, path);
        return path;
    }

    /// <summary>Checks that the output file <paramref name="path"/> named by <paramref name="field"/> can be created: its directory exists and is writable, and it is not a directory.</summary>
    public static string OutputFile(string field, string path)
    {
        string full = FullPath(field, path);
        Require(!Directory.Exists(full), field, $"'{path}' is a directory", "give the path of a file");
        string? dir = Path.GetDirectoryName(full);
        Require(dir is null || Directory.Exists(dir), field, $"directory '{dir}' does not exist", "create it first or choose another path");
        if (dir is not null) RequireWritable(field, dir, path);
        return path;
    }

    private static string FullPath(string field, string path)
    {
        Require(!string.IsNullOrWhiteSpace(path), field, "is empty", "give a path");
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException(field, $"'{path}' is not a valid path ({e.Message})", "choose another path", e);
        }
    }

    /// <summary>
    /// Creates and deletes a probe file in <paramref name="directory"/>: the only reliable test of writability
    /// (permission bits do not tell about read-only mounts, /proc or ACLs).
    /// </summary>
    private static void RequireWritable(string field, string directory, string path)
    {
        string probe = Path.Combine(directory, $".emiss-write-probe-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}");
        try
        {
            using var fs = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UserInputException(field, $"cannot write into '{directory}' for '{path}' ({e.Message.TrimEnd('.')})", "choose a writable location", e);
        }
    }

    /// <summary>An exception's message without the " (Parameter 'name')" suffix that ArgumentException appends.</summary>
    private static string Message(Exception e)
    {
        string m = e.Message;
        if (e is ArgumentException { ParamName: { } p })
        {
            string suffix = $" (Parameter '{p}')";
            int i = m.IndexOf(suffix, StringComparison.Ordinal);
            if (i >= 0) m = m.Remove(i, suffix.Length);
        }
        return m;
    }
}

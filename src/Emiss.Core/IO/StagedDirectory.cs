using System.Text.RegularExpressions;
using Emiss.Core.Diagnostics;

namespace Emiss.Core.IO;

/// <summary>
/// A multi-file output written as a unit: the files go into a staging directory beside the target
/// (<c>DIR.emiss-PID-START-RAND.partial</c>, see <see cref="TemporaryPaths"/>) and <see cref="Publish"/> renames it to
/// the target, so a directory at the target path is always complete. An existing target is replaced as a unit (renamed
/// aside, the new one renamed in, the old one deleted), but only if it holds nothing except files that the same
/// command writes (<c>ownedNames</c>): Emiss never deletes a file it did not write. Disposing without publishing
/// removes the staging directory and any parent directories it had to create.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private readonly string? _createdParent;
    private bool _published, _disposed;

    private StagedDirectory(string target, string staging, string? createdParent)
    {
        Target = target;
        Path = staging;
        _createdParent = createdParent;
    }

    /// <summary>The final directory (full path).</summary>
    public string Target { get; }

    /// <summary>The staging directory to write into.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks that <paramref name="target"/> can be written (or replaced) and creates its staging directory. Problems are
    /// <see cref="UserInputException"/>s on <paramref name="field"/>, raised before any work.
    /// </summary>
    /// <param name="field">The option that named the directory, e.g. "--out".</param>
    /// <param name="target">The output directory.</param>
    /// <param name="ownedNames">File-name patterns ('*' = any text) of everything the command writes there.</param>
    public static StagedDirectory Begin(string field, string target, IReadOnlyList<string> ownedNames)
    {
        ArgumentNullException.ThrowIfNull(ownedNames);
        string full;
        try
        {
            full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException(field, $"'{target}' is not a valid path ({e.Message})", "choose another directory", e);
        }
        string? parent = System.IO.Path.GetDirectoryName(full);
        if (parent is null) throw new UserInputException(field, $"'{target}' is a file-system root", "choose a directory below it");
        string cwd = System.IO.Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        if (cwd == full || cwd.StartsWith(full + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UserInputException(field, $"'{target}' is (or contains) the working directory, which a finished run would replace", "choose a new subdirectory, e.g. --out out/run1");
        if (File.Exists(full)) throw new UserInputException(field, $"'{target}' is a file", "give the path of a directory (it is created)");
        if (Directory.Exists(full)) CheckReplaceable(field, target, full, ownedNames);
        string? created = FirstMissing(parent);
        try
        {
            Directory.CreateDirectory(parent);
            return new StagedDirectory(full, TemporaryPaths.CreateDirectory(full), created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(created, parent);
            throw new UserInputException(field, $"cannot create directory '{target}' ({e.Message})", "choose a writable directory", e);
        }
    }

    /// <summary>Renames the staging directory to the target, replacing an existing target as a unit.</summary>
    public void Publish()
    {
        ObjectDisposedException.ThrowIf(_disposed || _published, this);
        string? aside = Directory.Exists(Target) ? TemporaryPaths.Beside(Target, "old") : null;
        TemporaryPaths.Publish(() =>
        {
            if (aside is not null)
            {
                Directory.Move(Target, aside);
                TemporaryPaths.Register(aside);
            }
            Directory.Move(Path, Target);
        }, Target, Path);
        _published = true;
        if (aside is not null) TemporaryPaths.Remove(aside);
    }

    /// <summary>Removes the staging directory (and created parents) unless published.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_published) return;
        TemporaryPaths.Remove(Path);
        string? parent = System.IO.Path.GetDirectoryName(Target);
        if (parent is not null) RemoveCreated(_createdParent, parent);
    }

    private static void CheckReplaceable(string field, string target, string full, IReadOnlyList<string> ownedNames)
    {
        Regex[] owned = [.. ownedNames.Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant))];
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(full))
            {
                string name = System.IO.Path.GetFileName(entry);
                bool ours = File.Exists(entry) && owned.Any(r => r.IsMatch(name));
                if (!ours)
                    throw new UserInputException(field, $"'{target}' exists and holds '{name}', which this command does not write (a finished run replaces the whole directory)",
                        "choose a new directory or move that file away");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(field, $"cannot read directory '{target}' ({e.Message})", "choose a readable, writable directory", e);
        }
    }

    /// <summary>The outermost ancestor of <paramref name="dir"/> (or itself) that does not exist yet; null if it exists.</summary>
    private static string? FirstMissing(string dir)
    {
        string? missing = null;
        for (string? d = dir; d is not null && !Directory.Exists(d); d = System.IO.Path.GetDirectoryName(d)) missing = d;
        return missing;
    }

    /// <summary>Removes the empty directories from <paramref name="dir"/> up to <paramref name="created"/> (the ones Begin created).</summary>
    private static void RemoveCreated(string? created, string dir)
    {
        if (created is null) return;
        for (string? d = dir; d is not null && d.Length >= created.Length; d = System.IO.Path.GetDirectoryName(d))
        {
            try
            {
                if (Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()) Directory.Delete(d);
                else return;
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Emiss.Core.IO;

/// <summary>
/// The temporary files and directories that Emiss creates beside its outputs while writing them
/// (<c>NAME.emiss-PID-START-RAND.tmp</c> for a file, <c>NAME.emiss-PID-START-RAND.partial</c> for a staged directory,
/// <c>NAME.emiss-PID-START-RAND.old</c> for a replaced one). Every such path is registered while it exists, so that
/// an interrupt (SIGINT/SIGTERM) can remove them all with <see cref="RemoveAllAndClose"/>; the name carries the
/// owning process id and its start time, so that a later run can tell the debris of a killed (SIGKILL) run from the
/// work of a live one and remove it (<see cref="RemoveStale"/>). Creation, publication (rename to the final name) and
/// the interrupt clean-up are serialised by one gate: a clean-up sees every temporary path that exists, and no new
/// one appears after it.
/// </summary>
public static partial class TemporaryPaths
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static readonly List<string> PublishedPaths = [];
    private static bool _closed;

    /// <summary>Whether the interrupt clean-up (<see cref="RemoveAllAndClose"/>) has begun: the process is ending.</summary>
    public static bool Interrupted => Volatile.Read(ref _closed);

    /// <summary>This process's owner tag, <c>PID-START</c> (START: start time in clock ticks since boot, 0 where /proc is absent).</summary>
    public static string OwnerTag { get; } = Tag(Environment.ProcessId);

    /// <summary>Final paths published by this process (not counting files published inside a staged directory).</summary>
    public static IReadOnlyList<string> Published
    {
        get
        {
            lock (Gate) return [.. PublishedPaths];
        }
    }

    /// <summary>A fresh temporary path beside <paramref name="fullTarget"/> of the given kind ("tmp", "partial", "old").</summary>
    public static string Beside(string fullTarget, string kind) =>
        $"{fullTarget.TrimEnd(Path.DirectorySeparatorChar)}.emiss-{OwnerTag}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.{kind}";

    /// <summary>
    /// Creates (and registers) a temporary file beside <paramref name="fullTarget"/>, and the target's directory if it is
    /// missing, after removing the stale temporary paths of dead processes for the same target. Throws
    /// <see cref="OperationCanceledException"/> once the process is being interrupted.
    /// </summary>
    public static (string Path, FileStream Stream) CreateFile(string fullTarget)
    {
        RemoveStale(fullTarget);
        string tmp = Beside(fullTarget, "tmp");
        string? dir = System.IO.Path.GetDirectoryName(tmp);
        lock (Gate)
        {
            ThrowIfClosed();
            // Under the gate: a writer thread that created the directory outside it could recreate a staging directory
            // that the interrupt clean-up had just removed, and leave it behind empty (seen in the process-level tests).
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite);
            Live.Add(tmp);
            return (tmp, fs);
        }
    }

    /// <summary>Creates (and registers) an empty staging directory beside <paramref name="fullTarget"/>, after removing stale ones.</summary>
    public static string CreateDirectory(string fullTarget)
    {
        RemoveStale(fullTarget);
        string tmp = Beside(fullTarget, "partial");
        lock (Gate)
        {
            ThrowIfClosed();
            Directory.CreateDirectory(tmp);
            Live.Add(tmp);
            return tmp;
        }
    }

    /// <summary>
    /// Runs the publication step <paramref name="publish"/> (renames) under the gate, so that an interrupt either
    /// happens before it (nothing published) or after it (the output complete); then forgets <paramref name="released"/>
    /// (temporary paths that no longer exist) and records <paramref name="published"/>.
    /// </summary>
    public static void Publish(Action publish, string published, params string[] released)
    {
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(released);
        lock (Gate)
        {
            ThrowIfClosed();
            publish();
            foreach (string r in released) Live.Remove(r);
            if (!Live.Any(t => published.StartsWith(t + Path.DirectorySeparatorChar, StringComparison.Ordinal))) PublishedPaths.Add(published);
        }
    }

    /// <summary>Registers a temporary path created by a <see cref="Publish"/> step (e.g. a replaced directory renamed aside).</summary>
    public static void Register(string path)
    {
        lock (Gate) Live.Add(path);
    }

    /// <summary>Deletes a registered temporary path (file or directory tree) and forgets it.</summary>
    public static void Remove(string path)
    {
        lock (Gate)
        {
            Delete(path);
            Live.Remove(path);
        }
    }

    /// <summary>
    /// The interrupt clean-up: deletes every registered temporary path and returns the final paths published before it.
    /// It keeps the gate for the rest of the process's life (the caller ends the process next), so every other thread
    /// that would create, publish or remove a temporary path waits instead of writing anything more or failing.
    /// </summary>
    public static IReadOnlyList<string> RemoveAllAndClose()
    {
        Gate.Enter();
        Volatile.Write(ref _closed, true);
        foreach (string p in Live)
        {
            try
            {
                Delete(Detached(p));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: what cannot be deleted now is removed by the next run (RemoveStale).
            }
        }
        Live.Clear();
        return [.. PublishedPaths];
    }

    /// <summary>
    /// Removes the temporary paths beside <paramref name="fullTarget"/> (same name plus an Emiss temporary suffix)
    /// whose owning process no longer runs: the debris of a killed run. Paths of live processes are left alone.
    /// </summary>
    public static void RemoveStale(string fullTarget)
    {
        string trimmed = fullTarget.TrimEnd(Path.DirectorySeparatorChar);
        string? dir = Path.GetDirectoryName(trimmed);
        string name = Path.GetFileName(trimmed);
        if (string.IsNullOrEmpty(dir) || string.IsNullOrEmpty(name) || !Directory.Exists(dir)) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir, name + ".emiss-*"))
        {
            Match m = TemporaryName().Match(Path.GetFileName(entry));
            if (!m.Success || m.Groups["name"].Value != name) continue;
            int pid = int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture);
            if (IsRunning(pid, m.Groups["start"].Value)) continue;
            lock (Gate) Delete(entry);
        }
    }

    /// <summary>Whether the process <paramref name="pid"/> with start tag <paramref name="start"/> still runs (a reused pid does not count).</summary>
    public static bool IsRunning(int pid, string start)
    {
        if (pid == Environment.ProcessId) return start == StartOf(pid);
        if (Directory.Exists("/proc/self"))
            return StartOf(pid) is { } s && s == start;
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Tag(int pid) => $"{pid.ToString(CultureInfo.InvariantCulture)}-{StartOf(pid) ?? "0"}";

    /// <summary>Field 22 of /proc/PID/stat (start time after boot, clock ticks); null when the process or /proc is absent.</summary>
    private static string? StartOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return rest.Length > 19 ? rest[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void ThrowIfClosed()
    {
        if (_closed) throw new OperationCanceledException("the run is being interrupted");
    }

    /// <summary>Deletes a file or a directory tree; retries, since a writer may still rename inside a directory being deleted.</summary>
    /// <summary>A staging directory renamed aside (same name, suffix <c>.old</c>) before it is deleted: threads still
    /// writing files into it by path then fail instead of adding entries while the tree is removed, which made the
    /// recursive delete fail with "directory not empty" and left the directory behind. The path itself for a file, or
    /// when the rename fails.</summary>
    private static string Detached(string path)
    {
        if (!Directory.Exists(path) || !path.EndsWith(".partial", StringComparison.Ordinal)) return path;
        string aside = path[..^".partial".Length] + ".old";
        try
        {
            Directory.Move(path, aside);
            return aside;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    private static void Delete(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else File.Delete(path);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 20)
            {
                Thread.Sleep(5);
            }
        }
    }

    [GeneratedRegex(@"^(?<name>.+)\.emiss-(?<pid>[0-9]{1,10})-(?<start>[0-9]+)-[0-9a-f]{8}\.(tmp|partial|old)$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}

using Emiss.Core.IO;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Fast;

/// <summary>
/// Shower libraries kept on disk between processes, one file per content address (<see cref="ShowerLibraryKey.Digest()"/>):
/// <c>DIR/shower-libraries/DIGEST.emlib</c> (<see cref="ShowerLibraryFile"/>; docs/physics/fast-mode.md#library-cache).
/// A file is written atomically (temporary file beside it, then rename, as <see cref="AtomicFile"/> does). Two processes that build
/// the same key at once both write; no lock is needed because the build is deterministic, so the later rename replaces
/// the file with identical bytes, and a reader always opens one whole file. A file that cannot be read back (wrong magic,
/// truncated, checksum mismatch) is reported as one warning and rebuilt; a directory that cannot be written is reported
/// once and the library lives in memory only. The cache is never the product: no cache failure stops a run.
/// </summary>
/// <param name="directory">Root of the cache (the files go to its <c>shower-libraries</c> folder).</param>
/// <param name="warn">Receives each one-line warning (the CLI prints them on stderr).</param>
public sealed class ShowerLibraryDiskCache(string directory, Action<string> warn)
{
    /// <summary>Environment variable naming the cache root.</summary>
    public const string DirectoryVariable = "EMISS_CACHE_DIR";

    /// <summary>Environment variable that, set to a non-empty value other than 0, turns the disk cache off.</summary>
    public const string DisableVariable = "EMISS_NO_LIBRARY_CACHE";

    private int _writeWarned;

    /// <summary>Folder that holds the library files.</summary>
    public string Directory { get; } = Path.Combine(Path.GetFullPath(directory), "shower-libraries");

    /// <summary>
    /// The cache the environment asks for: none when <c>EMISS_NO_LIBRARY_CACHE</c> is set (not "0"); else rooted at
    /// <c>$EMISS_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/emiss</c>, else <c>~/.cache/emiss</c>.
    /// </summary>
    public static ShowerLibraryDiskCache? FromEnvironment(Func<string, string?> variable, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable(DisableVariable) is { Length: > 0 } off && off != "0") return null;
        if (variable(DirectoryVariable) is { Length: > 0 } dir) return new ShowerLibraryDiskCache(dir, warn);
        string root = variable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return new ShowerLibraryDiskCache(Path.Combine(root, "emiss"), warn);
    }

    /// <summary>The file of the library with key digest <paramref name="digest"/>.</summary>
    public string PathOf(string digest) => Path.Combine(Directory, digest + ".emlib");

    /// <summary>
    /// The library for <paramref name="physics"/> and <paramref name="options"/>: loaded from its file when that holds a
    /// valid one, else built with <paramref name="threads"/> workers and stored.
    /// </summary>
    public ShowerLibrary GetOrBuild(ShowerPhysics physics, FastShowerOptions options, int threads)
    {
        ArgumentNullException.ThrowIfNull(physics);
        string digest = ShowerLibraryKey.Of(physics, options).Digest();
        string path = PathOf(digest);
        if (File.Exists(path))
        {
            try
            {
                ShowerLibrary loaded = ShowerLibraryFile.Read(path, physics, options, digest);
                MarkUsed(path);
                return loaded;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                warn($"emiss: warning: shower library cache file {path} is unusable ({e.Message}); rebuilding it");
            }
        }
        ShowerLibrary library = ShowerLibrary.Build(physics, options, threads);
        try
        {
            WriteAtomically(path, s => ShowerLibraryFile.Write(s, library, digest));
            library.CachedAs = path;
            Prune(keep: path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (Interlocked.Exchange(ref _writeWarned, 1) == 0)
                warn($"emiss: warning: cannot write the shower library cache in {Directory} ({e.Message}); the library is kept in memory for this run only (set {DirectoryVariable} to a writable directory)");
        }
        return library;
    }

    /// <summary>How many library files the cache keeps: the key contains the Emiss commit, so every new build of Emiss
    /// (and every other geometry or option set) adds a ≈ 110 MiB file; the least recently used beyond this many go.</summary>
    public const int MaximumFiles = 4;

    /// <summary>Removes the least recently used library files beyond <see cref="MaximumFiles"/>, never
    /// <paramref name="keep"/>. Best effort: a file another process removed or still reads is left to it (on POSIX an open
    /// file stays readable after its name is removed).</summary>
    private void Prune(string keep)
    {
        try
        {
            var stale = new DirectoryInfo(Directory).GetFiles("*.emlib")
                .Where(f => !string.Equals(f.FullName, keep, StringComparison.Ordinal))
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Skip(MaximumFiles - 1);
            foreach (FileInfo f in stale) f.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: a file that cannot be removed now is removed by a later run.
        }
    }

    /// <summary>Marks a loaded file as recently used (its write time), so that pruning keeps the libraries in use.</summary>
    private static void MarkUsed(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves its files; they are just not ranked as recently used.
        }
    }

    /// <summary>
    /// <see cref="AtomicFile.Write"/> without recording the file as a published output: the cache file is not the run's
    /// product, so an interrupted run must not report it among the outputs it kept. The temporary file is registered
    /// like every other (removed on failure, on SIGINT/SIGTERM, and as debris of a killed process by a later writer).
    /// </summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        (string tmp, FileStream fs) = TemporaryPaths.CreateFile(path);   // creates the cache directory if missing
        try
        {
            using (fs)
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            TemporaryPaths.Remove(tmp);   // forgets it; nothing left to delete after the move
        }
    }
}

namespace Emiss.Core.IO;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the same directory, which is
/// flushed and then renamed over the target, so a crash never leaves a half-written output. The temporary file is
/// registered with <see cref="TemporaryPaths"/> (removed on failure, on SIGINT/SIGTERM, and by a later run if this
/// process is killed).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically through the stream callback; its directory is created if missing
    /// (under the interrupt gate of <see cref="TemporaryPaths"/>, so an interrupted run cannot recreate a removed staging
    /// directory).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        var (tmp, fs) = TemporaryPaths.CreateFile(full);   // creates the directory if missing
        try
        {
            using (fs)
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            TemporaryPaths.Publish(() => File.Move(tmp, full, overwrite: true), full, tmp);
        }
        finally
        {
            TemporaryPaths.Remove(tmp); // no-op after the move
        }
    }

    /// <summary>Writes UTF-8 text (no BOM, '\n' line ends as given) atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, s =>
        {
            byte[] bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
            s.Write(bytes, 0, bytes.Length);
        });

    /// <summary>Writes bytes atomically.</summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, s => s.Write(copy, 0, copy.Length));
    }
}

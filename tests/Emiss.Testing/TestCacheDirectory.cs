using System.Globalization;

namespace Emiss.Testing;

/// <summary>
/// Points the test process's disk caches (EMISS_CACHE_DIR: the shower library cache, docs/physics/fast-mode.md#library-cache)
/// at a fresh folder of its own under the temporary directory, removed when the process exits, so tests never read or
/// fill the user's ~/.cache and never see a library another test run left behind. Child processes inherit the variable.
/// </summary>
public static class TestCacheDirectory
{
    private static readonly Lock Gate = new();
    private static string? _path;

    /// <summary>Sets EMISS_CACHE_DIR for this process (once) and returns the folder.</summary>
    public static string Install()
    {
        lock (Gate)
        {
            if (_path is not null) return _path;
            _path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"emiss-test-cache-{Environment.ProcessId}-{Guid.NewGuid():N}"));
            Directory.CreateDirectory(_path);
            Environment.SetEnvironmentVariable("EMISS_CACHE_DIR", _path);
            string owned = _path;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(owned, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort: a leftover folder in /tmp is harmless.
                }
            };
            return _path;
        }
    }
}

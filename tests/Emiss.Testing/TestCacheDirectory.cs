namespace Emiss.Testing;

/// <summary>
/// Points the test process's disk caches (EMISS_CACHE_DIR: the shower library cache, docs/physics/fast-mode.md#library-cache)
/// at a fresh folder of its own among the process's scratch folders (<see cref="TestScratch"/>, removed when the process
/// exits), so tests never read or fill the user's ~/.cache and never see a library another test run left behind. Child
/// processes inherit the variable.
/// </summary>
public static class TestCacheDirectory
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        string path = TestScratch.NewDirectory("cache");
        Environment.SetEnvironmentVariable("EMISS_CACHE_DIR", path);
        return path;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Sets EMISS_CACHE_DIR for this process (once) and returns the folder.</summary>
    public static string Install() => Folder.Value;
}

using System.Collections.Concurrent;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Fast;

/// <summary>
/// One shower library per <see cref="ShowerLibraryKey"/> and process, obtained on first use (with the standard processes,
/// no extra ones) and then shared read-only by every worker thread and every later run with the same geometry
/// content, cuts and settings. It is loaded from the disk cache (<see cref="Disk"/>) when that holds it, else built and
/// stored there. The build is deterministic for any thread count, so which caller triggers it does not matter;
/// concurrent first callers wait for the one build or load.
/// </summary>
public static class ShowerLibraryCache
{
    private static readonly ConcurrentDictionary<ShowerLibraryKey, Lazy<ShowerLibrary>> Libraries = new();
    private static readonly Lazy<ShowerLibraryDiskCache?> FromEnvironment = new(() =>
        ShowerLibraryDiskCache.FromEnvironment(Environment.GetEnvironmentVariable, Console.Error.WriteLine));
    private static readonly ConcurrentDictionary<ShowerLibraryKey, long> BuildsByKey = new();
    private static long _builds;

    /// <summary>Libraries built or loaded by this process so far (diagnostics and tests).</summary>
    public static long Builds => Interlocked.Read(ref _builds);

    /// <summary>How often this process built or loaded the library of <paramref name="key"/>: 1 once it was used, however
    /// many callers asked. Unlike <see cref="Builds"/> it does not move when other callers (tests running in parallel)
    /// obtain other libraries.</summary>
    public static long BuildsOf(ShowerLibraryKey key) => BuildsByKey.TryGetValue(key, out long n) ? n : 0;

    /// <summary>The disk cache the environment selects (<see cref="ShowerLibraryDiskCache.FromEnvironment"/>, warnings on
    /// stderr), read once per process; null when <c>EMISS_NO_LIBRARY_CACHE</c> turns it off.</summary>
    public static ShowerLibraryDiskCache? Disk => FromEnvironment.Value;

    /// <summary>The library for <paramref name="geometry"/> with <paramref name="physics"/> (extra processes ignored) and
    /// <paramref name="options"/>, from <see cref="Disk"/> or built with <paramref name="threads"/> workers if this process has none yet.</summary>
    /// <exception cref="NotSupportedException">The geometry has no periodic region.</exception>
    public static ShowerLibrary For(SlabStack geometry, PhysicsOptions physics, FastShowerOptions options, int threads) =>
        For(geometry, physics, options, threads, Disk);

    /// <summary><see cref="For(SlabStack, PhysicsOptions, FastShowerOptions, int)"/> with the disk cache <paramref name="disk"/>
    /// (null: build in memory only, e.g. <c>--no-library-cache</c>).</summary>
    public static ShowerLibrary For(SlabStack geometry, PhysicsOptions physics, FastShowerOptions options, int threads, ShowerLibraryDiskCache? disk)
    {
        ShowerLibraryKey key = ShowerLibraryKey.Of(geometry, physics, options);
        Lazy<ShowerLibrary> lazy = Libraries.GetOrAdd(key, k => new Lazy<ShowerLibrary>(() =>
        {
            Interlocked.Increment(ref _builds);
            BuildsByKey.AddOrUpdate(k, 1, (_, n) => n + 1);
            var p = new ShowerPhysics(geometry, k.Physics);
            return disk is null ? ShowerLibrary.Build(p, k.Options, threads) : disk.GetOrBuild(p, k.Options, threads);
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Libraries.TryRemove(new KeyValuePair<ShowerLibraryKey, Lazy<ShowerLibrary>>(key, lazy));   // a failed build is not cached
            throw;
        }
    }
}

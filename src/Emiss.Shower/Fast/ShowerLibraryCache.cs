using System.Collections.Concurrent;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Fast;

/// <summary>
/// One shower library per <see cref="ShowerLibraryKey"/> and process, built on first use (with the standard processes,
/// no extra ones) and then shared read-only by every worker thread and every later run with the same geometry
/// content, cuts and settings. The build is deterministic for any thread count, so which caller triggers it does not
/// matter; concurrent first callers wait for the one build.
/// </summary>
public static class ShowerLibraryCache
{
    private static readonly ConcurrentDictionary<ShowerLibraryKey, Lazy<ShowerLibrary>> Libraries = new();
    private static long _builds;

    /// <summary>Libraries built by this process so far (diagnostics and tests).</summary>
    public static long Builds => Interlocked.Read(ref _builds);

    /// <summary>The library for <paramref name="geometry"/> with <paramref name="physics"/> (extra processes ignored) and
    /// <paramref name="options"/>, building it with <paramref name="threads"/> workers if this process has none yet.</summary>
    /// <exception cref="NotSupportedException">The geometry has no periodic region.</exception>
    public static ShowerLibrary For(SlabStack geometry, PhysicsOptions physics, FastShowerOptions options, int threads)
    {
        ShowerLibraryKey key = ShowerLibraryKey.Of(geometry, physics, options);
        Lazy<ShowerLibrary> lazy = Libraries.GetOrAdd(key, k => new Lazy<ShowerLibrary>(() =>
        {
            Interlocked.Increment(ref _builds);
            return ShowerLibrary.Build(new ShowerPhysics(geometry, k.Physics), k.Options, threads);
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

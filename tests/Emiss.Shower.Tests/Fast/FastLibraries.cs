using System.Collections.Concurrent;
using Emiss.Shower.Fast;

namespace Emiss.Shower.Tests.Fast;

/// <summary>Shower libraries for the tests, built once per geometry on the shared physics of <see cref="TestShowers"/>.
/// Smaller than the default (24 showers per bin instead of 48) to keep the build under a second on 2 cores.</summary>
internal static class FastLibraries
{
    public static readonly FastShowerOptions TestOptions = FastShowerOptions.Default with { EntriesPerBin = 24 };

    private static readonly ConcurrentDictionary<string, Lazy<ShowerLibrary>> Cache = new();

    public static ShowerLibrary For(string geometry) =>
        Cache.GetOrAdd(geometry, g => new Lazy<ShowerLibrary>(() => ShowerLibrary.Build(TestShowers.Physics(g), TestOptions, threads: 2))).Value;
}

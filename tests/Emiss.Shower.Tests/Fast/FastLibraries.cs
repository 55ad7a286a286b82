using System.Collections.Concurrent;
using Emiss.Shower.Fast;

namespace Emiss.Shower.Tests.Fast;

/// <summary>Shower libraries for the tests, built once per geometry on the shared physics of <see cref="TestShowers"/>, with
/// the default options (the validation checks the configuration users get; ≈ 40–50 s wall per geometry on 2 shared cores at
/// 384 showers per bin). Smaller libraries carry a larger fixed bias: a bin of 24 photon showers has its mean depth uncertain by ≈ 0.5 X0.</summary>
internal static class FastLibraries
{
    public static readonly FastShowerOptions TestOptions = FastShowerOptions.Default;

    private static readonly ConcurrentDictionary<string, Lazy<ShowerLibrary>> Cache = new();

    public static ShowerLibrary For(string geometry) =>
        Cache.GetOrAdd(geometry, g => new Lazy<ShowerLibrary>(() => ShowerLibrary.Build(TestShowers.Physics(g), TestOptions, threads: 2))).Value;
}

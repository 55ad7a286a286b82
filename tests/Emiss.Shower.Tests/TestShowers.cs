using System.Collections.Concurrent;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Shower.Tests;

/// <summary>Shared, immutable physics per (geometry, options) so table building is paid once per test run.</summary>
internal static class TestShowers
{
    private static readonly ConcurrentDictionary<(string, PhysicsOptions), Lazy<ShowerPhysics>> Cache = new();

    public static ShowerPhysics Physics(string geometry, PhysicsOptions? options = null)
    {
        PhysicsOptions o = options ?? PhysicsOptions.Standard;
        return Cache.GetOrAdd((geometry, o), k => new Lazy<ShowerPhysics>(() => new ShowerPhysics(GeometryCatalog.Load(k.Item1), k.Item2))).Value;
    }

    public static ShowerRunResult Run(string geometry, ShowerSpecies type, double kineticGeV, int events, ulong seed,
        PhysicsOptions? options = null, int threads = 2, double beamXCm = 0, double beamYCm = 0) =>
        ShowerRunner.Run(Physics(geometry, options), type, kineticGeV, events, seed, threads, beamXCm: beamXCm, beamYCm: beamYCm);
}

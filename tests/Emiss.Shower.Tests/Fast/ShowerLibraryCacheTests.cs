using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Tests.Transport;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

/// <summary>One library per (geometry content, cuts, settings) key and process, shared read-only by all workers
/// (issue 13: "one shower library shared by all worker threads").</summary>
public class ShowerLibraryCacheTests
{
    // A small library (0.02 GeV switch, 2 showers per bin) keeps the builds cheap; the seed makes the key unique to this class.
    private static readonly FastShowerOptions Small = FastShowerOptions.Default with { SwitchGeV = 0.02, EntriesPerBin = 2, Seed = 0xCAC4E };

    [Fact]   // concurrent requests from separately loaded geometries and separately built physics get the same instance, built once
    public void Library_is_built_once_per_key_and_shared()
    {
        // Counted per key (1 = built or loaded once, by whichever test of this class came first): other test classes obtain
        // other libraries from the same process-wide cache in parallel.
        ShowerLibraryKey key = ShowerLibraryKey.Of(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard, Small);
        var got = new ShowerLibrary[6];
        Parallel.For(0, got.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
            got[i] = ShowerLibraryCache.For(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard, Small, threads: 1));
        Assert.Equal(1, ShowerLibraryCache.BuildsOf(key));
        Assert.All(got, l => Assert.Same(got[0], l));

        // other cuts are another key: another library, which does not serve the first physics
        PhysicsOptions coarseCuts = PhysicsOptions.Standard with { GammaCutGeV = 2e-4 };
        ShowerLibrary coarse = ShowerLibraryCache.For(GeometryCatalog.Load("na64-ecal"), coarseCuts, Small, threads: 1);
        Assert.Equal(1, ShowerLibraryCache.BuildsOf(ShowerLibraryKey.Of(GeometryCatalog.Load("na64-ecal"), coarseCuts, Small)));
        Assert.Equal(1, ShowerLibraryCache.BuildsOf(key));
        Assert.NotSame(got[0], coarse);
        var standard = new ShowerPhysics(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard);
        Assert.False(coarse.Serves(standard));
        Assert.Throws<ArgumentException>(() => new ShowerTransport(standard, coarse));
    }

    [Fact]   // workers that own physics with their own extra (A′-like) processes all share the standard-process library
    public void Library_serves_physics_that_differ_only_by_extra_processes()
    {
        ShowerLibrary lib = ShowerLibraryCache.For(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard, Small, threads: 1);
        var withExtra = new ShowerPhysics(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard with { ExtraProcesses = [_ => new InvisibleLossProcess()] });
        Assert.True(lib.Serves(withExtra));
        Assert.Same(lib, new ShowerTransport(withExtra, lib).Library);
        // a library built with an extra process serves only its own physics instance
        ShowerLibrary own = ShowerLibrary.Build(withExtra, Small);
        Assert.True(own.Serves(withExtra));
        Assert.False(own.Serves(new ShowerPhysics(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard)));
    }
}

using Emiss.Core.Constants;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

public class ShowerLibraryTests
{
    [Fact]   // each entry: Σ spots + escaped = stored total (exactly, by construction) = its start budget (kinetic, + 2 mₑ for e⁺) within its bin
    public void Entries_balance_their_energy_and_lie_in_their_bin()
    {
        ShowerLibrary lib = FastLibraries.For("na64-ecal");
        Assert.Equal(1e-3, lib.MinGeV, 12);          // largest e± cut of the period: Pb 1.0 MeV (docs/physics/transport.md#production-cuts)
        Assert.Equal(Math.Ceiling(Math.Log10(0.5 / 1e-3) * 6), lib.BinCount);
        Assert.Equal(3 * 2 * lib.BinCount * FastLibraries.TestOptions.EntriesPerBin, lib.EntryCount);
        double twoMe = 2 * PhysicalConstants.ElectronMassGeV;
        for (int sp = 0; sp < 3; sp++)
            for (int ph = 0; ph < 2; ph++)
                for (int b = 0; b < lib.BinCount; b++)
                    for (int k = 0; k < FastLibraries.TestOptions.EntriesPerBin; k++)
                    {
                        var e = lib.EntrySpots(lib.EntryIndex(sp, ph, b, k));
                        double sum = e.Escaped;
                        foreach (float x in e.E) sum += x;
                        Assert.Equal(e.Total, sum, 1e-12 * e.Total);
                        double extra = sp == 1 ? twoMe : 0;
                        // float spots: the stored total matches the transport's balance to ~1e-6 relative
                        Assert.InRange(e.Total, (lib.BinLowGeV(b) + extra) * (1 - 1e-5), (lib.BinLowGeV(b + 1) + extra) * (1 + 1e-5));
                        for (int s = 0; s < e.DSlab.Length; s++) Assert.Equal(((ph + e.DSlab[s]) % 2 + 2) % 2, e.Phase[s]);
                    }
    }

    [Fact]   // active (Sc, phase 1) share of 0.2–0.5 GeV e⁻ showers ≈ the EM sampling fraction of the stack, 9–10 % (docs/physics/na64-detector.md#ecal), ±15 % for 48 showers at low energy
    public void Library_showers_sample_the_scintillator_like_the_stack()
    {
        ShowerLibrary lib = FastLibraries.For("na64-ecal");
        double active = 0, total = 0;
        for (int b = 0; b < lib.BinCount; b++)
        {
            if (lib.BinLowGeV(b) < 0.2) continue;
            for (int ph = 0; ph < 2; ph++)
                for (int k = 0; k < FastLibraries.TestOptions.EntriesPerBin; k++)
                {
                    var e = lib.EntrySpots(lib.EntryIndex(0, ph, b, k));
                    for (int s = 0; s < e.E.Length; s++) { total += e.E[s]; if (e.Phase[s] == 1) active += e.E[s]; }
                }
        }
        Assert.InRange(active / total, 0.09 * 0.85, 0.10 * 1.15);
    }

    [Fact]   // the build is deterministic: identical spots for 1 and 3 threads; another seed gives other showers
    public void Build_is_identical_for_any_thread_count()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        var o = FastShowerOptions.Default with { SwitchGeV = 0.05, EntriesPerBin = 3 };
        ShowerLibrary a = ShowerLibrary.Build(phys, o, 1), b = ShowerLibrary.Build(phys, o, 3), c = ShowerLibrary.Build(phys, o with { Seed = 5 }, 2);
        Assert.Equal(a.SpotCount, b.SpotCount);
        bool differs = false;
        for (int j = 0; j < a.EntryCount; j++)
        {
            var x = a.EntrySpots(j);
            var y = b.EntrySpots(j);
            Assert.Equal(x.E, y.E);
            Assert.Equal(x.Dx, y.Dx);
            Assert.Equal(x.DSlab, y.DSlab);
            Assert.Equal(x.Total, y.Total);
            differs |= x.Total != c.EntrySpots(j).Total;
        }
        Assert.True(differs);
    }

    [Fact]   // no periodic run → the fast mode says what is missing
    public void Geometry_without_periodic_region_is_not_supported()
    {
        var g = Emiss.Shower.Geometry.SlabStack.Build("block", "one slab", [new(Emiss.Core.Materials.MaterialCatalog.Lead, 10, true, "a")],
            Emiss.Shower.Geometry.TransverseShape.Box, 10, new(1, 1, 20), 1, 10);
        var phys = new ShowerPhysics(g, PhysicsOptions.Standard);
        Assert.Throws<NotSupportedException>(() => ShowerLibrary.Build(phys, FastShowerOptions.Default));
    }
}

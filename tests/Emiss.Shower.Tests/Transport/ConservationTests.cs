using CsCheck;
using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Transport;

public class ConservationTests
{
    [Fact]   // deposits + leakage + invisible = E0 (below-cut energy is deposited locally and counted in the deposits)
    public void Shower_conserves_energy_and_charge() =>
        Gen.Select(Gen.Double[0.01, 3.0], Gen.ULong, Gen.Int[0, 2], Gen.Int[0, 2].Select(i => new[] { "na64-ecal", "testem3-pb-lar", "na64-hcal" }[i]))
            .Sample((e0, seed, t, geo) =>
            {
                var type = (ShowerSpecies)t;
                var transport = new ShowerTransport(TestShowers.Physics(geo));
                EventRng rng = RngStreams.For(seed, StreamKind.Shower, 0);
                var obs = new NullObserver();
                EventLedger l = transport.RunEvent(type, e0, ref rng, ref obs);
                double budget = ShowerSpeciesInfo.BudgetGeV(type, e0);
                return Math.Abs(l.DepositedGeV + l.LeakedGeV + l.InvisibleGeV - budget) <= 1e-9 * budget
                    && l.BudgetGeV == budget
                    && l.PositronsCreated == l.PositronsEnded
                    && l.BelowCutGeV <= l.DepositedGeV;
            }, iter: 40);

    [Fact]
    public void Runs_are_bit_identical_for_one_and_several_threads()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        ShowerRunResult a = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 40, 7, threads: 1);
        ShowerRunResult b = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 40, 7, threads: 2);
        ShowerRunResult c = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 40, 7, threads: 3);
        Assert.Equal(a.Sums.SlabSum, b.Sums.SlabSum);
        Assert.Equal(a.Sums.SlabSum, c.Sums.SlabSum);
        Assert.Equal(a.Sums.ActiveSumSq, c.Sums.ActiveSumSq);
        Assert.Equal(a.Sums.TrackLengthLogSum, c.Sums.TrackLengthLogSum);
        Assert.Equal(a.Sums.ChargedSteps, c.Sums.ChargedSteps);
        ShowerRunResult d = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 40, 8, threads: 2);
        Assert.NotEqual(a.Sums.ActiveSum, d.Sums.ActiveSum);
    }

    [Fact]   // a shard (firstEvent) reproduces the same events as the full run
    public void Shards_reproduce_the_events_of_a_full_run()
    {
        ShowerPhysics phys = TestShowers.Physics("testem3-pb-lar");
        ShowerRunResult full = ShowerRunner.Run(phys, ShowerSpecies.Electron, 0.5, 16, 3);
        ShowerRunResult first = ShowerRunner.Run(phys, ShowerSpecies.Electron, 0.5, 8, 3);
        ShowerRunResult second = ShowerRunner.Run(phys, ShowerSpecies.Electron, 0.5, 8, 3, firstEvent: 8);
        first.Sums.Merge(second.Sums);
        Assert.Equal(full.Sums.SlabSum, first.Sums.SlabSum);
    }

    [Fact]   // docs/ARCHITECTURE.md: a warmed-up shower allocates nothing
    public void Warm_transport_does_not_allocate()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        var transport = new ShowerTransport(phys);
        var tally = new EventTally(phys.Geometry, 2.0, phys.Processes.Length);
        var obs = new TallyObserver(tally);
        for (int i = 0; i < 20; i++)
        {
            EventRng w = RngStreams.For(1, StreamKind.Shower, (ulong)i);
            transport.RunEvent(ShowerSpecies.Electron, 2.0, ref w, ref obs);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            tally.Reset();
            EventRng rng = RngStreams.For(1, StreamKind.Shower, (ulong)(i % 20));
            transport.RunEvent(ShowerSpecies.Electron, 2.0, ref rng, ref obs);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]   // the random hinge (docs/physics/multiple-scattering.md#spatial-algorithm): energy and charge conserved, same events
             // for any thread count, no allocation once warm
    public void Random_hinge_conserves_energy_is_bit_identical_across_threads_and_does_not_allocate()
    {
        PhysicsOptions hinge = PhysicsOptions.Standard with { MscSpatial = MscSpatial.RandomHinge };
        ShowerPhysics phys = TestShowers.Physics("na64-ecal", hinge);
        var transport = new ShowerTransport(phys);
        var obs = new NullObserver();
        for (int i = 0; i < 20; i++)
        {
            EventRng rng = RngStreams.For(5, StreamKind.Shower, (ulong)i);
            EventLedger l = transport.RunEvent(ShowerSpecies.Electron, 1.0, ref rng, ref obs);
            Assert.True(Math.Abs(l.DepositedGeV + l.LeakedGeV + l.InvisibleGeV - l.BudgetGeV) <= 1e-9 * l.BudgetGeV);
            Assert.Equal(l.PositronsCreated, l.PositronsEnded);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            EventRng rng = RngStreams.For(5, StreamKind.Shower, (ulong)i);
            transport.RunEvent(ShowerSpecies.Electron, 1.0, ref rng, ref obs);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        ShowerRunResult a = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 20, 7, threads: 1);
        ShowerRunResult b = ShowerRunner.Run(phys, ShowerSpecies.Electron, 1.0, 20, 7, threads: 3);
        Assert.Equal(a.Sums.SlabSum, b.Sums.SlabSum);
        Assert.Equal(a.Sums.ChargedSteps, b.Sums.ChargedSteps);
    }

    [Fact]   // a process added through PhysicsOptions.ExtraProcesses is used by the unchanged loop; its invisible energy is booked
    public void Extra_process_with_invisible_final_state_is_transported()
    {
        var opts = PhysicsOptions.Standard with { ExtraProcesses = [m => new InvisibleLossProcess()] };
        ShowerPhysics phys = new(Emiss.Shower.Geometry.GeometryCatalog.Load("na64-ecal"), opts);
        var transport = new ShowerTransport(phys);
        double inv = 0;
        for (ulong i = 0; i < 20; i++)
        {
            EventRng rng = RngStreams.For(2, StreamKind.Shower, i);
            var obs = new NullObserver();
            EventLedger l = transport.RunEvent(ShowerSpecies.Electron, 2.0, ref rng, ref obs);
            Assert.True(Math.Abs(l.DepositedGeV + l.LeakedGeV + l.InvisibleGeV - 2.0) < 1e-9 * 2.0);
            inv += l.InvisibleGeV;
        }
        Assert.True(inv > 0, "the invisible-loss process must act");
    }
}

using CsCheck;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

public class FastConservationTests
{
    [Fact]   // fast mode: deposits + leakage + invisible = E0 to 1e-9 and e⁺ created = ended, for e⁻, e⁺, γ of 10 MeV – 30 GeV
    public void Fast_shower_conserves_energy_and_charge() =>
        Gen.Select(Gen.Double[0.01, 30.0], Gen.ULong, Gen.Int[0, 2], Gen.Int[0, 1].Select(i => new[] { "na64-ecal", "testem3-pb-lar" }[i]))
            .Sample((e0, seed, t, geo) =>
            {
                var type = (ShowerSpecies)t;
                var transport = new ShowerTransport(TestShowers.Physics(geo), FastLibraries.For(geo));
                EventRng rng = RngStreams.For(seed, StreamKind.Shower, 0);
                var obs = new NullObserver();
                EventLedger l = transport.RunEvent(type, e0, ref rng, ref obs, 0.7, -0.4);
                double budget = ShowerSpeciesInfo.BudgetGeV(type, e0);
                return Math.Abs(l.DepositedGeV + l.LeakedGeV + l.InvisibleGeV - budget) <= 1e-9 * budget
                    && l.PositronsCreated == l.PositronsEnded;
            }, iter: 60);

    [Fact]   // the observer sees exactly the ledger's deposits (slab sums), and the fast run replaces most charged steps
    public void Observer_deposits_match_the_ledger_and_steps_drop()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        var tally = new EventTally(phys.Geometry, 20.0, phys.Processes.Length);
        var obs = new TallyObserver(tally);
        var fast = new ShowerTransport(phys, FastLibraries.For("na64-ecal"));
        EventRng rng = RngStreams.For(11, StreamKind.Shower, 0);
        EventLedger l = fast.RunEvent(ShowerSpecies.Electron, 20.0, ref rng, ref obs);
        Assert.Equal(l.DepositedGeV, tally.SlabEdepGeV.Sum(), 1e-9 * 20.0);
        Assert.True(l.ChargedSteps < 20000, $"{l.ChargedSteps} charged steps (analog: ~62000 for 20 GeV)");
    }

    [Fact]   // replayed segments carry their track-length log bin from the build; binning them from their energy instead gives the same tallies bit for bit
    public void Precomputed_log_bins_of_replayed_segments_equal_those_from_their_energy()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        var fast = new ShowerTransport(phys, FastLibraries.For("na64-ecal"));
        var hinted = new EventTally(phys.Geometry, 5.0, phys.Processes.Length);
        var computed = new EventTally(phys.Geometry, 5.0, phys.Processes.Length);
        var a = new TallyObserver(hinted);
        var b = new WithoutLogBin(new TallyObserver(computed));
        EventRng ra = RngStreams.For(21, StreamKind.Shower, 0), rb = RngStreams.For(21, StreamKind.Shower, 0);
        EventLedger la = fast.RunEvent(ShowerSpecies.Electron, 5.0, ref ra, ref a);
        fast.RunEvent(ShowerSpecies.Electron, 5.0, ref rb, ref b);
        Assert.True(la.Substitutions > 10, $"{la.Substitutions} substitutions");
        Assert.True(hinted.TrackLengthLogX0.Sum() > 0);
        Assert.Equal(computed.TrackLengthLogX0, hinted.TrackLengthLogX0);
        Assert.Equal(computed.TrackLengthLinearX0, hinted.TrackLengthLinearX0);
    }

    /// <summary>Forwards to a tally with every step's precomputed log bin removed, so the tally bins it from the energy.</summary>
    private readonly struct WithoutLogBin(TallyObserver inner) : IShowerObserver
    {
        public void OnStep(in StepPoint point) => inner.OnStep(point with { LogBin = StepPoint.UnknownLogBin });

        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) => inner.OnDeposit(slab, xCm, yCm, energyGeV, visibleGeV);

        public void OnInteraction(int processIndex, in Emiss.Shower.Processes.ParticleState incoming, int slab) => inner.OnInteraction(processIndex, incoming, slab);

        public void OnLeak(in LeavingParticle particle, double budgetGeV) => inner.OnLeak(particle, budgetGeV);

        public void OnInvisible(int processIndex, double energyGeV, int slab) => inner.OnInvisible(processIndex, energyGeV, slab);
    }

    [Fact]   // fast runs are bit-identical for 1, 2 and 3 threads (library entries are drawn from the event stream)
    public void Fast_runs_are_bit_identical_for_any_thread_count()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        ShowerLibrary lib = FastLibraries.For("na64-ecal");
        ShowerRunResult a = ShowerRunner.Run(phys, ShowerSpecies.Electron, 10.0, 24, 7, threads: 1, library: lib);
        ShowerRunResult b = ShowerRunner.Run(phys, ShowerSpecies.Electron, 10.0, 24, 7, threads: 2, library: lib);
        ShowerRunResult c = ShowerRunner.Run(phys, ShowerSpecies.Electron, 10.0, 24, 7, threads: 3, library: lib);
        Assert.Equal(a.Sums.SlabSum, b.Sums.SlabSum);
        Assert.Equal(a.Sums.SlabSum, c.Sums.SlabSum);
        Assert.Equal(a.Sums.CellSum, c.Sums.CellSum);
        Assert.Equal(a.Sums.ActiveSumSq, c.Sums.ActiveSumSq);
        Assert.True(a.Sums.MaxBalanceError <= 1e-9, $"balance error {a.Sums.MaxBalanceError}");
    }

    [Fact]   // a library serves physics with its geometry content and options (cuts) only; without one the transport is the analog one
    public void Library_must_match_the_physics_and_null_means_analog()
    {
        ShowerLibrary lib = FastLibraries.For("na64-ecal");
        ShowerPhysics other = new(Emiss.Shower.Geometry.GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard with { ElectronRangeCutCm = 0.05 });
        Assert.Throws<ArgumentException>(() => new ShowerTransport(other, lib));
        Assert.Throws<ArgumentException>(() => ShowerRunner.Run(other, ShowerSpecies.Electron, 1.0, 1, 1, library: lib));
        ShowerPhysics otherGeometry = new(Emiss.Shower.Geometry.GeometryCatalog.Load("testem3-pb-lar"), PhysicsOptions.Standard);
        Assert.Throws<ArgumentException>(() => new ShowerTransport(otherGeometry, lib));
        ShowerPhysics sameContent = new(Emiss.Shower.Geometry.GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard);
        Assert.Same(lib, new ShowerTransport(sameContent, lib).Library);
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        EventRng r1 = RngStreams.For(3, StreamKind.Shower, 0), r2 = r1;
        var o = new NullObserver();
        EventLedger a = new ShowerTransport(phys).RunEvent(ShowerSpecies.Electron, 2.0, ref r1, ref o);
        EventLedger b = new ShowerTransport(phys, null).RunEvent(ShowerSpecies.Electron, 2.0, ref r2, ref o);
        Assert.Equal(a, b);
    }

    [Fact]   // docs/ARCHITECTURE.md: a warmed-up shower allocates nothing, in fast mode too
    public void Warm_fast_transport_does_not_allocate()
    {
        ShowerPhysics phys = TestShowers.Physics("na64-ecal");
        var transport = new ShowerTransport(phys, FastLibraries.For("na64-ecal"));
        var tally = new EventTally(phys.Geometry, 5.0, phys.Processes.Length);
        var obs = new TallyObserver(tally);
        for (int i = 0; i < 10; i++)
        {
            EventRng w = RngStreams.For(1, StreamKind.Shower, (ulong)i);
            transport.RunEvent(ShowerSpecies.Electron, 5.0, ref w, ref obs);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            tally.Reset();
            EventRng rng = RngStreams.For(1, StreamKind.Shower, (ulong)(i % 10));
            transport.RunEvent(ShowerSpecies.Electron, 5.0, ref rng, ref obs);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Transport;
using Emiss.Signal.Biasing;
using Emiss.Signal.Processes;
using Emiss.Signal.Run;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class AllocationTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void WarmedUpSignalEventsAllocateNothing()
    {
        // docs/ARCHITECTURE.md hot-loop rule: with the A′ processes and the signal observer in the loop, a warmed-up
        // yield-mode event (bremsstrahlung and annihilation, biased, angles sampled) allocates no memory.
        var annihilation = new ResonantAnnihilationCrossSection(fx.Tables10MeV.MassGeV, fx.Tables10MeV.MassGeV / 3, 0.5, 1e-4);
        var rates = new SignalRates(fx.Tables10MeV, annihilation, fx.Lead.Materials, 1e-4, 3e9, EnergyGrid.Standard, 1e10);
        var state = new EmissionState(fx.Lead.SectionNames.Length, fx.Lead.Cells.Count, 50);
        var physics = new ShowerPhysics(fx.Lead, SignalRunner.PhysicsFor(SignalMode.Yield, 50.0) with
        {
            ExtraProcesses = [_ => new DarkBremProcess(rates, state, sampleAngles: true), _ => new ResonantAnnihilationProcess(rates, state)],
        });
        var transport = new ShowerTransport(physics);
        var obs = new SignalObserver(rates, state, fx.Lead, 100.0);
        void Run(int from, int to)
        {
            for (int e = from; e < to; e++)
            {
                state.Reset();
                EventRng rng = RngStreams.For(1, StreamKind.Signal, (ulong)e);
                transport.RunEvent(ShowerSpecies.Electron, 100.0 - 0.51099895e-3, ref rng, ref obs);
            }
        }
        Run(0, 200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(200, 400);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

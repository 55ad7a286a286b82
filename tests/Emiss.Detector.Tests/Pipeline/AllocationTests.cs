using Emiss.Events;
using Emiss.Detector.Pipeline;
using Xunit;

namespace Emiss.Detector.Tests.Pipeline;

public sealed class AllocationTests
{
    [Fact]
    public void Warmed_up_event_simulation_allocates_nothing()
    {
        // docs/ARCHITECTURE.md (hot loops): per-event work reuses worker buffers. Pile-up is on (PbSc intensity).
        var model = new DetectorModel(TestCards.PbSc, 3);
        var sim = new EventSimulator(model);
        var batch = new EventBatch(2000, 36, 4);
        for (int i = 0; i < 200; i++) sim.Simulate(i, 1, batch);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 200; i < 2000; i++) sim.Simulate(i, 1, batch);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}

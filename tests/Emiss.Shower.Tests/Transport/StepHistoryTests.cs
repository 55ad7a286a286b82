using Emiss.Core.Random;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Transport;

public class StepHistoryTests
{
    [Fact]   // the history starts with the primary at E0 and its charged continuous losses never exceed the deposits
    public void Step_history_records_the_event()
    {
        var transport = new ShowerTransport(TestShowers.Physics("testem3-pb-lar"));
        var history = new List<StepPoint>();
        var obs = new StepHistoryObserver(history);
        EventRng rng = RngStreams.For(4, StreamKind.Shower, 0);
        EventLedger l = transport.RunEvent(ShowerSpecies.Electron, 0.5, ref rng, ref obs);
        Assert.True(history[0].IsPrimary && history[0].KineticEnergyGeV == 0.5);
        Assert.True(history.Count(h => h.Type != ShowerSpecies.Gamma) >= l.ChargedSteps);
        Assert.True(history.Where(h => h.Type != ShowerSpecies.Gamma).Sum(h => h.EnergyLossGeV) <= l.DepositedGeV * (1 + 1e-12));
    }
}

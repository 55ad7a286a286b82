using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Run;
using Emiss.Signal.MonteCarloYield;
using Xunit;

namespace Emiss.Signal.Tests.MonteCarloYield;

public sealed class MonteCarloSignalYieldTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void ImplementsTheYieldInterfaceWithTheAnalogEstimator()
    {
        var mc = new MonteCarloSignalYield(fx.Model, fx.Lead, Energy.FromGeV(100), 4096, 91, options: new SignalOptions { BiasFactor = 1.0 }, threads: 2);
        double viaInterface = ((ISignalYieldModel)mc).PerElectronOnTargetAtEps1(Mass.FromMeV(10));
        SignalRunResult direct = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = 1.0 }, 4096, 91, threads: 1);
        Assert.Equal(direct.Estimator.Value, viaInterface);
        // ε² scaling is applied by the caller: N_A′ = n_EOT · ε² · n(ε = 1) (docs/physics/signal-yield.md#master-formula).
        Assert.InRange(viaInterface, 1.2e-2, 1.5e-2);
        Assert.StartsWith("shower-mc/vector-iww/pb-thick", mc.Name, StringComparison.Ordinal);
    }
}

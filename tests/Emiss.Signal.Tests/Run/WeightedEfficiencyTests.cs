using Emiss.Signal.Run;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class WeightedEfficiencyTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void EfficiencyOfAnEnergyCutMatchesTheSpectrumAndItsError()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 8192, 81, threads: 2);
        (double eff, double err) = WeightedEfficiency.Of(r.Kept, e => e.Emission.APrimeEnergyGeV > 90.0);
        // Same fraction from the weighted E_miss histogram (bins 90–100 GeV of 2 GeV width).
        double top = 0, all = r.MissingEnergy.SumW.Sum();
        for (int i = 0; i < r.MissingEnergy.Bins; i++) if (r.MissingEnergy.Center(i) > 90) top += r.MissingEnergy.SumW[i];
        Assert.Equal(top / all, eff, 10);
        // For (nearly) equal weights the error reduces to the binomial √(ε(1 − ε)/N).
        double binomial = Math.Sqrt(eff * (1 - eff) / r.Kept.Count);
        Assert.InRange(err / binomial, 0.8, 2.0);
        Assert.Equal((1.0, 0.0), WeightedEfficiency.Of(r.Kept, _ => true));
    }
}

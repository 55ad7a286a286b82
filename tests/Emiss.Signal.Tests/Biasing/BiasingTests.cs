using Emiss.Signal.Run;
using Xunit;

namespace Emiss.Signal.Tests.Biasing;

/// <summary>
/// docs/physics/aprime-emission.md#biasing-and-weights: the weighted emission count equals the zero-variance track-length estimator within statistics
/// for B = 10⁶ … 10¹⁰, and the estimator itself (likelihood-weighted) does not depend on B.
/// </summary>
public sealed class BiasingTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private const int Events = 16_384;

    [Theory]
    [InlineData(1e7)]
    [InlineData(1e8)]
    [InlineData(1e9)]
    [InlineData(1e10)]
    public void WeightedEmissionsEqualEstimatorForAnyBias(double bias)
    {
        // 10 MeV, ε = 1e-4: true emission probability ≈ 1.3e-10 per electron, so B = 1e7 … 1e10 gives 1e-3 … 1.3
        // biased emissions per event (B = 1e6 is covered at 1 MeV and ε = 3e-4 below, where the rate is ≈ 80× larger).
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = bias }, Events, 11, threads: 2);
        AssertAgree(r);
    }

    [Fact]
    public void WeightedEmissionsEqualEstimatorAtBias1e6For1MeV()
    {
        var tables = Emiss.Signal.Tables.SignalTables.Build(fx.Model, fx.Lead.Materials, Emiss.Core.Units.Mass.FromMeV(1), Emiss.Core.Units.Energy.FromGeV(100));
        SignalRunResult r = SignalRunner.Run(tables, fx.Lead, new SignalOptions { BiasFactor = 1e6, Epsilon = 3e-4 }, Events, 12, threads: 2);
        Assert.True(r.Emissions > 50, $"only {r.Emissions} emissions");
        AssertAgree(r);
    }

    [Fact]
    public void EstimatorDoesNotDependOnBias()
    {
        SignalRunResult a = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = 1.0 }, Events, 13, threads: 2);
        SignalRunResult b = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = 3e10 }, Events, 14, threads: 2);
        double sigma = Math.Sqrt(a.Estimator.StatError * a.Estimator.StatError + b.Estimator.StatError * b.Estimator.StatError);
        Assert.True(Math.Abs(a.Estimator.Value - b.Estimator.Value) < 4 * sigma,
            $"unbiased {a.Estimator.Value:E4} ± {a.Estimator.StatError:E2} vs B = 3e10 {b.Estimator.Value:E4} ± {b.Estimator.StatError:E2}");
        // A forced emission ends the beam's high-energy track, so an unweighted estimator would drop by ~2× here.
        Assert.True(b.Emissions > Events / 2, $"B = 3e10 should emit in most events, got {b.Emissions}");
    }

    [Fact]
    public void EmissionProbabilityScalesAsEpsilonSquared()
    {
        // N_A′ = ε² n: the raw (undivided) weighted emission probability at ε = 1e-3 and 1e-5 differ by 1e4.
        SignalRunResult hi = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { Epsilon = 1e-3 }, Events, 15, threads: 2);
        SignalRunResult lo = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { Epsilon = 1e-5 }, Events, 16, threads: 2);
        double pHi = hi.EmissionsTotal.Value * 1e-6, pLo = lo.EmissionsTotal.Value * 1e-10;
        double rel = Math.Sqrt(Math.Pow(hi.EmissionsTotal.RelativeError, 2) + Math.Pow(lo.EmissionsTotal.RelativeError, 2));
        Assert.True(Math.Abs(pHi / pLo / 1e4 - 1) < 4 * rel + 1e-3, $"P(ε=1e-3)/P(ε=1e-5) = {pHi / pLo:E4}, expected 1e4 (rel. error {rel:F3})");
    }

    private static void AssertAgree(SignalRunResult r)
    {
        double sigma = Math.Sqrt(r.EmissionsTotal.StatError * r.EmissionsTotal.StatError + r.Estimator.StatError * r.Estimator.StatError);
        Assert.True(Math.Abs(r.EmissionsTotal.Value - r.Estimator.Value) < 4 * sigma,
            $"B = {r.BiasFactor:E1}: weighted emissions {r.EmissionsTotal.Value:E4} ± {r.EmissionsTotal.StatError:E2} vs estimator {r.Estimator.Value:E4} ± {r.Estimator.StatError:E2} ({r.Emissions} emissions)");
        Assert.True(Math.Abs(r.MeanEventWeight.Value - 1) < 4 * r.MeanEventWeight.StatError + 1e-3,
            $"mean event weight {r.MeanEventWeight.Value} ± {r.MeanEventWeight.StatError} must be 1 (exact likelihood ratio)");
    }
}

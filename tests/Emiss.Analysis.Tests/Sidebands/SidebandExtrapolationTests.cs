using Emiss.Analysis.Sidebands;
using Emiss.Core.Random;
using Xunit;

namespace Emiss.Analysis.Tests.Sidebands;

public class SidebandExtrapolationTests
{
    /// <summary>Events drawn from exp(−λx) on [0, 100): the exponential fit to the sideband [1, 100) recovers λ, and its
    /// extrapolation into the box [0, 1) matches the closed-form expectation n·(1 − e^(−λ))/(e^(−λ) − e^(−100λ)).</summary>
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.05)]
    public void Exponential_fit_recovers_the_slope_and_the_box_expectation(double lambda)
    {
        var side = new List<double>();
        double norm = 1 - Math.Exp(-100 * lambda);
        EventRng r = RngStreams.For(3, StreamKind.Toys, 1);
        for (int i = 0; i < 4000; i++)
        {
            double x = -Math.Log(1 - r.NextDouble() * norm) / lambda; // inverse CDF of the truncated exponential
            if (x >= 1) side.Add(x);
        }
        SidebandEstimate e = SidebandExtrapolation.Estimate("A", side, 1, 100, 0, 1);
        ModelResult exp = e.Models.Single(m => m.Model == ExtrapolationModel.Exponential);
        // σ(λ̂) ≈ λ/√n for an exponential with negligible truncation.
        Assert.InRange(exp.Parameter, lambda * (1 - 4 / Math.Sqrt(side.Count)), lambda * (1 + 4 / Math.Sqrt(side.Count)));
        double expected = side.Count * (1 - Math.Exp(-lambda)) / (Math.Exp(-lambda) - Math.Exp(-100 * lambda));
        // The extrapolated count scales with λ̂ to first order: allow 4σ of λ̂ propagated, plus the count's Poisson error.
        double tol = expected * (4 / Math.Sqrt(side.Count)) * 1.5 + 4 * exp.StatError;
        Assert.InRange(exp.BoxEvents, expected - tol, expected + tol);
    }

    [Fact]
    public void Models_disagree_when_the_box_is_far_and_the_spread_is_the_systematic()
    {
        var side = new List<double> { 52, 55, 58, 61, 66, 71, 75, 79 };
        SidebandEstimate e = SidebandExtrapolation.Estimate("C", side, 50, 80, 1, 50);
        Assert.Equal(3, e.Models.Count);
        double flat = e.Models.Single(m => m.Model == ExtrapolationModel.Flat).BoxEvents;
        Assert.Equal(8 * 49.0 / 30.0, flat, 12); // flat: n × (box width / sideband width)
        Assert.True(e.SystError > 0);
        Assert.InRange(e.BoxEvents, e.Models.Min(m => m.BoxEvents), e.Models.Max(m => m.BoxEvents));
    }

    [Fact]
    public void An_empty_sideband_extrapolates_to_zero_with_a_one_event_error_scale()
    {
        SidebandEstimate e = SidebandExtrapolation.Estimate("A", [], 1, 100, 0, 1);
        Assert.All(e.Models, m => Assert.Equal(0, m.BoxEvents));
        Assert.All(e.Models, m => Assert.True(m.StatError > 0));
    }
}

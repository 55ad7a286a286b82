using Emiss.Analysis.Sidebands;
using Emiss.Core.Random;
using Emiss.Events.Selection;
using Xunit;

namespace Emiss.Analysis.Tests.Sidebands;

/// <summary>Method 2 on events drawn from known densities: the box counts are compared with closed forms (exponential)
/// or with an integration of the density done here independently of the code's primitive (Simpson's rule).</summary>
public class SidebandExtrapolationTests
{
    /// <summary>The seed's regions: box E_ECAL &lt; 50 GeV, E_HCAL &lt; 1 GeV, sideband C up to the 80 GeV trigger threshold.</summary>
    private static readonly SignalRegions Seed = new() { EcalMaxGeV = 50, HcalMaxGeV = 1, SidebandCEcalMaxGeV = 80 };

    private const double Beam = 100, TriggerMin = 1;

    private static SidebandSpec A => SidebandSpec.ForA(Seed, Beam);
    private static SidebandSpec C => SidebandSpec.ForC(Seed, TriggerMin, Beam);

    /// <summary>Photon-fraction spectrum (1/y)(4/3 − 4/3·y + y²) (Tsai 1974 eq. 3.83) as a density in E = E₀(1 − y).</summary>
    private static double Brems(double e)
    {
        double y = 1 - e / Beam;
        return (4.0 / 3.0 - 4.0 / 3.0 * y + y * y) / y;
    }

    private static double Simpson(Func<double, double> f, double a, double b)
    {
        const int n = 20000;
        double h = (b - a) / n, s = f(a) + f(b);
        for (int i = 1; i < n; i++) s += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
        return s * h / 3;
    }

    private static double[] Ones(int n) => [.. Enumerable.Repeat(1.0, n)];

    [Fact]
    public void Sideband_A_is_fitted_below_region_II_and_C_over_its_whole_range()
    {
        // E_HCAL < E₀ − 50 GeV: region II (E_ECAL + E_HCAL ≃ 100 GeV at E_ECAL < 50 GeV) stays out of A's fit.
        Assert.Equal((1.0, 50.0, 0.0, 1.0), (A.FitLo, A.FitHi, A.BoxLo, A.BoxHi));
        Assert.Equal((50.0, 80.0, 1.0, 50.0), (C.FitLo, C.FitHi, C.BoxLo, C.BoxHi));
        Assert.Equal(ExtrapolationModel.Exponential, A.Central);
        Assert.Equal(ExtrapolationModel.BremsstrahlungLoss, C.Central);
        Assert.Equal(0, C.MaxSlope); // C's exponential may not rise towards the box
    }

    /// <summary>Events drawn from exp(−λx) on [0, 50): the central (exponential) fit of A's range [1, 50) recovers λ, and
    /// its box count matches the closed form n_side·(1 − e^(−λ))/(e^(−λ) − e^(−50λ)).</summary>
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.05)]
    public void Exponential_fit_of_A_recovers_the_slope_and_the_box_expectation(double lambda)
    {
        var side = new List<double>();
        double norm = 1 - Math.Exp(-50 * lambda);
        EventRng r = RngStreams.For(3, StreamKind.Toys, 1);
        for (int i = 0; i < 4000; i++)
        {
            double x = -Math.Log(1 - r.NextDouble() * norm) / lambda; // inverse CDF of the truncated exponential
            if (x >= 1) side.Add(x);
        }
        SidebandEstimate e = SidebandExtrapolation.Estimate(A, side, Ones(side.Count));
        // σ(λ̂) ≤ λ/√n·(1 + truncation); 4σ with a factor 2 for the truncation of the λ = 0.05 sample at 2.5 slopes.
        double sigma = 2 * lambda / Math.Sqrt(side.Count);
        Assert.InRange(e.Central.Parameter, lambda - 4 * sigma, lambda + 4 * sigma);
        double expected = side.Count * (1 - Math.Exp(-lambda)) / (Math.Exp(-lambda) - Math.Exp(-50 * lambda));
        // The box count moves with λ̂ by at most |d ln ratio/dλ|·δλ ≤ (1 + 50)·δλ: 4σ of λ̂ propagated, plus 4 stat errors.
        double tol = expected * 51 * 4 * sigma + 4 * e.StatError;
        Assert.InRange(e.BoxEvents, expected - tol, expected + tol);
        Assert.Equal(side.Count, e.SidebandEvents);
    }

    /// <summary>Events drawn from the bremsstrahlung-loss density on [1, 80) GeV (accept–reject): sideband C's central
    /// estimate agrees with the events actually drawn into the box [1, 50) and with N_C·∫_box f/∫_C f by Simpson's rule.</summary>
    [Fact]
    public void Bremsstrahlung_model_of_C_predicts_the_box_of_a_bremsstrahlung_sample()
    {
        double fMax = Brems(80); // f grows with E on [1, 80)
        EventRng r = RngStreams.For(4, StreamKind.Toys, 1);
        var side = new List<double>();
        int box = 0;
        while (side.Count + box < 3000)
        {
            double e = 1 + 79 * r.NextDouble();
            if (r.NextDouble() * fMax >= Brems(e)) continue;
            if (e >= 50) side.Add(e); else box++;
        }
        SidebandEstimate est = SidebandExtrapolation.Estimate(C, side, Ones(side.Count));
        double ratio = Simpson(Brems, 1, 50) / Simpson(Brems, 50, 80);
        Assert.Equal(side.Count * ratio, est.BoxEvents, 1e-6 * est.BoxEvents);
        // Realised box count against the prediction: Poisson fluctuations of both, 4σ.
        double sigma = Math.Sqrt(box + est.StatError * est.StatError);
        Assert.InRange(box, est.BoxEvents - 4 * sigma, est.BoxEvents + 4 * sigma);
    }

    [Fact]
    public void An_empty_sideband_gives_zero_with_the_68_percent_upper_limit_as_its_error()
    {
        SidebandEstimate c = SidebandExtrapolation.Estimate(C, [], []);
        Assert.All(c.Models, m => Assert.Equal(0, m.BoxEvents));
        // −ln(1 − 0.6827) = 1.1479 (Poisson upper limit for none observed) times the model's box/sideband ratio.
        double ratio = Simpson(Brems, 1, 50) / Simpson(Brems, 50, 80);
        Assert.InRange(ratio, 0.66, 0.68); // 0.6225/0.9267 = 0.672 from the primitive by hand
        Assert.Equal(1.1479 * ratio, c.StatError, 1e-3);
        Assert.Equal(0, c.SystError);
        SidebandEstimate a = SidebandExtrapolation.Estimate(A, [], []);
        Assert.Equal(1.1479 / 49, a.StatError, 1e-4); // unfitted exponential = flat: box width 1 over fit width 49
    }

    [Fact]
    public void Events_outside_the_fit_range_are_not_used()
    {
        // A region-II event (E_HCAL = 57 GeV at E_ECAL < 50 GeV) is in sideband A but above its fit range.
        SidebandEstimate a = SidebandExtrapolation.Estimate(A, [57.0], [3.36]);
        Assert.Equal(0, a.SidebandEvents);
        Assert.Equal(0, a.BoxEvents);
    }

    [Fact]
    public void Weights_scale_the_count_and_its_error_as_a_weighted_sum()
    {
        double[] side = [52, 55, 58, 61, 66, 71, 75, 79];
        SidebandEstimate one = SidebandExtrapolation.Estimate(C, side, Ones(side.Length));
        SidebandEstimate three = SidebandExtrapolation.Estimate(C, side, [.. side.Select(_ => 3.0)]);
        Assert.Equal(24, three.SidebandWeighted, 12);
        Assert.Equal(3 * one.BoxEvents, three.BoxEvents, 1e-9);
        Assert.Equal(3 * one.StatError, three.StatError, 1e-9); // √(Σw²) = 3√n
        Assert.Equal(Math.Sqrt(8) * one.BoxEvents / 8, one.StatError, 1e-9);
    }

    /// <summary>Events piled up at the box edge of C would make a free exponential rise by e^(λ·49) across the box; the
    /// bound λ ≤ 0 stops it at the flat density, n × (box width / sideband width).</summary>
    [Fact]
    public void The_exponential_of_C_cannot_rise_towards_the_box()
    {
        double[] side = [50.1, 50.3, 50.6, 50.9, 51.2, 51.8];
        SidebandEstimate e = SidebandExtrapolation.Estimate(C, side, Ones(side.Length));
        ModelResult exp = e.Models.Single(m => m.Model == ExtrapolationModel.Exponential);
        Assert.InRange(exp.Parameter, -1e-6, 0);
        Assert.Equal(6 * 49.0 / 30.0, exp.BoxEvents, 1e-4 * exp.BoxEvents);
    }

    /// <summary>Events falling towards the box (drawn from exp(+0.05·E) on [50, 80), i.e. λ = −0.05) are followed by C's
    /// exponential variation: its box count matches the closed form n·∫₁⁵⁰e^(0.05E)/∫₅₀⁸⁰e^(0.05E).</summary>
    [Fact]
    public void The_exponential_of_C_follows_events_that_fall_towards_the_box()
    {
        const double lambda = -0.05;
        EventRng r = RngStreams.For(5, StreamKind.Toys, 1);
        double lo = Math.Exp(-lambda * 50), hi = Math.Exp(-lambda * 80);
        double[] side = [.. Enumerable.Range(0, 2000).Select(_ => Math.Log(lo + r.NextDouble() * (hi - lo)) / -lambda)];
        ModelResult exp = SidebandExtrapolation.Estimate(C, side, Ones(side.Length)).Models.Single(m => m.Model == ExtrapolationModel.Exponential);
        double expected = side.Length * (Math.Exp(-lambda * 50) - Math.Exp(-lambda * 1)) / (hi - lo);
        // σ(λ̂) = 1/(√n·σ_E) (Fisher information of an exponential family), σ_E ≤ 30/√12 = 8.66 GeV on a 30 GeV range, so
        // take σ_E = 8.5: 4σ of λ̂, propagated through d ln(box/side)/dλ (finite difference of the closed form), plus 4
        // statistical errors.
        double sigma = 1 / (Math.Sqrt(side.Length) * 8.5);
        Assert.InRange(exp.Parameter, lambda - 4 * sigma, lambda + 4 * sigma);
        static double LnRatio(double l) => Math.Log((Math.Exp(-l) - Math.Exp(-l * 50)) / (Math.Exp(-l * 50) - Math.Exp(-l * 80)));
        double slope = Math.Abs(LnRatio(lambda + 1e-5) - LnRatio(lambda - 1e-5)) / 2e-5;
        double band = Math.Exp(slope * 4 * sigma);
        Assert.InRange(exp.BoxEvents, expected / band - 4 * exp.StatError, expected * band + 4 * exp.StatError);
    }

    [Fact]
    public void The_systematic_is_the_largest_distance_of_a_variation_from_the_central_model()
    {
        double[] side = [52, 55, 58, 61, 66, 71, 75, 79, 79.5];
        SidebandEstimate e = SidebandExtrapolation.Estimate(C, side, Ones(side.Length));
        Assert.Equal(ExtrapolationModel.BremsstrahlungLoss, e.Central.Model);
        Assert.Equal(e.Central.BoxEvents, e.BoxEvents);
        double expected = e.Models.Skip(1).Max(m => Math.Abs(m.BoxEvents - e.Central.BoxEvents));
        Assert.True(expected > 0);
        Assert.Equal(expected, e.SystError, 12);
    }
}

using Emiss.Analysis.Projections;
using Emiss.Stats;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Projections;

/// <summary>How projected limits scale with exposure (docs/physics/projections.md#background-scaling).</summary>
public class ProjectionScalingTests
{
    [Fact]
    public void Zero_background_limits_scale_exactly_as_EOT_to_the_minus_one_half()
    {
        // b = 0: every quantile of n is 0, N90 = ln 10 (CLs = e^-s) at every exposure, and ε90 = √(N90/(EOT ε n)) ∝ EOT^(−1/2).
        using var f = new ProjectionFixture();
        double[] eot = [1e10, 1e11, 1e12, 1e13];
        ProjectionResult r = ProjectionComputation.Run(f.Request(eot, BackgroundScaling.Zero), f.Cache, ProjectionFixture.Provenance);
        Assert.Equal(1, r.TablesFromCache);
        var tol = Tolerance.Rel(1e-12, "exact power law; double rounding only");
        for (int i = 0; i < ProjectionFixture.Masses.Length; i++)
        {
            ProjectionPoint first = r.Points[i];
            Tolerance.Rel(1e-10, "CLs root to 1e-11").AssertClose(Math.Sqrt(Math.Log(10) / (1e10 * 0.5 * first.YieldPerEotEps1)), first.Eps90.Median, "eps90 at 1e10 EOT");
            for (int e = 1; e < eot.Length; e++)
            {
                ProjectionPoint p = r.Points[e * ProjectionFixture.Masses.Length + i];
                double expected = Math.Pow(eot[e] / eot[0], -0.5);
                tol.AssertClose(expected, p.Eps90.Median / first.Eps90.Median, $"median ratio at {eot[e]:G3} EOT, {p.MassMeV} MeV");
                tol.AssertClose(expected, p.Eps90.Plus2Sigma / first.Eps90.Plus2Sigma, "+2σ ratio");
                tol.AssertClose(expected, p.Eps90.Minus2Sigma / first.Eps90.Minus2Sigma, "−2σ ratio");
            }
        }
    }

    [Fact]
    public void Background_dominated_limits_scale_as_EOT_to_the_minus_one_quarter()
    {
        // b = r·EOT ≫ 1: in the Gaussian limit the median CLs limit (n = b) solves Φ(−s/√b)/Φ(0) = 1 − CL, so
        // s_up = Φ⁻¹(1 − 0.1·0.5) √b = 1.6449 √b at 90% CL (A. L. Read, J. Phys. G 28 (2002) 2693), and
        // ε90 ∝ √(√EOT/EOT) = EOT^(−1/4). At b = 100 and 10⁴ the discrete Poisson quantiles and the O(1) terms of s_up
        // move the ratio by a few per cent.
        using var f = new ProjectionFixture();
        var background = new BackgroundScaling(BackgroundModel.ConstantPerEot, 1e-10, "test");
        ProjectionResult r = ProjectionComputation.Run(f.Request([1e12, 1e14], background), f.Cache, ProjectionFixture.Provenance);
        int n = ProjectionFixture.Masses.Length;
        Assert.Equal(100, r.Points[0].ExpectedBackground, 9);
        Assert.Equal(1e4, r.Points[n].ExpectedBackground, 6);
        Tolerance.Rel(0.05, "finite-b corrections to √b at b = 100 and 1e4").AssertClose(Math.Pow(100, -0.25), r.Points[n].Eps90.Median / r.Points[0].Eps90.Median, "median ratio");
        // The count limit itself against the Gaussian limit at b = 1e4 (O(1)/164 ≈ 1 %).
        double n90 = new CountingLimitCalculator(new CountingModel(1e4)).ExpectedLimits(0.90, withMean: false).Median;
        Tolerance.Rel(0.02, "Gaussian limit 1.6449·√b at b = 1e4").AssertClose(1.6449 * 100, n90, "median N90 at b = 1e4");
    }

    [Fact]
    public void Background_per_EOT_is_linear_and_zero_for_the_zero_model()
    {
        var s = new BackgroundScaling(BackgroundModel.BackgroundMonteCarlo, 2e-11, "reproduce run");
        Assert.Equal(20.0, s.ExpectedAt(1e12), 12);
        Assert.Equal(0.0, BackgroundScaling.Zero.ExpectedAt(1e13));
        Assert.Contains("background Monte Carlo", s.Describe(), StringComparison.Ordinal);
        Assert.Contains("zero background", BackgroundScaling.Zero.Describe(), StringComparison.Ordinal);
    }
}

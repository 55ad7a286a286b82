using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests;

public class PoissonTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.15)]
    [InlineData(2.5)]
    [InlineData(40.0)]
    public void Low_counts_match_closed_forms(double mu)
    {
        var tol = Tolerance.Rel(1e-14, "closed forms e^{-μ}, e^{-μ}(1+μ), e^{-μ}(1+μ+μ²/2)");
        tol.AssertClose(Math.Exp(-mu), Poisson.Cdf(0, mu), "P(n<=0)");
        tol.AssertClose(Math.Exp(-mu) * (1 + mu), Poisson.Cdf(1, mu), "P(n<=1)");
        tol.AssertClose(Math.Exp(-mu) * (1 + mu + mu * mu / 2), Poisson.Cdf(2, mu), "P(n<=2)");
        tol.AssertClose(Math.Exp(-mu) * mu * mu / 2, Poisson.Pmf(2, mu), "P(n=2)");
    }

    [Fact]
    public void Log_space_branch_joins_the_direct_sum()
    {
        // Across the μ = 700 switch the CDF must be continuous. At n = μ Ramanujan's e^n/2 = Σ_{k<n} n^k/k! + θ n^n/n!,
        // θ = 1/3 + 4/(135 n) + …, gives P(N ≤ n) = 1/2 + (1 − θ) P(N = n), P(N = n) ≈ 1/√(2πn) (1 − 1/(12n)).
        double below = Poisson.Cdf(700, 699.999999);
        double above = Poisson.Cdf(700, 700.000001);
        Tolerance.Rel(1e-6, "continuity over 2e-6 in μ").AssertClose(below, above, "CDF across the branch switch");
        const double n = 700.0;
        double theta = 1.0 / 3.0 + 4.0 / (135.0 * n);
        double pn = 1.0 / Math.Sqrt(2 * Math.PI * n) * (1.0 - 1.0 / (12.0 * n));
        Tolerance.Abs(1e-7, "Ramanujan's expansion to O(n^-2) times P(N=n) ≈ 0.015")
            .AssertClose(0.5 + (1.0 - theta) * pn, Poisson.Cdf(700, 700.0), "P(n<=μ) at μ=700 (log-space branch)");
    }

    [Fact]
    public void Rejects_invalid_means()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Poisson.Cdf(1, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Poisson.Cdf(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Poisson.Cdf(-1, 1.0));
    }
}

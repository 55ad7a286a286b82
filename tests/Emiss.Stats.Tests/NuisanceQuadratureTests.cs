using Emiss.Stats.Nuisance;
using Emiss.Testing;
using Xunit;

namespace Emiss.Stats.Tests;

/// <summary>Moments of the yield-factor quadrature against the distributions' closed forms.</summary>
public class NuisanceQuadratureTests
{
    [Theory]
    [InlineData(YieldSpreadShape.LogNormalMeanOne, 0.19)]
    [InlineData(YieldSpreadShape.LogNormalMedianOne, 0.19)]
    [InlineData(YieldSpreadShape.TruncatedGaussian, 0.19)]
    [InlineData(YieldSpreadShape.LogNormalMeanOne, 0.6)]
    public void Mean_and_spread_match_closed_forms(YieldSpreadShape shape, double sigma)
    {
        var q = NuisanceQuadrature.Create(shape, sigma, 4001);
        double sumW = 0, mean = 0, m2 = 0;
        for (int i = 0; i < q.Count; i++)
        {
            sumW += q.Weights[i];
            mean += q.Weights[i] * q.Factors[i];
            m2 += q.Weights[i] * q.Factors[i] * q.Factors[i];
        }
        double sd = Math.Sqrt(m2 - mean * mean);
        // Log-normal with ln k ~ N(μ, s): E[k] = e^{μ + s²/2}, sd = E[k]·sqrt(e^{s²} − 1).
        (double expMean, double expSd) = shape switch
        {
            YieldSpreadShape.LogNormalMeanOne => (1.0, sigma),
            YieldSpreadShape.LogNormalMedianOne => (Math.Exp(sigma * sigma / 2), Math.Exp(sigma * sigma / 2) * Math.Sqrt(Math.Exp(sigma * sigma) - 1)),
            _ => TruncatedNormal(sigma),
        };
        var tol = Tolerance.Rel(1e-9, "trapezoid on a Gaussian-weighted smooth integrand converges spectrally; tails beyond ±8 are 1e-15");
        tol.AssertClose(1.0, sumW, "Σw");
        tol.AssertClose(expMean, mean, $"E[k] ({shape}, σ={sigma})");
        Tolerance.Rel(1e-7, "as above; variance by difference of moments").AssertClose(expSd, sd, $"sd(k) ({shape}, σ={sigma})");
    }

    /// <summary>N(1, σ) truncated at k &gt; 0, a = −1/σ: mean = 1 + σφ(a)/Z, var = σ²[1 + aφ(a)/Z − (φ(a)/Z)²], Z = 1 − Φ(a) ≈ 1 here.</summary>
    private static (double Mean, double Sd) TruncatedNormal(double sigma)
    {
        double a = -1.0 / sigma;
        double phi = Math.Exp(-0.5 * a * a) / Math.Sqrt(2 * Math.PI);
        return (1.0 + sigma * phi, sigma * Math.Sqrt(1.0 + a * phi - phi * phi));
    }

    [Fact]
    public void Truncated_gaussian_drops_non_positive_factors()
    {
        var q = NuisanceQuadrature.Create(YieldSpreadShape.TruncatedGaussian, 0.5, 401);
        Assert.True(q.Count < 401);
        for (int i = 0; i < q.Count; i++) Assert.True(q.Factors[i] > 0);
        Assert.Equal(1, NuisanceQuadrature.Create(YieldSpreadShape.TruncatedGaussian, 0.0, 401).Count);
    }
}

using System.Globalization;
using Emiss.Core.Numerics;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;
using MathNet.Numerics.Integration;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The attenuated tail of the EM profile (<see cref="EmLongitudinalProfile.Cumulative"/>): the depth of a point drawn from the
/// gamma profile plus an exponential path of slope μ. Checked against quantities computed without the closed form: the
/// convolution integral by double-exponential quadrature, the normalisation, and the asymptotic survival
/// e^{−μt} E[e^{μX}] = e^{−μt} (β/(β − μ))^α of the sum of a gamma and an exponential variable (β &gt; μ).
/// </summary>
public sealed class ProfileTailTests(ITestOutputHelper output)
{
    /// <summary>Shapes on both sides of the series/incomplete-gamma switch at (β − μ)t = 1, including β below μ (the series
    /// with negative argument) and the floor α = 1.1.</summary>
    public static TheoryData<double, double, double> Shapes => new()
    {
        { 4.5, 0.55, 0.283 },   // a 50 GeV shower in the Pb/Sc ECAL
        { 1.1, 1.2, 0.283 },    // GFlash's floors: a few-MeV shower
        { 2.0, 0.20, 0.283 },   // β < μ
        { 3.0, 0.283, 0.283 },  // β = μ: the limit of both forms
        { 8.0, 0.9, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Tail_equals_the_convolution_of_the_gamma_profile_with_the_attenuation(double alpha, double beta, double mu)
    {
        var tail = new GammaShape(alpha, beta, 1.0, mu);
        foreach (double t in new[] { 0.05, 0.5, 2.0, 3.53, 8.0, 20.0, 40.0 })
        {
            double reference = DoubleExponentialTransformation.Integrate(x => Density(alpha, beta, x) * (1 - Math.Exp(-mu * (t - x))), 0, t, 1e-13);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"α {alpha}, β {beta}, μ {mu}, t {t}: {EmLongitudinalProfile.Cumulative(tail, t):R} vs quadrature {reference:R}"));
            Tolerance.Abs(1e-9, "quadrature of ∫₀ᵗ g(x)(1 − e^{−μ(t−x)}) dx to 1e-13").AssertClose(reference, EmLongitudinalProfile.Cumulative(tail, t), $"F_tail({t})");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Mixture_is_normalised_and_rises_monotonically(double alpha, double beta, double mu)
    {
        var shape = new GammaShape(alpha, beta, 0.08, mu);
        double previous = 0;
        for (double t = 0.25; t <= 300; t += 0.25)
        {
            double f = EmLongitudinalProfile.Cumulative(shape, t);
            Assert.True(f >= previous - 1e-15, $"F({t}) = {f} below F({t - 0.25}) = {previous}");
            previous = f;
        }
        Tolerance.Abs(1e-9, "a distribution function reaches 1").AssertClose(1.0, EmLongitudinalProfile.Cumulative(shape, 400), "F(400 X0)");
        Assert.Equal(0.0, EmLongitudinalProfile.Cumulative(shape, 0));
    }

    [Fact]
    public void Deep_tail_falls_with_the_attenuation_slope()
    {
        // S(t) = P(X + Y > t) → e^{−μt} E[e^{μX}] = e^{−μt}(β/(β − μ))^α for X ~ Γ(α, β), Y ~ Exp(μ), β > μ; what the limit
        // leaves out, the gamma's own survival Q(α, βt), is ≈ 1e-6 of S at t = 80 and 1e-7 at 90, and S itself (≈ 4e-9 and
        // 2e-10) is far above the rounding of 1 − F (≈ 1e-16).
        (double alpha, double beta, double mu) = (4.5, 0.55, 0.283);
        var tail = new GammaShape(alpha, beta, 1.0, mu);
        foreach (double t in new[] { 80.0, 90.0 })
        {
            double survival = 1 - EmLongitudinalProfile.Cumulative(tail, t);
            double expected = Math.Exp(-mu * t + alpha * Math.Log(beta / (beta - mu)));
            Tolerance.Rel(1e-5, "asymptotic survival of a gamma plus an exponential").AssertClose(expected, survival, $"S({t})");
        }
    }

    private static double Density(double alpha, double beta, double x) =>
        x <= 0 ? 0 : Math.Exp(alpha * Math.Log(beta) + (alpha - 1) * Math.Log(x) - beta * x - SpecialFunctions.LogGamma(alpha));
}

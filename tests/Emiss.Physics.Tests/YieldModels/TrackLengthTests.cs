using Emiss.Core.Numerics;
using Emiss.Physics.YieldModels;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.YieldModels;

/// <summary>Tsai's primary-electron track length T₁ (docs/physics/signal-yield-analytic.md#primary-electron-track-length).</summary>
public sealed class TrackLengthTests
{
    [Fact]
    public void T1_at_50_GeV_for_a_100_GeV_beam_is_0p0160_X0_per_GeV() =>
        Tolerance.Rel(3e-3, "docs/physics/signal-yield-analytic.md#primary-electron-track-length quotes 0.0160 X0/GeV (3 digits)")
            .AssertClose(0.0160, TsaiTrackLength.PerGeV(100.0, 50.0), "T₁(50 GeV)");

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    public void T1_tends_to_three_quarters_X0_over_E_far_below_the_beam(double e) =>
        Tolerance.Rel(1e-3, "T₁ → X0/(bE) = (3/4) X0/E for E ≪ E0 (Σ ℓ^{n-1}/Γ(n) = e^ℓ)")
            .AssertClose(0.75 / e, TsaiTrackLength.PerGeV(100.0, e), $"T₁({e} GeV)");

    [Theory]
    [InlineData(100.0, 50.0)]
    [InlineData(100.0, 20.0)]
    [InlineData(20.0, 15.0)]
    public void Quadrature_rule_integrates_T1_against_the_incomplete_gamma_closed_form(double beam, double cut)
    {
        // ∫_{Ec}^{E0} T₁ dE = (1/b) ∫₀^∞ ds P(s, ℓc) and ∫ T₁ E dE = (E0/b) ∫₀^∞ ds 2^{−s} P(s, 2ℓc), with P the
        // regularised lower incomplete gamma (swap the s and ℓ integrals in T₁) — independent of the v substitution.
        double lc = Math.Log(beam / cut);
        double flat = GaussLegendre.Integrate(s => RegularizedLowerGamma(s, lc), 0.0, 60.0, 120) / TsaiTrackLength.B;
        double linear = beam * GaussLegendre.Integrate(s => Math.Pow(2, -s) * RegularizedLowerGamma(s, 2 * lc), 0.0, 60.0, 120) / TsaiTrackLength.B;
        (double[] e, double[] w, double end) = TsaiTrackLength.QuadratureRule(beam, cut);
        double qFlat = end, qLinear = end * beam;
        for (int i = 0; i < e.Length; i++) { qFlat += w[i]; qLinear += w[i] * e[i]; }
        var tol = Tolerance.Rel(1e-4, "two independent quadratures of the same closed form");
        tol.AssertClose(flat, qFlat, "∫ T₁ dE (X0)");
        tol.AssertClose(linear, qLinear, "∫ T₁ E dE (X0 GeV)");
    }

    /// <summary>P(s, x) = x^s e^{−x} Σ_k x^k/Γ(s+k+1) (Abramowitz &amp; Stegun 6.5.29).</summary>
    private static double RegularizedLowerGamma(double s, double x)
    {
        if (s == 0) return 1.0;
        double lnPre = s * Math.Log(x) - x;
        double sum = 0;
        for (int k = 0; k < 200; k++)
        {
            double term = Math.Exp(lnPre + k * Math.Log(x) - SpecialFunctions.LogGamma(s + k + 1));
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}

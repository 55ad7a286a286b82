using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// The PRESTA-II end point (<see cref="ElectronStepPosition"/>; Kawrakow and Bielajew, NIM B 142, 253 (1998)) against
/// Lewis's exact spatial moments (Phys. Rev. 78, 526 (1950)) for constant λ1 and λ2 = λ1/k, s = 1, k1 = τ, k2 = kτ:
/// ⟨z⟩ = (1 − e^{−k1})/k1; ⟨z cos θ⟩ = ⅓[(1 − e^{−k1})/k1 + 2(e^{−k2} − e^{−k1})/(k1 − k2)] (from d⟨z P1⟩/ds =
/// ⟨P1²⟩ − k1⟨z P1⟩ with ⟨P1²⟩ = (1 + 2e^{−k2 s})/3); ⟨x² + y²⟩ and ⟨r⊥·u⊥⟩ as in <see cref="LewisMomentsTests"/>.
/// The half-step deflections are drawn from a von Mises–Fisher law p(μ) ∝ e^{κμ}, whose ⟨μ⟩ = coth κ − 1/κ and
/// ⟨P2⟩ = 1 − 3⟨μ⟩/κ are known in closed form, so the test does not depend on the engine's angular model: κ is set so that
/// ⟨μ⟩ = e^{−τ/2} for each half, and k = ln⟨P2⟩/ln⟨μ⟩ is the G2/G1 the algorithm is given.
/// </summary>
public class ElectronStepPositionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1e-5)]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    [InlineData(10.0)]
    public void G2_over_G1_of_the_screened_Rutherford_law_matches_quadrature(double screening)
    {
        // G_l = ∫(1 − P_l(μ)) w dμ / ∫ w dμ with w = (1 − μ + 2A)^−2, integrated in v = ln(1 − μ + 2A), which flattens the
        // forward peak (dμ = −e^v dv, so w dμ → e^{−v} dv).
        double a = screening, lo = Math.Log(2 * a), hi = Math.Log(2 + 2 * a);
        double Mu(double v) => 1 + 2 * a - Math.Exp(v);
        double norm = GaussLegendre.Integrate(v => Math.Exp(-v), lo, hi, 400);
        double g1 = GaussLegendre.Integrate(v => (1 - Mu(v)) * Math.Exp(-v), lo, hi, 400) / norm;
        double g2 = GaussLegendre.Integrate(v => (1 - 0.5 * (3 * Mu(v) * Mu(v) - 1)) * Math.Exp(-v), lo, hi, 400) / norm;
        output.WriteLine($"A = {a:G3}: G2/G1 quadrature {g2 / g1:F8}, closed form {ElectronStepPosition.G2OverG1(a):F8}");
        Tolerance.Rel(1e-6, "400-panel Gauss–Legendre quadrature of a smooth integrand").AssertClose(g2 / g1, ElectronStepPosition.G2OverG1(a), "G2/G1");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void End_point_moments_match_Lewis(double tau)
    {
        const int N = 2_000_000;
        double kappa = KappaForMeanCosine(Math.Exp(-tau / 2));
        double meanMu = 1 / Math.Tanh(kappa) - 1 / kappa, p2 = 1 - 3 * meanMu / kappa;
        double k = Math.Log(p2) / Math.Log(meanMu);
        EventRng rng = RngStreams.For(1998, StreamKind.Shower, (ulong)(tau * 1000));
        var z = new Moment(); var zw = new Moment(); var r2 = new Moment(); var ru = new Moment();
        for (int i = 0; i < N; i++)
        {
            ScatteringSample first = Deflection(kappa, ref rng), second = Deflection(kappa, ref rng);
            (double x, double y, double zz, double ux, double uy, double uz) = ElectronStepPosition.Sample(first, second, tau, k, rng.NextDouble());
            z.Add(zz); zw.Add(zz * uz); r2.Add(x * x + y * y); ru.Add(x * ux + y * uy);
        }
        double k1 = tau, k2 = k * tau, lambda1 = 1 / tau;
        double lewisZ = (1 - Math.Exp(-k1)) / k1;
        double lewisZw = ((1 - Math.Exp(-k1)) / k1 + 2 * (Math.Exp(-k2) - Math.Exp(-k1)) / (k1 - k2)) / 3;
        double lewisR2 = LewisMomentsTests.LewisR2(lambda1, tau, k), lewisRu = LewisMomentsTests.LewisCorrelation(lambda1, tau, k);
        output.WriteLine($"τ = {tau}, k = {k:F4}: ⟨z⟩ {z.Mean:F6} ± {z.Error:F6} (Lewis {lewisZ:F6}); ⟨z cos θ⟩ {zw.Mean:F6} ± {zw.Error:F6} ({lewisZw:F6}); " +
            $"⟨r²⟩ {r2.Mean:F6} ± {r2.Error:F6} ({lewisR2:F6}); ⟨r·u⟩ {ru.Mean:F6} ± {ru.Error:F6} ({lewisRu:F6})");
        // Second-order accuracy (Kawrakow and Bielajew 1998): the error of a moment is O(τ³) in units of s, i.e. O(τ²)
        // relative to ⟨r²⟩ ∝ τ and ⟨r·u⟩ ∝ τ, O(τ³) relative to ⟨z⟩ and ⟨z cos θ⟩ ≈ 1: bands of τ³ and τ² (+4σ_stat).
        Tolerance.Abs(tau * tau * tau + 4 * z.Error, "O(τ³) + 4σ").AssertClose(lewisZ, z.Mean, "⟨z⟩/s");
        Tolerance.Abs(tau * tau * tau + 4 * zw.Error, "O(τ³) + 4σ").AssertClose(lewisZw, zw.Mean, "⟨z cos θ⟩/s");
        Tolerance.Abs(tau * tau * lewisR2 + 4 * r2.Error, "O(τ²) relative + 4σ").AssertClose(lewisR2, r2.Mean, "⟨x² + y²⟩/s²");
        Tolerance.Abs(tau * tau * lewisRu + 4 * ru.Error, "O(τ²) relative + 4σ").AssertClose(lewisRu, ru.Mean, "⟨r⊥·u⊥⟩/s");
    }

    [Theory]
    [InlineData(6.0, 1e-3)]
    [InlineData(82.0, 1e-3)]
    [InlineData(70.3, 0.1)]
    [InlineData(82.0, 10.0)]
    public void Per_material_screening_constants_give_Molieres_screening(double z, double kineticGeV)
    {
        // The per-step form (constants per material) and the λ1 tables' form of A = ¼(ħ/(p a))²(1.13 + 3.76(αZ/β)²).
        const double m = 0.51099895e-3;
        double p2 = kineticGeV * (kineticGeV + 2 * m), beta2 = p2 / ((kineticGeV + m) * (kineticGeV + m));
        Tolerance.Rel(1e-12, "the same formula, rounding only").AssertClose(TransportCrossSection.MoliereScreening(z, p2, beta2),
            TransportCrossSection.MoliereScreening(TransportCrossSection.MoliereScreeningConstants(z), p2, beta2), "A");
    }

    [Fact]
    public void Every_spatial_algorithm_has_a_name_that_parses_back()
    {
        // The names are a command-line and run-card contract (--msc, "msc:"); the default comes first.
        Assert.Equal("mean-projection", MscSpatialNames.All[0]);
        foreach (MscSpatial spatial in Enum.GetValues<MscSpatial>())
            Assert.Equal(spatial, MscSpatialNames.Parse(MscSpatialNames.Name(spatial)));
        Assert.Equal(Enum.GetValues<MscSpatial>().Length, MscSpatialNames.All.Count);
        Assert.Throws<ArgumentException>(() => MscSpatialNames.Parse("goudsmit-saunderson"));
    }

    /// <summary>κ with coth κ − 1/κ = <paramref name="meanCos"/> (bisection in ln κ; the mean cosine rises with κ).</summary>
    private static double KappaForMeanCosine(double meanCos)
    {
        double lo = Math.Log(1e-6), hi = Math.Log(1e7);
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi), kappa = Math.Exp(mid);
            if (1 / Math.Tanh(kappa) - 1 / kappa < meanCos) lo = mid; else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }

    /// <summary>A von Mises–Fisher deflection: μ = 1 + ln(ξ + (1 − ξ)e^{−2κ})/κ, φ uniform.</summary>
    private static ScatteringSample Deflection(double kappa, ref EventRng rng)
    {
        double xi = rng.NextDouble();
        double mu = Math.Clamp(1 + Math.Log(xi + (1 - xi) * Math.Exp(-2 * kappa)) / kappa, -1.0, 1.0);
        (double sinPhi, double cosPhi) = Math.SinCos(2 * Math.PI * rng.NextDouble());
        return new ScatteringSample(mu, Math.Sqrt((1 - mu) * (1 + mu)), cosPhi, sinPhi, 0, 0);
    }

    private sealed class Moment
    {
        private double _sum, _sumSq;
        private long _n;

        public void Add(double v) { _sum += v; _sumSq += v * v; _n++; }

        public double Mean => _sum / _n;

        public double Error => Math.Sqrt(Math.Max(0, _sumSq / _n - Mean * Mean) / _n);
    }
}

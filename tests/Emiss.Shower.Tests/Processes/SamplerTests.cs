using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Core.Numerics;
using Emiss.Shower.Processes.Annihilation;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Shower.Processes.PairProduction;
using Xunit;

namespace Emiss.Shower.Tests.Processes;

/// <summary>
/// Sampling-algorithm consistency: each sampler's mean must match the mean of the very cross-section function it samples
/// (the library's bracket, with LPM and dielectric suppression where switched on) by numerical quadrature, within 4σ_mean.
/// The physics of the spectra is tested against closed forms written out in the tests in Processes/Interactors.
/// </summary>
public class SamplerTests
{
    private const int N = 40_000;

    private static void AssertMean(double expected, Func<double> sample, string what)
    {
        double s = 0, s2 = 0;
        for (int i = 0; i < N; i++) { double v = sample(); s += v; s2 += v * v; }
        double mean = s / N, sigma = Math.Sqrt(Math.Max(s2 / N - mean * mean, 0) / N);
        Assert.True(Math.Abs(mean - expected) < 4 * sigma + 1e-12 * Math.Abs(expected),
            $"{what}: sampled mean {mean:G6} ± {sigma:G3}, quadrature {expected:G6} (4σ allowed)");
    }

    [Theory]
    [InlineData(100.0, 1e-4, true, true)]
    [InlineData(1.0, 1e-4, true, true)]
    [InlineData(0.02, 1e-4, false, false)]     // below 50 MeV: Seltzer–Berger's table
    [InlineData(0.003, 1e-5, true, true)]
    public void Bremsstrahlung_photon_energy(double t, double kc, bool lpm, bool diel)
    {
        BremsstrahlungElement pb = BremsstrahlungElement.For(82);
        double e = t + PhysicalConstants.ElectronMassGeV, elpm = 4.3e3, wp = 61.07e-9;
        double F(double k) => BremsstrahlungXsCalculator.Bracket(pb, e, k) * BremsstrahlungXsCalculator.Suppression(pb, e, k, elpm, wp, lpm, diel);
        double num = GaussLegendre.Integrate(l => { double k = Math.Exp(l); return k * F(k); }, Math.Log(kc), Math.Log(t), 200);
        double den = GaussLegendre.Integrate(l => F(Math.Exp(l)), Math.Log(kc), Math.Log(t), 200);
        EventRng rng = RngStreams.For(11, Core.Random.StreamKind.Shower, 0);
        double maj = BremsstrahlungXsCalculator.BracketMajorant(pb);
        AssertMean(num / den, () => BremsstrahlungSampler.SampleK(pb, maj, t, kc, elpm, wp, lpm, diel, ref rng), $"⟨k⟩ brem T = {t} GeV");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(50.0)]
    public void Pair_energy_sharing(double k)
    {
        BremsstrahlungElement pb = BremsstrahlungElement.For(82);
        double xmin = PhysicalConstants.ElectronMassGeV / k;
        double num = GaussLegendre.Integrate(x => (x - 0.5) * (x - 0.5) * PairProductionXsCalculator.TsaiBracket(pb, k, x), xmin, 1 - xmin, 64);
        double den = GaussLegendre.Integrate(x => PairProductionXsCalculator.TsaiBracket(pb, k, x), xmin, 1 - xmin, 64);
        EventRng rng = RngStreams.For(12, Core.Random.StreamKind.Shower, 0);
        AssertMean(num / den, () => { double x = PairProductionSampler.SampleX(pb, k, ref rng); return (x - 0.5) * (x - 0.5); }, $"⟨(x − ½)²⟩ pair k = {k} GeV");
    }

    [Theory]
    [InlineData(2e-4)]
    [InlineData(2e-3)]
    [InlineData(0.1)]
    public void Compton_scattered_energy(double k)
    {
        double kap = k / PhysicalConstants.ElectronMassGeV, e0 = 1 / (1 + 2 * kap);
        // dσ/dε ∝ (1/ε + ε)[1 − ε sin²θ/(1 + ε²)], docs/physics/compton.md#cross-section
        double D(double eps) { double oc = (1 - eps) / (kap * eps), s2 = oc * (2 - oc); return (1 / eps + eps) * (1 - eps * s2 / (1 + eps * eps)); }
        double num = GaussLegendre.Integrate(eps => eps * D(eps), e0, 1, 64), den = GaussLegendre.Integrate(D, e0, 1, 64);
        EventRng rng = RngStreams.For(13, Core.Random.StreamKind.Shower, 0);
        AssertMean(num / den, () => KleinNishinaSampler.Sample(k, ref rng).Epsilon, $"⟨ε⟩ Compton k = {k} GeV");
    }

    [Theory]
    [InlineData(0.01, false)]
    [InlineData(1.0, false)]
    [InlineData(1.0, true)]
    public void Delta_ray_energy(double t, bool positron)
    {
        double cut = 1e-3, me = PhysicalConstants.ElectronMassGeV, g = t / me + 1, b2 = 1 - 1 / (g * g);
        (double b1, double bb2, double b3, double b4) = MollerBhabhaXsCalculator.BhabhaCoefficients(g);
        double D(double e) => positron
            ? (1 / (b2 * e * e) - b1 / e + bb2 - b3 * e + b4 * e * e)
            : (Math.Pow((g - 1) / g, 2) + 1 / (e * e) + 1 / ((1 - e) * (1 - e)) - (2 * g - 1) / (g * g) / (e * (1 - e)));
        double xmax = positron ? 1.0 : 0.5;
        double num = GaussLegendre.Integrate(l => { double e = Math.Exp(l); return e * D(e) * e; }, Math.Log(cut / t), Math.Log(xmax), 80);
        double den = GaussLegendre.Integrate(l => { double e = Math.Exp(l); return D(e) * e; }, Math.Log(cut / t), Math.Log(xmax), 80);
        EventRng rng = RngStreams.For(14, Core.Random.StreamKind.Shower, 0);
        AssertMean(num / den * t, () => MollerBhabhaSampler.SampleDeltaEnergy(t, cut, positron, ref rng), $"⟨T_δ⟩ T = {t} GeV e{(positron ? "+" : "-")}");
    }
}

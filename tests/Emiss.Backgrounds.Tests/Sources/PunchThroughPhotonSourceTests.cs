using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Sources.PunchThrough;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Physics.YieldModels;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>Punch-through photons (docs/physics/pseudo-data.md#punch-through-photons).</summary>
public sealed class PunchThroughPhotonSourceTests(ITestOutputHelper output)
{
    private const double Beam = 100, KMin = 50, Depth = 40, SevenNinths = 7.0 / 9.0;

    /// <summary>40 X0 of lead with the high-energy attenuation 7/9 per X0 and nothing behind it.</summary>
    private static PunchThroughYield LeadSlab => new(PhotonPathAttenuation.Constant(Depth, SevenNinths, 0, KMin * 0.99, 1.2 * Beam), KMin);

    /// <summary>Independent closed form of the lead-slab yield: with a constant attenuation the depth integral of Tsai's
    /// straggling law is analytic, ∫₀^∞ dt I_e(E0, E, t) e^{−a(T−t)} = e^{−aT} G(ℓ e^{a/b}) / (b E0 ℓ), ℓ = ln(E0/E),
    /// G(x) = ∫₀^∞ ds x^s/Γ(s) (Tsai, RMP 46, 815, Eq. 3.80 integrated as in Bjorken et al., PRD 38, 3375), times the photons
    /// above k_min per X0 at E. The integral over E runs in v = −ln ℓ (G(ℓ) ~ 1/ln²ℓ makes the 1/(ℓ ln²ℓ) peak at E → E0
    /// flat); beyond v = 200, G ≈ 1/(v − c)² integrates to 1/(200 − c). Emission deeper than T = 40 X0 is left out of the
    /// MC and kept here: its share, P(53, ln 2) e^{31} < 10⁻⁴⁰, is nothing.</summary>
    private static double LeadSlabClosedForm()
    {
        double c = SevenNinths / PunchThroughYield.B, l0 = Math.Log(Beam / KMin), v0 = -Math.Log(l0);
        const double vMax = 200;
        double body = GaussLegendre.Integrate(q =>
        {
            double v = v0 + Math.Exp(q) - 1, l = Math.Exp(-v), e = Beam * Math.Exp(-l);
            return Math.Exp(q) * Math.Exp(-l) * TsaiTrackLength.StragglingIntegral(l * Math.Exp(c)) * PunchThroughYield.HardPhotonsPerX0(KMin / e);
        }, 0, Math.Log(vMax - v0 + 1), 40);
        double tail = PunchThroughYield.HardPhotonsPerX0(KMin / Beam) / (vMax - c);
        return Math.Exp(-SevenNinths * Depth) * (body + tail) / PunchThroughYield.B;
    }

    [Fact]
    public void Photons_above_k_min_per_X0_are_the_integral_of_the_spectrum()
    {
        // ∫_{1/2}^1 (4/3 − 4/3 y + y²)/y dy = (4/3) ln 2 − 2/3 + 3/8 = 0.632529 (by hand), and by quadrature elsewhere.
        Tolerance.Rel(1e-12, "closed form, rounding only").AssertClose(4.0 / 3 * Math.Log(2) - 2.0 / 3 + 3.0 / 8, PunchThroughYield.HardPhotonsPerX0(0.5), "N(1/2)");
        double numeric = GaussLegendre.Integrate(y => (4.0 / 3 - 4.0 / 3 * y + y * y) / y, 0.1, 1, 8);
        Tolerance.Rel(1e-12, "16-point Gauss–Legendre in 8 panels of a smooth integrand").AssertClose(numeric, PunchThroughYield.HardPhotonsPerX0(0.1), "N(0.1)");
        Assert.Equal(0, PunchThroughYield.HardPhotonsPerX0(1));
    }

    [Fact]
    public void Lead_attenuates_hard_photons_by_seven_ninths_per_X0()
    {
        // The high-energy limit of pair production, σ = (7/9) A/(N_A X0) (docs/physics/pair-production.md#cross-section;
        // the engine's σ_pair meets it within 1 % at 100 TeV); Compton and photonuclear add < 10⁻³ there. Tolerance 1.5 %.
        Material pb = MaterialCatalog.Lead;
        double a = PhotonPathAttenuation.LinearAttenuationPerCm(pb, 1e5) * pb.RadiationLengthCm;
        Tolerance.Rel(0.015, "pair-production anchor 1 % + Compton/photonuclear").AssertClose(SevenNinths, a, "μ X0 of Pb at 100 TeV");
        // Below the asymptote the incomplete screening lowers σ_pair: the attenuation must not exceed the limit at 50 GeV.
        Assert.InRange(PhotonPathAttenuation.LinearAttenuationPerCm(pb, 50) * pb.RadiationLengthCm, 0.5 * SevenNinths, 1.005 * SevenNinths);
    }

    [Fact]
    public void Quadrature_equals_the_closed_form_for_a_lead_slab()
    {
        double closed = LeadSlabClosedForm(), quad = LeadSlab.PerElectron(Beam);
        output.WriteLine($"lead slab, k > {KMin} GeV of {Beam} GeV through 40 X0: closed form {closed:E6}, quadrature {quad:E6}, ratio {quad / closed:F6}");
        // Written before the run: both are converged quadratures of the same integral in different variables; 0.5 %.
        Tolerance.Rel(0.005, "two quadratures of one integral").AssertClose(closed, quad, "R(100 GeV), 40 X0 Pb, a = 7/9");
        // Order of magnitude from the brief's estimate: the first X0 radiates ≈ N(1/2) = 0.63 hard photons, which then cross
        // ≈ 40 X0: e^{−7·40/9} = 3·10⁻¹⁴; the closed form must lie within a factor 10 of 0.63 e^{−31.1}.
        Assert.InRange(closed / (0.63 * Math.Exp(-SevenNinths * Depth)), 0.1, 10);
    }

    [Fact]
    public void Biased_sampler_mean_weight_is_the_closed_form()
    {
        PunchThroughYield y = LeadSlab;
        var rng = EventRng.FromSplitMix64(20170111);
        const int n = 20000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            double w = y.SampleBiased(Beam, ref rng, out double k, out double t);
            Assert.InRange(k, KMin, Beam);
            Assert.InRange(t, 0, Depth);
            sum += w;
            sum2 += w * w;
        }
        double mean = sum / n, err = Math.Sqrt((sum2 / n - mean * mean) / n), closed = LeadSlabClosedForm();
        output.WriteLine($"biased MC {mean:E5} ± {err:E2} ({err / mean:P2}), closed form {closed:E5}, pull {(mean - closed) / err:F2}");
        // Tolerance written before the run: 4σ of the MC mean (plus the closed form's 0.5 %).
        Tolerance.Abs(4 * err + 0.005 * closed, "4σ of 20 000 weights + closed-form accuracy").AssertClose(closed, mean, "P(punch-through), 40 X0 Pb");
        Assert.True(err / mean < 0.05, $"the biased sampler's relative error {err / mean:P1} after {n} events is too large to test anything");
    }

    [Fact]
    public void Unbiased_sampler_draws_what_the_biased_weights_describe()
    {
        // Along the real PbSc calorimeters (k-dependent attenuation): the unweighted means of t and k of the rejection sampler
        // against the weighted means of the biased sampler — two different constructions of one density. 4σ each.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        PunchThroughYield y = PunchThroughPhotonSource.Yield(model);
        double e = model.Card.Beam.EnergyGeV;
        var rng = EventRng.FromSplitMix64(42);
        const int n = 4000, nb = 20000;
        double st = 0, st2 = 0, sk = 0, sk2 = 0;
        for (int i = 0; i < n; i++)
        {
            y.SampleUnbiased(e, ref rng, out double k, out double t);
            (st, st2, sk, sk2) = (st + t, st2 + t * t, sk + k, sk2 + k * k);
        }
        var ws = new double[nb];
        var ts = new double[nb];
        var ks = new double[nb];
        for (int i = 0; i < nb; i++) ws[i] = y.SampleBiased(e, ref rng, out ks[i], out ts[i]);
        double mt = st / n, mk = sk / n, et = Math.Sqrt((st2 / n - mt * mt) / n), ek = Math.Sqrt((sk2 / n - mk * mk) / n);
        (double bt, double ebt) = WeightedMean(ws, ts);
        (double bk, double ebk) = WeightedMean(ws, ks);
        output.WriteLine($"mean t: unbiased {mt:F4} ± {et:F4}, biased {bt:F4} ± {ebt:F4}; mean k: unbiased {mk:F3} ± {ek:F3}, biased {bk:F3} ± {ebk:F3}");
        Assert.True(Math.Abs(mt - bt) < 4 * Math.Sqrt(et * et + ebt * ebt), $"mean emission depth: {mt} vs {bt}");
        Assert.True(Math.Abs(mk - bk) < 4 * Math.Sqrt(ek * ek + ebk * ebk), $"mean photon energy: {mk} vs {bk}");
    }

    /// <summary>Σ w x / Σ w and its error, √(Σ w² (x − x̄)²) / Σ w (ratio estimator, first order).</summary>
    private static (double Mean, double Error) WeightedMean(double[] w, double[] x)
    {
        double sw = w.Sum(), mean = w.Zip(x, (a, b) => a * b).Sum() / sw;
        double var = w.Zip(x, (a, b) => a * a * (b - mean) * (b - mean)).Sum();
        return (mean, Math.Sqrt(var) / sw);
    }
}

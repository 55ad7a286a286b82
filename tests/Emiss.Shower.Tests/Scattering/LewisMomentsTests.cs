using System.Globalization;
using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// One scattering step of the engine (angle and lateral displacement together) against Lewis's exact spatial moments for a
/// constant λ1 (Lewis, Phys. Rev. 78, 526 (1950); Kawrakow &amp; Bielajew, NIM B 134, 325 (1998); derivation in
/// docs/physics/multiple-scattering.md#lewis-moments-at-low-energy). With τ = s/λ1 and λ2 = λ1/k:
/// ⟨z⟩ = λ1(1 − e^{−τ}); ⟨x² + y²⟩ = (4/3)λ1²{τ − (1 − e^{−τ}) − [(1 − e^{−kτ})/k − (1 − e^{−τ})]/(1 − k)};
/// ⟨x sinθ cosφ + y sinθ sinφ⟩ = (2/3)λ1[(1 − e^{−τ}) − (e^{−kτ} − e^{−τ})/(1 − k)].
/// They hold for any angular law; only λ2 enters besides λ1, and k lies between Urban's 2.5 (CERN-OPEN-2006-077, the κ of
/// his displacement) and the small-angle screened-Rutherford 3 (1 − P2 ≈ 3(1 − cos θ)).
/// </summary>
public class LewisMomentsTests(ITestOutputHelper output)
{
    internal static double LewisR2(double lambda1, double tau, double k) =>
        4.0 / 3.0 * lambda1 * lambda1 * (tau - (1 - Math.Exp(-tau)) - ((1 - Math.Exp(-k * tau)) / k - (1 - Math.Exp(-tau))) / (1 - k));

    internal static double LewisCorrelation(double lambda1, double tau, double k) =>
        2.0 / 3.0 * lambda1 * ((1 - Math.Exp(-tau)) - (Math.Exp(-k * tau) - Math.Exp(-tau)) / (1 - k));

    [Fact]
    public void Lewis_closed_forms_reduce_to_Fermi_Eyges_at_small_tau()
    {
        // Small τ: ⟨x² + y²⟩ → ⟨θ²⟩s²/3 with ⟨θ²⟩ = 2τ (k = 3), i.e. (2/3)τ³λ1²; ⟨r·θ⟩ → ⟨θ²⟩s/2 = τ²λ1 (Fermi–Eyges).
        const double tau = 1e-3;
        Tolerance.Rel(2e-3, "O(τ) corrections").AssertClose(2.0 / 3.0 * tau * tau * tau, LewisR2(1.0, tau, 3.0), "⟨r²⟩/λ1²");
        Tolerance.Rel(2e-3, "O(τ) corrections").AssertClose(tau * tau, LewisCorrelation(1.0, tau, 3.0), "⟨r·θ⟩/λ1");
    }

    // Moments of one engine step at constant energy (λ1 constant, z = λ1(1 − e^{−τ}) as the transport sets it).
    private static (double Cos, double CosErr, double R2, double R2Err, double Q, double QErr, double Lambda1) StepMoments(string geometry, double kineticGeV, double tau, int n)
    {
        IMultipleScattering msc = TestShowers.Physics(geometry).Scattering!;
        const int Mat = 0;
        const ShowerSpecies Type = ShowerSpecies.Electron;
        double lambda1 = msc.Lambda1Cm(Type, Mat, Math.Log(kineticGeV));
        double minStep = msc.Scales(Type, Mat, kineticGeV, lambda1).MinimumStepCm;
        double t = tau * lambda1, z = PathLength.Geometric(t, lambda1, lambda1);
        EventRng rng = RngStreams.For(1950, StreamKind.Shower, (ulong)(tau * 1000 + kineticGeV * 1e6));
        double sc = 0, sc2 = 0, sr2 = 0, sr4 = 0, sq = 0, sq2 = 0;
        var step = new ScatteringStep(Type, Mat, kineticGeV, kineticGeV, t, z, lambda1, lambda1, minStep, true);
        for (int i = 0; i < n; i++)
        {
            ScatteringSample m = msc.Sample(step, ref rng);
            double r2 = m.DxCm * m.DxCm + m.DyCm * m.DyCm;
            double q = m.SinTheta * (m.DxCm * m.CosPhi + m.DyCm * m.SinPhi);
            sc += m.CosTheta; sc2 += m.CosTheta * m.CosTheta; sr2 += r2; sr4 += r2 * r2; sq += q; sq2 += q * q;
        }
        double r2m = sr2 / n, qm = sq / n;
        double cm = sc / n;
        return (cm, Math.Sqrt((sc2 / n - cm * cm) / n), r2m, Math.Sqrt((sr4 / n - r2m * r2m) / n), qm, Math.Sqrt((sq2 / n - qm * qm) / n), lambda1);
    }

    [Theory]
    [InlineData("testem2-pbwo4", 0.5e-3)]
    [InlineData("testem2-pbwo4", 2e-3)]
    [InlineData("testem2-pbwo4", 10e-3)]
    [InlineData("testem2-pbwo4", 30e-3)]
    [InlineData("pb-thick", 0.5e-3)]
    [InlineData("pb-thick", 2e-3)]
    [InlineData("pb-thick", 10e-3)]
    [InlineData("pb-thick", 30e-3)]
    public void Step_keeps_the_mean_direction_cosine_and_reports_its_spatial_moments_against_Lewis(string geometry, double kineticGeV)
    {
        // ⟨cos θ⟩ = e^{−τ} (Goudsmit–Saunderson's first moment) within 4σ_stat; the spatial moments are printed against Lewis
        // (the misses are pinned below). In the bulk a 0.5–2 MeV e⁻ takes its energy-loss step, 5–12 λ1 at the start.
        ShowerPhysics physics = TestShowers.Physics(geometry);
        double range = physics.RangeCm(ShowerSpecies.Electron, 0, kineticGeV);
        double tStep = ContinuousLoss.StepLimit(range, physics.Options.StepFraction, physics.Options.FinalRangeCm);
        var failures = new List<string>();
        foreach (double tau in new[] { 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0 })
        {
            var (cos, cosErr, r2m, _, qm, _, lambda1) = StepMoments(geometry, kineticGeV, tau, 200_000);
            if (tau == 0.05)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{geometry} {1e3 * kineticGeV} MeV: λ1 = {lambda1:E3} cm, range {range:E3} cm, bulk step {tStep:E3} cm = {tStep / lambda1:F2} λ1(E0)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  τ {tau,4}: ⟨cos⟩ {cos:F4} (e^-τ {Math.Exp(-tau):F4}); rms r / Lewis(k=3) {Math.Sqrt(r2m / LewisR2(lambda1, tau, 3.0)):F3} (k=2.5: {Math.Sqrt(r2m / LewisR2(lambda1, tau, 2.5)):F3}); ⟨r·θ⟩ / Lewis(k=3) {qm / LewisCorrelation(lambda1, tau, 3.0):F3} (k=2.5: {qm / LewisCorrelation(lambda1, tau, 2.5):F3})"));
            if (Math.Abs(cos - Math.Exp(-tau)) > 4 * cosErr)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"τ {tau}: ⟨cos θ⟩ {cos:F5} vs e^-τ {Math.Exp(-tau):F5} (σ {cosErr:E2})"));
        }
        Assert.True(failures.Count == 0, "⟨cos θ⟩ = e^{−τ} within 4σ_stat: " + string.Join("; ", failures));
    }

    // Target for both pins: the Lewis range over k ∈ [2.5, 3] widened by 5 % (⟨r·θ⟩) and 10 % (⟨r²⟩), the band written
    // before the first run; expressed as a ratio to Lewis with Urban's κ = 2.5, the lower end of that range.
    [Fact]
    public void Multi_mfp_step_displaces_too_far_along_its_deflection_is_a_known_discrepancy()
    {
        // τ = 5: half the step along the deflection makes ⟨r·θ⟩ ≈ t⟨sin²θ⟩/2 → t/3, growing with t, where Lewis saturates at
        // (2/3)λ1. Bulk steps of 0.5–2 MeV e⁻ are 5–12 λ1 (printed above). A Lewis-moment displacement (a = ⟨r·θ⟩/⟨sin²θ⟩,
        // 2σ² = ⟨r²⟩ − a⟨r·θ⟩) met Lewis at τ ≥ 0.5 but left TestEm2's core at 15.30 % and worsened TestEm3's resolution,
        // step-size independence and η(Pb) (docs/physics/multiple-scattering.md#lewis-moments-at-low-energy), so it was not kept.
        var (_, _, r2m, r2e, qm, qe, lambda1) = StepMoments("testem2-pbwo4", 2e-3, 5.0, 200_000);
        double q25 = LewisCorrelation(lambda1, 5.0, 2.5), r25 = LewisR2(lambda1, 5.0, 2.5);
        KnownDiscrepancy.Pin(output, "⟨r·θ⟩ / Lewis(k = 2.5), 2 MeV e⁻ in PbWO4, τ = 5", qm / q25,
            new GoldValue(2.503, 3 * qe / q25 + 0.001, "PDG-correlated displacement (2026-12-03), 200 000 steps, seed 1950; 3σ_stat"),
            new PhysicsTarget(1.0, 0.05 * LewisCorrelation(lambda1, 5.0, 3.0) / q25, "Lewis 1950 exact moment, k ∈ [2.5, 3], +5 %"),
            "t/2 along the deflection grows as t/3 where Lewis saturates at 2λ1/3");
        KnownDiscrepancy.Pin(output, "r_rms / Lewis(k = 2.5), 2 MeV e⁻ in PbWO4, τ = 5", Math.Sqrt(r2m / r25),
            new GoldValue(1.296, 1.5 * Math.Sqrt(r2m / r25) * r2e / r2m + 0.001, "PDG-correlated displacement (2026-12-03), 200 000 steps, seed 1950; 3σ_stat"),
            new PhysicsTarget(1.0, Math.Sqrt(1.1 * LewisR2(lambda1, 5.0, 3.0) / r25) - 1, "Lewis 1950 exact moment, k ∈ [2.5, 3], ⟨r²⟩ +10 %"),
            "t/2 along the deflection plus tθ0/√12 (θ0 capped at 1 rad) instead of √(4λ1t/3)");
    }

    [Fact]
    public void Short_step_correlation_is_a_known_discrepancy()
    {
        // τ = 0.05: ⟨r·θ⟩ = (t/2)⟨sin²θ⟩ against Lewis's (t/2)(2/3)(1 − e^{−kτ}): the Urban angular law keeps ⟨cos θ⟩ = e^{−τ}
        // exact but puts its 1 − cos θ at wider angles than screened Rutherford (an effective λ1/λ2 ≈ 2.1 instead of 2.5–2.6),
        // so ⟨sin²θ⟩, ⟨r·θ⟩ and ⟨r²⟩ fall short: a narrower, not a wider, spread.
        var (_, _, _, _, qm, qe, lambda1) = StepMoments("testem2-pbwo4", 2e-3, 0.05, 200_000);
        double q25 = LewisCorrelation(lambda1, 0.05, 2.5);
        KnownDiscrepancy.Pin(output, "⟨r·θ⟩ / Lewis(k = 2.5), 2 MeV e⁻ in PbWO4, τ = 0.05", qm / q25,
            new GoldValue(0.855, 3 * qe / q25 + 0.001, "PDG-correlated displacement (2026-12-03), 200 000 steps, seed 1950; 3σ_stat"),
            new PhysicsTarget(1.0, 0.05, "Lewis 1950 exact moment with Urban's κ = 2.5 (CERN-OPEN-2006-077), −5 %"),
            "the angular law's ⟨sin²θ⟩ at small τ is ~0.85 of (2/3)(1 − e^{−2.5τ})");
    }
}

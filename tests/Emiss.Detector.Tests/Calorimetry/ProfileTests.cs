using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

public sealed class ProfileTests(ITestOutputHelper output)
{
    private static readonly double EcPb = MaterialCatalog.Lead.CriticalEnergyElectronGeV;

    /// <summary>Homogeneous lead, 100 GeV: the GFlash median shape (no sampling shifts).</summary>
    private static GammaShape Pb100 => EmLongitudinalProfile.Median(100, new ShowerMedium(EcPb, 82));

    /// <summary>The same for a photon.</summary>
    private static GammaShape Pb100Photon => EmLongitudinalProfile.Median(100, new ShowerMedium(EcPb, 82), photon: true);

    /// <summary>Lead's own pair-conversion rate per X0 (the ECAL's photon rule in a homogeneous lead stack).</summary>
    private static readonly PhotonConversionRate LeadConversion = new([(MaterialCatalog.Lead, 1.0)]);

    /// <summary>A 100 GeV photon with the ECAL's rule: the e± median shape averaged over lead's conversion depth.</summary>
    private static GammaShape Pb100ConvertedPhoton => EmLongitudinalProfile.Median(100, new ShowerMedium(EcPb, 82, PhotonConversion: LeadConversion), photon: true);

    [Fact]
    public void V7_GFlash_median_shape_for_100_GeV_in_lead()
    {
        Tolerance.Rel(0.10, "V7: Geant4 GFlash T = 8.70 X0 (±10 %)").AssertClose(8.70, Pb100.Tmax, "T");
        Tolerance.Rel(0.10, "V7: Geant4 GFlash α = 5.43 (±10 %)").AssertClose(5.43, Pb100.Alpha, "α");
    }

    [Fact]
    public void V5_shower_maximum_for_100_GeV_in_lead()
    {
        // PDG: t_max = ln y − 0.5 (e⁻) and ln y + 0.5 (γ), b ≈ 0.5; the photon's maximum is the electron's + 1 X0.
        Tolerance.Abs(0.7, "V5: t_max ± 0.7 X0").AssertClose(9.0, Pb100.Tmax, "t_max e-");
        Tolerance.Abs(0.7, "V5").AssertClose(10.0, Pb100Photon.Tmax, "t_max γ");
        Tolerance.Rel(0.10, "V5: b ≈ 0.5 for heavy absorbers").AssertClose(0.5, Pb100.Beta, "β");
        // The ECAL's photon rule, the e± shape averaged over lead's conversion depth: the maximum of the mean profile, found on a
        // 0.001 X0 grid of the density (the convolution has no closed-form mode).
        GammaShape converted = Pb100ConvertedPhoton;
        double mode = Enumerable.Range(1, 30_000).Select(i => i * 1e-3).MaxBy(t => EmLongitudinalProfile.FractionBetween(converted, t - 5e-4, t + 5e-4));
        output.WriteLine($"t_max γ with lead's conversion depth: {mode:F3} X0");
        Tolerance.Abs(0.7, "V5: t_max γ = ln y + 0.5 ± 0.7 X0").AssertClose(10.0, mode, "t_max γ, conversion rule");
    }

    [Fact]
    public void V6_preshower_fraction_and_V8_containment_depth()
    {
        Tolerance.Rel(0.30, "V6: 3.0 % in the first 4 X0 (±30 %)").AssertClose(0.030, EmLongitudinalProfile.FractionBetween(Pb100, 0, 4), "e- first 4 X0");
        // γ in a medium without a conversion rate (the HCAL's): GFlash has no photon parametrisation; T + 1 X0 (the PDG rule)
        // with GFlash's α starts the photon shower earlier than the b = 0.5 form the anchor comes from. The ECAL's photons
        // average the e± shape over the conversion depth instead, which meets the anchor (the next test).
        KnownDiscrepancy.Pin(output, "γ energy in the first 4 X0, 100 GeV in Pb", EmLongitudinalProfile.FractionBetween(Pb100Photon, 0, 4),
            new GoldValue(0.0230, 0.0002, "closed form of this test: P(α, 4β) at α = 5.43, T = 9.70 X0 (2026-12-03)"),
            new PhysicsTarget(0.017, 0.3 * 0.017, "V6: 1.7 % ± 30 % (PDG gamma profile, b = 0.5, C = +0.5)"),
            "in a medium without a conversion rate (the HCAL's) the photon keeps the PDG rule T_γ = T_e + 1 X0 on GFlash's e± shape; the ECAL's photons average the shape over the conversion depth, which meets V6 (V6_photon_preshower_fraction_with_the_conversion_depth_of_lead)");
        // t_95: V8 quotes t_max + 0.08Z + 9.6 X0 = 25 X0 for Pb (±25 %). Bisection on the cumulative profile = 0.95.
        double lo = 0, hi = 100;
        for (int i = 0; i < 100; i++) { double mid = 0.5 * (lo + hi); if (EmLongitudinalProfile.FractionBetween(Pb100, 0, mid) < 0.95) lo = mid; else hi = mid; }
        Tolerance.Rel(0.25, "V8: t_95 = t_max + 0.08Z + 9.6 X0 = 25 X0 (PDG)").AssertClose(25.0, lo, "t_95");
    }

    [Fact]
    public void V6_photon_preshower_fraction_with_the_conversion_depth_of_lead()
    {
        // The rule of the ECAL's photons (ShowerMedium.PhotonConversion, calorimeter-parametrised.md#photons): the e± shape of
        // the photon's energy started at an exponentially distributed conversion depth, here with lead's own pair rate
        // (≈ 7/9 per X0 at 100 GeV) and no sampling shifts. Independent anchor V6: 1.7 % ± 30 % of a 100 GeV photon's
        // energy in the first 4 X0 of lead (PDG gamma profile, b = 0.5, C = +0.5).
        double rate = LeadConversion.PerX0At(100);
        Tolerance.Rel(0.02, "complete-screening limit 7/9 per X0 (Tsai's Coulomb-corrected integral lies ≈ 1 % below it at 100 GeV)")
            .AssertClose(7.0 / 9.0, rate, "lead's conversion rate at 100 GeV");
        double first4 = EmLongitudinalProfile.FractionBetween(Pb100ConvertedPhoton, 0, 4);
        output.WriteLine($"γ energy in the first 4 X0, 100 GeV in Pb, conversion rule: {first4:F5} (electron {EmLongitudinalProfile.FractionBetween(Pb100, 0, 4):F5}); conversion rate {rate:F4} per X0");
        Tolerance.Rel(0.30, "V6: 1.7 % in the first 4 X0 (±30 %)").AssertClose(0.017, first4, "γ first 4 X0 with the conversion depth");
    }

    [Fact]
    public void Shape_fluctuations_follow_the_GFlash_widths_and_correlation()
    {
        // 100 GeV in Pb: σ(ln T) = 1/(−1.4 + 1.26 ln y), σ(ln α) = 1/(−0.58 + 0.86 ln y), ρ = 0.705 − 0.023 ln y
        // (Grindhammer & Peters, hep-ex/0001020). 20 000 draws: statistical errors ≈ 0.5 % on σ, 0.006 on ρ; 4σ bands.
        var medium = new ShowerMedium(EcPb, 82);
        double lny = Math.Log(100 / EcPb);
        const int n = 20_000;
        var lt = new double[n];
        var la = new double[n];
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(5, StreamKind.Shower, (ulong)i);
            GammaShape s = EmLongitudinalProfile.Draw(100, medium, photon: false, ref r);
            (lt[i], la[i]) = (Math.Log(s.Tmax), Math.Log(s.Alpha));
        }
        double mt = lt.Average(), ma = la.Average();
        double st = Math.Sqrt(lt.Sum(x => (x - mt) * (x - mt)) / (n - 1)), sa = Math.Sqrt(la.Sum(x => (x - ma) * (x - ma)) / (n - 1));
        double rho = lt.Zip(la, (x, y) => (x - mt) * (y - ma)).Sum() / (n - 1) / (st * sa);
        Tolerance.Rel(0.02, "GFlash σ(ln T), 4σ of 20 000 draws").AssertClose(1 / (-1.4 + 1.26 * lny), st, "σ(ln T)");
        Tolerance.Rel(0.02, "GFlash σ(ln α), 4σ of 20 000 draws").AssertClose(1 / (-0.58 + 0.86 * lny), sa, "σ(ln α)");
        Tolerance.Abs(0.025, "GFlash ρ, 4σ of 20 000 draws").AssertClose(0.705 - 0.023 * lny, rho, "ρ");
        Tolerance.Abs(0.003, "median T, 4σ of 20 000 draws").AssertClose(Math.Log(Pb100.Tmax), mt, "⟨ln T⟩");
    }

    [Fact]
    public void V8_lateral_containment_with_default_parameters()
    {
        static double F(double r) => 0.707 * LateralProfile.Containment(r, 0.2) + 0.293 * LateralProfile.Containment(r, 0.575);
        Tolerance.Abs(2e-3, "V8: 90 % within 1 R_M").AssertClose(0.90, F(1.0), "F(R_M)");
        Tolerance.Abs(2e-3, "V8: 99 % within 3.5 R_M").AssertClose(0.99, F(3.5), "F(3.5 R_M)");
    }

    [Fact]
    public void Rectangle_integral_matches_midpoint_quadrature_and_is_additive()
    {
        const double r = 1.3;
        (double x1, double x2, double y1, double y2) = (-0.7, 2.1, 0.4, 3.3);
        const int n = 600;
        double hx = (x2 - x1) / n, hy = (y2 - y1) / n, sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double x = x1 + (i + 0.5) * hx, y = y1 + (j + 0.5) * hy, q = x * x + y * y + r * r;
                sum += r * r / (Math.PI * q * q);
            }
        Tolerance.Rel(1e-5, "midpoint rule, 600² nodes").AssertClose(sum * hx * hy, LateralProfile.RectangleFraction(x1, x2, y1, y2, r), "rectangle");
        Tolerance.Abs(1e-6, "whole plane").AssertClose(1.0, LateralProfile.RectangleFraction(-1e7, 1e7, -1e7, 1e7, r), "plane");
        double split = LateralProfile.RectangleFraction(x1, 0.3, y1, y2, r) + LateralProfile.RectangleFraction(0.3, x2, y1, y2, r);
        Tolerance.Abs(1e-14, "additivity").AssertClose(LateralProfile.RectangleFraction(x1, x2, y1, y2, r), split, "split");
        // Disc of radius R_M vs containment (the square of side 2R contains more than the disc, the inscribed less).
        Assert.InRange(LateralProfile.RectangleFraction(-r, r, -r, r, r), LateralProfile.Containment(r, r), LateralProfile.Containment(r * Math.Sqrt(2), r));
    }

    [Fact]
    public void Bock_profile_is_normalised_and_contained_by_30_lambda()
    {
        Material fe = MaterialCatalog.Iron;
        foreach (double e in new[] { 10.0, 50.0, 100.0 })
        {
            var p = new BockHadronProfile(e, fe.RadiationLengthCm, fe.NuclearInteractionLengthCm);
            double x0PerLambda = fe.NuclearInteractionLengthCm / fe.RadiationLengthCm;
            Tolerance.Abs(1e-9, "sum of two normalised gamma densities").AssertClose(1.0, p.FractionBetween(0, 1e4, 0, 1e4), $"norm {e}");
            Assert.True(p.FractionBetween(0, 30 * x0PerLambda, 0, 30) > 0.999, "≈30 λ_I HCAL is hermetic (seed)");
            // Bock et al.: the shower maximum/mean move deeper logarithmically with E; mean depth 1–3 λ for 10–100 GeV.
            Assert.InRange(p.MeanDepthLambda(fe.RadiationLengthCm, fe.NuclearInteractionLengthCm), 0.8, 3.0);
        }
        var p10 = new BockHadronProfile(10, fe.RadiationLengthCm, fe.NuclearInteractionLengthCm);
        var p100 = new BockHadronProfile(100, fe.RadiationLengthCm, fe.NuclearInteractionLengthCm);
        Assert.True(p100.MeanDepthLambda(fe.RadiationLengthCm, fe.NuclearInteractionLengthCm) > p10.MeanDepthLambda(fe.RadiationLengthCm, fe.NuclearInteractionLengthCm));
    }

    [Fact]
    public void Layout_reproduces_the_section_3_10_derived_ECAL_and_HCAL_numbers()
    {
        var l = new CalorimeterLayout(TestCards.PbSc);
        double ecalX0 = l.Regions[0].X0Thickness + l.Regions[1].X0Thickness;
        Tolerance.Rel(0.01, "docs/physics/na64-detector.md#ecal: 40.6 X0").AssertClose(40.6, ecalX0, "ECAL X0");
        Tolerance.Rel(0.01, "docs/physics/na64-detector.md#ecal: X0_eff = 1.107 cm").AssertClose(1.107, l.EcalX0Cm, "X0_eff");
        Tolerance.Rel(0.01, "docs/physics/na64-detector.md#ecal: E_c,eff ≈ 8.6 MeV").AssertClose(8.6e-3, l.EcalCriticalEnergyGeV, "E_c,eff");
        Tolerance.Rel(0.01, "docs/physics/na64-detector.md#ecal: R_M,eff ≈ 2.74 cm").AssertClose(2.74, l.EcalMoliereRadiusCm, "R_M,eff");
        Tolerance.Rel(0.03, "docs/physics/na64-detector.md#ecal: ≈ 1.6 λ_I").AssertClose(1.6, l.Regions[0].LambdaThickness + l.Regions[1].LambdaThickness, "ECAL λ");
        Tolerance.Rel(0.02, "docs/physics/na64-detector.md#hcal: HCAL module 7.4 λ_I").AssertClose(7.4, l.Regions[l.HcalFirstRegion].LambdaThickness, "HCAL module λ");
        Tolerance.Rel(0.03, "docs/physics/na64-detector.md#hcal: a MIP deposits ≈ 1.41 GeV per module").AssertClose(1.41, l.Regions[l.HcalFirstRegion].MipDepositGeV, "MIP/module");
        Tolerance.Rel(0.05, "seed: HCAL ≈ 30 λ_I").AssertClose(30, l.TotalLambda - l.Regions[l.HcalFirstRegion].LambdaStart, "HCAL λ");
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void Bock_profile_from_the_front_face_matches_PDG_shower_maximum_and_95_percent_depth(double e)
    {
        // PDG review "Calorimetry" (hadronic showers, from the front face): x_max ≈ 0.2 ln E + 0.7 λ_I,
        // L95 ≈ x_max + 2.5 λ_att with λ_att ≈ λ_I E^0.13. The front-face profile is the Bock profile averaged over
        // an exponential first-interaction depth. Bock's fit is ≈ 25 % shorter than the PDG rule at 100 GeV: ±30 %.
        Material fe = MaterialCatalog.Iron;
        double x0PerLambda = fe.NuclearInteractionLengthCm / fe.RadiationLengthCm;
        var p = new BockHadronProfile(e, fe.RadiationLengthCm, fe.NuclearInteractionLengthCm);
        const double h = 0.05;
        const int n = 300;
        var bins = new double[n];
        for (int j = 0; j < n; j++)
        {
            double u = (j + 0.5) * h, w = Math.Exp(-j * h) - Math.Exp(-(j + 1) * h);
            for (int i = j; i < n; i++)
            {
                double l1 = Math.Max(0, i * h - u), l2 = (i + 1) * h - u;
                if (l2 <= 0) continue;
                bins[i] += w * p.FractionBetween(l1 * x0PerLambda, l2 * x0PerLambda, l1, l2);
            }
        }
        int imax = Array.IndexOf(bins, bins.Max());
        double total = bins.Sum(), acc = 0, l95 = double.NaN;
        for (int i = 0; i < n; i++) { acc += bins[i]; if (acc >= 0.95 * total) { l95 = (i + 1) * h; break; } }
        double xmaxPdg = 0.2 * Math.Log(e) + 0.7;
        Tolerance.Rel(0.30, "PDG rule of thumb vs Bock et al. 1981 fit").AssertClose(xmaxPdg, (imax + 0.5) * h, "x_max (λ)");
        Tolerance.Rel(0.30, "PDG rule of thumb vs Bock et al. 1981 fit").AssertClose(xmaxPdg + 2.5 * Math.Pow(e, 0.13), l95, "L95 (λ)");
    }

    [Fact]
    public void Grid_fractions_equal_per_cell_rectangle_integrals()
    {
        double[] xe = [-5.2, -1.4, 2.4, 6.2], ye = [-3.0, 0.8, 4.6];
        var cells = new double[6];
        LateralProfile.AddGridFractions(xe, ye, 1.7, 0.6, cells);
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < 3; i++)
                Tolerance.Abs(1e-14, "same closed form, shared corners").AssertClose(
                    0.6 * LateralProfile.RectangleFraction(xe[i], xe[i + 1], ye[j], ye[j + 1], 1.7), cells[i + 3 * j], $"cell {i},{j}");
    }
}

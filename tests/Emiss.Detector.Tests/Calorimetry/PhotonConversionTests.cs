using System.Globalization;
using Emiss.Core.Materials;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.PairProduction;
using Emiss.Testing;
using MathNet.Numerics.Integration;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// A photon's parametrised shower: the e± shape started at an exponentially distributed conversion depth
/// (<see cref="EmLongitudinalProfile.Cumulative"/> with <see cref="GammaShape.ConversionPerX0"/>), and the conversion
/// probability per X0 of a stack (<see cref="PhotonConversionRate"/>). Checked against numbers computed without the closed
/// forms: the convolution by quadrature, the mean depth of a sum of independent depths, the complete-screening limit 7/9
/// and Urban's fit to the measured pair cross sections.
/// </summary>
public sealed class PhotonConversionTests(ITestOutputHelper output)
{
    /// <summary>(α, β, tail fraction w, tail slope μ_t, conversion slope μ_c) on both sides of the series switch.</summary>
    public static TheoryData<double, double, double, double, double> Shapes => new()
    {
        { 4.5, 0.55, 0.08, 0.283, 0.7718 },   // a 50 GeV photon in the Pb/Sc ECAL
        { 1.1, 1.2, 0.08, 0.283, 0.7360 },    // GFlash's floors at 1 GeV
        { 2.0, 0.20, 0.0, 0.283, 0.75 },      // β below both slopes, no tail
        { 3.0, 0.77, 0.5, 0.283, 0.77 },      // β equal to the conversion slope
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Converted_profile_is_the_unconverted_one_started_at_an_exponential_depth(double alpha, double beta, double w, double mut, double muc)
    {
        var unconverted = new GammaShape(alpha, beta, w, mut);
        var converted = unconverted with { ConversionPerX0 = muc };
        foreach (double t in new[] { 0.1, 1.0, 3.0, 7.5, 20.0, 45.0 })
        {
            // F(t) = ∫₀ᵗ μ_c e^{−μ_c s} F₀(t − s) ds with F₀ the unconverted distribution function (validated in ProfileTailTests)
            double reference = DoubleExponentialTransformation.Integrate(s => muc * Math.Exp(-muc * s) * EmLongitudinalProfile.Cumulative(unconverted, t - s), 0, t, 1e-12);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"α {alpha}, β {beta}, w {w}, μc {muc}, t {t}: {EmLongitudinalProfile.Cumulative(converted, t):R} vs quadrature {reference:R}"));
            Tolerance.Abs(1e-8, "quadrature of the convolution to 1e-12").AssertClose(reference, EmLongitudinalProfile.Cumulative(converted, t), $"F({t})");
        }
    }

    [Fact]
    public void Equal_tail_and_conversion_slopes_stay_finite_and_close_to_the_convolution()
    {
        // The partial fractions divide by μ_c − μ_t; at equal slopes the tail's is nudged by 10⁻³ (EmLongitudinalProfile.Cumulative).
        var unconverted = new GammaShape(4.5, 0.55, 0.08, 0.77);
        var converted = unconverted with { ConversionPerX0 = 0.77 };
        foreach (double t in new[] { 0.5, 3.0, 10.0, 30.0 })
        {
            double reference = DoubleExponentialTransformation.Integrate(s => 0.77 * Math.Exp(-0.77 * s) * EmLongitudinalProfile.Cumulative(unconverted, t - s), 0, t, 1e-12);
            double f = EmLongitudinalProfile.Cumulative(converted, t);
            Assert.True(double.IsFinite(f), $"F({t}) = {f}");
            Tolerance.Abs(1e-4, "tail slope nudged by 10⁻³ at equal slopes").AssertClose(reference, f, $"F({t})");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Mean_depth_adds_the_mean_conversion_depth(double alpha, double beta, double w, double mut, double muc)
    {
        // The depth is a sum of independent parts: gamma (mean α/β), with probability w an attenuation path (1/μ_t), and the
        // conversion depth (1/μ_c); the mean of a non-negative variable is ∫₀^∞ (1 − F) dt.
        var shape = new GammaShape(alpha, beta, w, mut, muc);
        double mean = DoubleExponentialTransformation.Integrate(t => 1 - EmLongitudinalProfile.Cumulative(shape, t), 0, 600, 1e-11);
        Tolerance.Rel(1e-7, "quadrature of the survival function").AssertClose(alpha / beta + w / mut + 1 / muc, mean, "mean depth, X0");
    }

    [Theory]
    [InlineData("Pb")]
    [InlineData("Fe")]
    [InlineData("Sc")]
    public void High_energy_rate_is_seven_ninths_per_radiation_length(string material)
    {
        // Complete screening: σ = 7/(9 n X0) (Tsai, Rev. Mod. Phys. 46 (1974) 815, eq. 3.84 without its (Z² + Z)/54 term, which
        // is ≤ 0.7 % of it; PDG RPP §34.4.2); 1.5 % covers that term and the rounding of the tabulated X0.
        var rate = new PhotonConversionRate([(MaterialCatalog.ByName(material), 1.0)]);
        Tolerance.Rel(0.015, "complete-screening limit 7/9 per X0, (Z² + Z)/54 term and tabulated X0").AssertClose(7.0 / 9.0, rate.PerX0At(1e4), $"{material} at 10 TeV");
        Assert.Equal(rate.PerX0At(1e4), rate.PerX0At(1e6));   // held beyond the table
    }

    [Fact]
    public void Rate_agrees_with_the_fit_to_measured_pair_cross_sections_and_rises_with_energy()
    {
        // Urban's fit (Geant4's G4BetheHeitler total cross section) to Hubbell, Gimm & Øverbø's evaluated data, an independent
        // parametrisation of measurements; it wiggles by ≈ 2 % around them between 10 and 100 GeV, hence 2.5 %.
        Material pb = MaterialCatalog.Lead;
        var rate = new PhotonConversionRate([(pb, 1.0)]);
        double previous = 0;
        foreach (double e in new[] { 0.1, 0.3, 1, 2, 5, 10, 20, 50, 100 })
        {
            double fit = UrbanPerX0(pb, e), ratio = rate.PerX0At(e) / fit;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pb {e} GeV: {rate.PerX0At(e):F4} per X0, Urban's fit {fit:F4}, ratio {ratio:F4}"));
            if (e == 0.1)
                KnownDiscrepancy.Pin(output, "Tsai pair cross section / Urban's fit, Pb at 0.1 GeV", ratio,
                    new GoldValue(1.0265, 0.001, "this test (2026-12-05)"),
                    new PhysicsTarget(1.0, 0.025, "Urban's fit to Hubbell, Gimm & Øverbø's evaluated data"),
                    "the rate uses the shower engine's pair cross section (Tsai's integral, the reference the profile is tuned against), which runs above the data at 0.1 GeV; a parametrised photon shower of 0.1 GeV converts within 1.3 X0 either way");
            else
                Tolerance.Rel(0.025, "Urban's fit to measured cross sections, its own ≈ 2 % wiggle").AssertClose(fit, rate.PerX0At(e), $"Pb at {e} GeV");
            Assert.True(rate.PerX0At(e) > previous, $"the rate rises with energy at {e} GeV");
            previous = rate.PerX0At(e);
        }
    }

    private static double UrbanPerX0(Material m, double energyGeV) =>
        m.AtomDensityPerCm3(m.Elements[0]) * m.RadiationLengthCm * PairProductionXsCalculator.UrbanFitCm2(m.Elements[0].Z, energyGeV);

    [Fact]
    public void Card_key_chooses_conversion_or_the_delay_rule()
    {
        SetupCard card = TestCards.PbSc;
        Assert.True(card.Ecal.ProfilePhotonConversion);
        ShowerMedium converting = new CalorimeterLayout(card).EcalShowerMedium;
        ShowerMedium delayed = new CalorimeterLayout(card with { Ecal = card.Ecal with { ProfilePhotonConversion = false } }).EcalShowerMedium;
        Assert.NotNull(converting.PhotonConversion);
        Assert.Null(delayed.PhotonConversion);
        Assert.Equal(converting, new CalorimeterLayout(card).EcalShowerMedium);   // value equality of the rate
        GammaShape c = EmLongitudinalProfile.Median(10, converting, photon: true), d = EmLongitudinalProfile.Median(10, delayed, photon: true);
        Assert.Equal(converting.PhotonConversion!.PerX0At(10), c.ConversionPerX0);
        Assert.Equal(0.0, d.ConversionPerX0);
        // the delay rule puts the maximum PhotonDelayX0 deeper; the converting shape starts at depth 0 and converts instead
        Tolerance.Abs(1e-12, "delay rule").AssertClose(c.Tmax + EmLongitudinalProfile.PhotonDelayX0, d.Tmax, "T of the delayed photon shape");
        Assert.Equal(0.0, EmLongitudinalProfile.Median(10, converting, photon: false).ConversionPerX0);   // electrons never convert
    }
}

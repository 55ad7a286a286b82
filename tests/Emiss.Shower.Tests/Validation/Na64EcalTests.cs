using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>NA64 ECAL model (docs/physics/na64-detector.md#ecal): EM sampling fraction ≈ 9–10 %, sampling term ≈ 9 %/√E (seed: 10 %/√E),
/// ≈ 95 % of the shower in the central 3 × 3 cells.</summary>
public class Na64EcalTests(ITestOutputHelper output)
{
    // Beam on the centre of cell (3, 3). 800 showers (≈ 25 s of one core): the sampling fraction to σ = 0.0001, so that its 3σ
    // gold band stays clear of the target band it now misses by 0.0008 (at 120 showers the two overlapped).
    private static readonly Lazy<ShowerRunResult> Result = new(() => TestShowers.Run("na64-ecal", ShowerSpecies.Electron, 5.0, 800, 20161107, beamXCm: 1.9, beamYCm: 1.9));

    // The sampling term from 6400 showers of 1 GeV (as cheap as 1280 of 5 GeV): the rms of the active energy is then
    // known to 1/√(2N) = 0.9 %, enough to tell the term from its target. σ/E·√E is the stochastic term at any energy
    // where the constant term is negligible; 1600 showers of 5 GeV gave the same 0.077.
    private const int TermEvents = 6400;
    private static readonly Lazy<ShowerRunResult> TermRun = new(() => TestShowers.Run("na64-ecal", ShowerSpecies.Electron, 1.0, TermEvents, 20161108, beamXCm: 1.9, beamYCm: 1.9));

    [Fact]
    public void Sampling_fraction_is_a_known_discrepancy()
    {
        ShowerRunResult r = Result.Value;
        double err = r.RmsActiveGeV / r.MeanTotalGeV / Math.Sqrt(r.Events);
        output.WriteLine($"sampling fraction (deposited) {r.DepositedSamplingFraction:F5} ± {err:F5}; read out after Birks saturation {r.SamplingFraction:F5}");
        // The target is an estimate for deposited energy (f_mip from dE/dx, e/mip from EGS-type deposit calculations), so the
        // deposited fraction is compared with it; the read-out fraction is the next test's.
        // Gold value: this test's run (seed 20161107, 800 × 5 GeV e⁻) with Seltzer–Berger's bremsstrahlung spectra below
        // 50 MeV (2026-12-06; 0.10086 before, with the near-threshold pair cross section of 2026-12-04); tolerance 3σ_stat,
        // σ from the event spread (printed above). History: 0.10265 with the step-independent
        // scattering alone, 0.10155 (120 showers) after its merge with the low-energy photon physics and Urban fluctuations
        // (2026-12-03), 0.10067 (120 showers) and 0.1008 (1600 showers, seed 20161107 through `emiss shower`) once pair
        // production near threshold took its measured size (more 2–5 MeV photons convert, and the pairs stop in Pb). The
        // Highland-width model gave a value inside 9–10 %, but it moved by 10 % with the step limit; the new model does not
        // move (StepSizeIndependenceTests).
        KnownDiscrepancy.Pin(output, "NA64 ECAL EM sampling fraction (5 GeV e⁻, deposited)", r.DepositedSamplingFraction,
            new GoldValue(0.10154, 3 * 0.00011, "Seltzer–Berger spectra below 50 MeV (2026-12-06), seed 20161107, 800 × 5 GeV e⁻ on cell (3, 3)"),
            new PhysicsTarget(0.095, 0.005, "docs/physics/na64-detector.md#ecal: f_mip 13.9 % × e/mip ≈ 0.7 → 9–10 %"),
            "e/mip comes out 0.74 instead of ≈ 0.7; the e/mip ≈ 0.7 of the target is itself an estimate for this assumed " +
            "layering, not a measurement; the low-energy photon physics (Rayleigh, per-element photoabsorption), which sets " +
            "how much energy is absorbed in Pb rather than Sc, lowered it from 0.1027 to 0.1016, and pair production near threshold at its measured size to 0.1009; " +
            "Seltzer–Berger's bremsstrahlung spectra below 50 MeV raised it to 0.1015");
    }

    [Fact]
    public void Birks_saturation_lowers_the_read_out_by_a_fast_tracks_quench_and_a_little_more()
    {
        ShowerRunResult r = Result.Value;
        double quench = 1 - r.SamplingFraction / r.DepositedSamplingFraction;
        output.WriteLine($"read-out / deposited sampling fraction {r.SamplingFraction:F5} / {r.DepositedSamplingFraction:F5}: quench {quench:F5}");
        // Bounds fixed before the run (docs/physics/birks-saturation.md): a minimum-ionising track in polystyrene loses
        // k_B S/(1 + k_B S) = 1.6 % of its light (k_B 0.07943 mm/MeV, S 0.2052 MeV/mm); the shower's e± are mostly fast in
        // the 1.5 mm layers, and its slow electrons (0.1 MeV stopping: 6.9 %) add to that. Below 1 % the saturation is
        // missing or its unit is wrong; above 4 % the slow part would dominate the light, which the layers' thinness forbids.
        Assert.InRange(quench, 0.010, 0.040);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Sampling_term_is_a_known_discrepancy()
    {
        ShowerRunResult r = TermRun.Value;
        double term = r.ResolutionRel * Math.Sqrt(1.0);
        output.WriteLine($"sampling term {term:F5}, sampling fraction {r.SamplingFraction:F5}, charged steps/event {r.ChargedStepsPerEvent:F0}");
        // Gold value: this test's run (seed 20161108, 6400 showers of 1 GeV) after the merge of the step-independent
        // scattering with the low-energy photon physics and Urban fluctuations (2026-12-03; 0.0780 with the scattering alone); the read-out
        // light with Birks saturation (2026-12-06) gives 0.07574, the deposited energy 0.07573: the quench hardly varies between showers. Tolerance 3σ with
        // σ = term/√(2N) (the statistical error of an rms from N events).
        KnownDiscrepancy.Pin(output, "NA64 ECAL sampling term σ/E·√E (1 GeV e⁻, GeV^½)", term,
            new GoldValue(GoldTerm, 3 * GoldTerm / Math.Sqrt(2.0 * TermEvents), "merge of scattering and photon physics (2026-12-03), seed 20161108, 6400 × 1 GeV e⁻ on cell (3, 3)"),
            EcalSamplingTerm.Target, EcalSamplingTerm.Cause);
    }

    private const double GoldTerm = 0.07573;

    [Fact]
    public void Central_three_by_three_cells_hold_about_95_percent()
    {
        ShowerRunResult r = Result.Value;
        double[] cells = r.MeanCellGeV;
        double central = 0, all = cells.Sum();
        for (int s = 0; s < r.Geometry.SectionNames.Length; s++)
            for (int iy = 2; iy <= 4; iy++)
                for (int ix = 2; ix <= 4; ix++)
                    central += cells[s * 36 + iy * 6 + ix];
        // docs/physics/na64-detector.md#ecal: ≈ 95 % in the central 3 × 3 block (half-width 5.7 cm = 2.1 R_M,eff). PDG containment
        // (90 % within 1 R_M, 99 % within 3.5 R_M) puts a 2.1–2.3 R_M block between 95 % and 98.5 %.
        Assert.True(central / all is >= 0.94 and <= 0.985, $"3 × 3 fraction {central / all:F4}");
    }
}

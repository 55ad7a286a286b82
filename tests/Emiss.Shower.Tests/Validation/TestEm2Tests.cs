using System.Globalization;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>V9: Geant4 11.4 TestEm2, 5 GeV e⁻ in a PbWO4 cylinder (L = 20 X0, R = 5 X0), 1 mm cut. TestEm2's cylinder is one volume
/// scored by position, so ours is one volume scored in 40 readout bins of 0.5 X0 (<c>oneVolume</c> in testem2-pbwo4.json).</summary>
public class TestEm2Tests(ITestOutputHelper output)
{
    private const string Ref = "geant4_testem2_5GeV_eminus_PbWO4_profiles.csv";
    private static readonly Lazy<ShowerRunResult> Result = new(() => TestShowers.Run("testem2-pbwo4", ShowerSpecies.Electron, 5.0, 400, 20161101));

    // R_90, the core and the profile use 1600 events in 16 batches of 100 (the batch spread gives the error of any sum of
    // bins): at 400 (σ = 0.006 X0) R_90's 3σ gold band reached into the ±3 % target band.
    private static readonly Lazy<Fast.BatchedRun> Lateral = new(() => Fast.BatchedRun.Run("testem2-pbwo4", 5.0, 16, 100, 20161101, 0.0, null));
    private static readonly Lazy<ShowerRunResult> LateralResult = new(() => Lateral.Value.All);

    // The 7–13 X0 window (bins 14–25), where the profile beyond the maximum sits below Geant4: docs/physics/validation-anchors.md#v9.
    private const int TailFirstBin = 14, TailLastBin = 25;
    private static readonly int[] TailBins = [.. Enumerable.Range(TailFirstBin, TailLastBin - TailFirstBin + 1)];

    [Fact]
    public void Longitudinal_profile_matches_Geant4()
    {
        // Every 0.5 X0 bin within max(3σ, 7 %) of Geant4, except the 7–13 X0 window, whose known deficit is pinned as a whole in
        // Tail_behind_the_maximum_is_a_known_discrepancy. Beyond the maximum the profile sits 1–3σ below Geant4 in every
        // seed tried (energy-weighted mean depth 7.29–7.30 X0 against 7.51 X0 from the reference profile), so one bin or
        // another of that window crossed 3σ whenever the random streams changed: bin 17 (8.5–9 X0) at 3.01σ after the
        // ziggurat normals at 400 events, and at 3.00σ at 1600 events with the near-threshold pair cross section (2026-12-04),
        // where the physics before that change gave 2.97σ with the same seed.
        ShowerRunResult r = LateralResult.Value;
        var rows = ReferenceCsv.Load(Ref).Numbers(c => c[0] == "longitudinal", "mean_percent", "rms_percent").ToArray();
        double[] mean = r.MeanSlabGeV, err = r.SlabErrorGeV;
        var failures = new List<string>();
        for (int i = 0; i < rows.Length; i++)
        {
            double mc = 100 * mean[i] / 5.0, mcErr = 100 * err[i] / 5.0;
            double refErr = rows[i][1] / Math.Sqrt(100);      // reference: 100 events
            double sigma = Math.Sqrt(mcErr * mcErr + refErr * refErr);
            double allowed = Math.Max(3 * sigma, 0.07 * rows[i][0]);
            string line = string.Create(CultureInfo.InvariantCulture, $"bin {i}: MC {mc:F3}% vs G4 {rows[i][0]:F2}% ({(mc - rows[i][0]) / sigma:+0.0;-0.0}σ, allowed {allowed:F3})");
            output.WriteLine(line);
            if (i >= TailFirstBin && i <= TailLastBin) continue;
            if (Math.Abs(mc - rows[i][0]) > allowed) failures.Add(line);
        }
        Assert.True(failures.Count == 0, "V9 each 0.5 X0 bin within max(3σ, 7 %): " + string.Join("; ", failures));
    }

    [Fact]
    public void Tail_behind_the_maximum_is_a_known_discrepancy()
    {
        // Energy deposited at 7–13 X0, the window the per-bin test leaves to this pin. Geant4: 38.88 % of E0 (sum of the
        // reference bins). Target: issue 13's "longitudinal profile within 3 % of Geant4". Gold: this run, tolerance 3σ from
        // the spread of its 16 batches.
        double Window(ShowerRunResult x) => TailBins.Sum(i => 100 * x.MeanSlabGeV[i] / 5.0);
        var rows = ReferenceCsv.Load(Ref).Numbers(c => c[0] == "longitudinal", "mean_percent").ToArray();
        double g4 = TailBins.Sum(i => rows[i][0]);
        double tail = Window(LateralResult.Value), err = Lateral.Value.Error(Window);
        output.WriteLine($"E(7–13 X0) = {tail:F3} ± {err:F3} % of E0 (Geant4 {g4:F2})");
        KnownDiscrepancy.Pin(output, "TestEm2 E(7 X0 < t < 13 X0) (% of E0)", tail,
            new GoldValue(36.63, 3 * 0.137, "near-threshold pair cross section (2026-12-04), seed 20161101, 16 × 100 × 5 GeV e⁻; 3σ of the batch spread"),
            new PhysicsTarget(g4, 0.03 * g4, "Geant4 11.4 TestEm2.out, sum of the 0.5 X0 bins; issue 13: profile within 3 %"),
            "the shower is shallower than Geant4's: energy-weighted mean depth 7.29 X0 against 7.51 X0, 1–3σ per bin in every seed; "
            + "not moved by the normal sampler, by the pair cross section near threshold or by the lateral changes that brought R_90 to Geant4; not isolated. "
            + "The reference is 100 showers (≈ 0.55 % of E0 statistical on this window, from our per-shower rms 5.5 %): the deficit is 3.9σ "
            + "of both runs' statistics (docs/physics/validation-anchors.md#v9)");
    }

    [Fact]
    public void Total_deposit_track_length_and_cumulative_profile()
    {
        ShowerRunResult r = Result.Value;
        double dep = 100 * r.MeanTotalGeV / 5.0, depErr = 100 * r.RmsTotalGeV / 5.0 / Math.Sqrt(r.Events);
        Tolerance.Abs(1.0 + 3 * depErr, "V9: total ±1 % abs (+3σ_stat)").AssertClose(94.81, dep, "deposit (% of E0)");
        Tolerance.Rel(0.07, "V9: charged track length ±7 % (cut-dependent)").AssertClose(483.4, r.ChargedTrackLengthX0, "charged track length (X0)");
        // Cumulative fractions: as for the bins, max(7 %, 3σ) with σ from the Geant4 event rms (6.16 % at 4 X0,
        // 9.99 % at 10 X0; reference file) for its 100 events and for ours.
        double k = Math.Sqrt(1.0 / 100 + 1.0 / r.Events);
        Tolerance.Abs(Math.Max(0.07 * 16.2, 3 * 6.16 * k), "V9: cumulative at 4 X0, max(7 %, 3σ)").AssertClose(16.2, 100 * r.FractionBeforeDepth(4.0), "E(t < 4 X0) (%)");
        Tolerance.Abs(Math.Max(0.07 * 73.0, 3 * 9.99 * k), "V9: cumulative at 10 X0, max(7 %, 3σ)").AssertClose(73.0, 100 * r.FractionBeforeDepth(10.0), "E(t < 10 X0) (%)");
    }

    [Fact]
    public void Containment_radius_matches_Geant4()
    {
        ShowerRunResult r = LateralResult.Value;
        double r90 = R90(r);
        output.WriteLine($"R_90 = {r90:F4} X0 (Geant4 2.97); leakage {100 * r.LeakageFraction:F3} % of E0");
        // Geant4 11.4 TestEm2.out: 90 % containment radius 2.97 X0 (reference CSV header); issue target ±3 %. Statistics:
        // σ = 0.003 X0 for 1600 events (0.011 X0 was the spread over six 120-event runs, seeds 1–5 and 20161101, scaled by
        // √(120/1600)). History: Highland-width scattering 2.69 X0; step-independent scattering alone 2.96 X0; photon tables,
        // Rayleigh, bound Compton and Urban fluctuations alone (with Highland) 2.85 X0; both together 3.1155 X0 (400 events);
        // with the nuclear size in λ1 3.0757 X0 (400 events) and 3.0900 X0 (1600 events); with the lateral edge in the below-cut
        // range rejection 3.0811 X0 (1600 events; a change of random streams, −0.009 ± 0.004 X0). Decomposition (docs/physics/validation-anchors.md#v9): the excess comes from the core,
        // not the photon halo: 15.2 % of E0 within 0.1 X0 against Geant4's 17.5 %; the cumulative deficit is −0.48 % of E0 at
        // 2 X0 and −0.41 % at 3 X0, and R_90 sits where a ring holds ≈ 0.4 % of E0.
        // With the near-threshold pair cross section (2026-12-04) R_90 = 3.0006 X0 (this run): more 2–5 MeV photons convert
        // where they are made instead of carrying energy outwards by Compton scattering (leakage 5.42 → 5.12 % of E0), and the
        // known discrepancy became this validation. One volume scored in readout bins, as TestEm2 is built (2026-12-07): 3.0034 X0.
        Tolerance.Abs(0.03 * 2.97 + 3 * 0.003, "V9: R_90 within 3 % of Geant4 11.4 TestEm2.out (+3σ_stat)").AssertClose(2.97, r90, "TestEm2 R_90 (X0)");
    }

    private static readonly Lazy<ShowerRunResult> Geant4Displacement = new(() => TestShowers.Run("testem2-pbwo4", ShowerSpecies.Electron, 5.0, 1600, 20161101,
        PhysicsOptions.Standard with { MscDisplacementFarFromBoundaries = false }));

    [Fact]
    [Trait("Category", "Slow")]
    public void Geant4s_rule_of_no_displacement_far_from_boundaries_gives_its_lateral_profile()
    {
        // Geant4's G4UrbanMscModel (and WentzelVI) switch the lateral displacement off for a step whose straight-line reach lies
        // inside the safety (docs/physics/multiple-scattering.md#lateral-displacement-far-from-boundaries). With that rule the
        // engine must give TestEm2's lateral profile: E(r < 1 X0) within 3σ of both runs (Geant4 71.49 % of E0, event rms 2.03 %
        // over 100 events; ours over 1600) and R_90 within 3 % (V9's criterion); and the rule must be what moves the core, by
        // more than 5σ of the two runs' errors taken as independent (they share seeds, so the true error is smaller).
        ShowerRunResult g4 = Geant4Displacement.Value, standard = LateralResult.Value;
        double Cumulative(ShowerRunResult r, int rings) => r.MeanRadialGeV.Take(rings).Sum() / 5.0 * 100;
        double r1 = Cumulative(g4, 10), sigma = 2.03 * Math.Sqrt(1.0 / 100 + 1.0 / g4.Events);
        double r90 = R90(g4);
        double coreG4 = 100 * g4.MeanRadialGeV[0] / 5.0, coreStd = 100 * standard.MeanRadialGeV[0] / 5.0;
        double coreErr = 100 / 5.0 * Math.Sqrt(Math.Pow(g4.RadialErrorGeV[0], 2) + Math.Pow(standard.RadialErrorGeV[0], 2));
        output.WriteLine($"Geant4's rule: E(r < 1 X0) {r1:F3} % (default {Cumulative(standard, 10):F3}, Geant4 71.49), R_90 {r90:F4} X0 (default {R90(standard):F4}, Geant4 2.97), " +
                         $"E(r < 0.1 X0) {coreG4:F3} % (default {coreStd:F3}, Geant4 17.53)");
        Tolerance.Abs(3 * sigma, "3σ of Geant4's 100 and our 1600 events").AssertClose(71.49, r1, "E(r < 1 X0) (% of E0), Geant4's displacement rule");
        Tolerance.Abs(0.03 * 2.97 + 3 * 0.003, "V9: R_90 within 3 % (+3σ_stat)").AssertClose(2.97, r90, "TestEm2 R_90 (X0), Geant4's displacement rule");
        Assert.True(coreG4 - coreStd > 5 * coreErr, $"the core moves with the rule: {coreStd:F3} → {coreG4:F3} ± {coreErr:F3} % of E0");
    }

    /// <summary>The radius holding 90 % of E0 (TestEm2 quotes it from its cumulative column), linear within the 0.1 X0 ring.</summary>
    private static double R90(ShowerRunResult r)
    {
        double[] rad = r.MeanRadialGeV;
        double cum = 0;
        for (int i = 0; i < rad.Length; i++)
        {
            if (cum + rad[i] >= 0.9 * 5.0) return 0.1 * (i + (0.9 * 5.0 - cum) / rad[i]);
            cum += rad[i];
        }
        return double.NaN;
    }

    [Fact]
    public void Shower_core_is_a_known_discrepancy()
    {
        // Innermost ring, r < 0.1 X0 (reference CSV: 17.53 % of E0, event rms 2.26 % over 100 events, so ±0.23). The core's
        // missing 2 % of E0 sits at 0.3–3 X0 and is what lifts R_90 (docs/physics/validation-anchors.md#v9). Since the
        // cylinder is one volume scored in depth bins, as in TestEm2 (2026-12-07), instead of 40 volumes whose faces stopped
        // every e± and refixed its scattering step, the ring holds 15.83 % (15.30 before, 1600 showers each).
        ShowerRunResult r = LateralResult.Value;
        double core = 100 * r.MeanRadialGeV[0] / 5.0, err = 100 * r.RadialErrorGeV[0] / 5.0;
        output.WriteLine($"E(r < 0.1 X0) = {core:F3} ± {err:F3} % of E0 (Geant4 17.53 ± 0.23)");
        KnownDiscrepancy.Pin(output, "TestEm2 E(r < 0.1 X0) (% of E0)", core,
            new GoldValue(15.83, 0.12, "one volume scored in readout bins (2026-12-07), seed 20161101, 1600 × 5 GeV e⁻; 3σ = 3 × 0.040"),
            new PhysicsTarget(17.53, 3 * Math.Sqrt(0.226 * 0.226 + 0.036 * 0.036), "Geant4 11.4 TestEm2.out, innermost ring; 3σ of both runs"),
            "Geant4 switches the lateral displacement off for steps that cannot reach a boundary, nearly all of them in TestEm2's one " +
            "cylinder; the engine keeps it (a physical choice). With Geant4's rule the ring holds 18.33 % and R_90 is 2.971 X0 " +
            "(Geant4s_rule_of_no_displacement_far_from_boundaries_gives_its_lateral_profile)");
    }
}

using Emiss.Shower.Scoring;
using Emiss.Shower.Tests.Fast;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// V5, V6, V8, V12: 100 GeV e⁻ and γ in 40 X0 of lead. The quantities are those of the mean shower (PDG defines t_max,
/// the energy fractions and t_95 on the average profile); their statistical errors come from the spread of 16 batches
/// of 8 events. 128 events per species keep 3σ_stat below each anchor's own tolerance (checked below; the γ energy before
/// 4 X0, which fluctuates with the first conversion depth, needs the most), so each band is set at least half by its
/// physics anchor, not by the sample size (with the earlier 8 events, 3σ_stat was 4× the V6 anchor).
/// </summary>
[Trait("Category", "Slow")]
public class LeadShowerTests(ITestOutputHelper output)
{
    private const int PerBatch = 8;
    private static readonly Lazy<BatchedRun> Electron = new(() => BatchedRun.Run("pb-thick", 100.0, 16, PerBatch, 20161104, 0.0, null, ShowerSpecies.Electron));
    private static readonly Lazy<BatchedRun> Photon = new(() => BatchedRun.Run("pb-thick", 100.0, 16, PerBatch, 20161105, 0.0, null, ShowerSpecies.Gamma));

    /// <summary>Depth (X0) before which 95 % of E0 is deposited, from the mean profile (0.5 X0 slabs; upper slab edge).</summary>
    private static double T95(ShowerRunResult r)
    {
        double[] c = r.SlabCentreX0, m = r.MeanSlabGeV;
        double cum = 0;
        for (int k = 0; k < m.Length; k++) { cum += m[k]; if (cum >= 0.95 * r.PrimaryKineticGeV) return c[k] + 0.25; }
        return c[^1] + 0.25;
    }

    private void Check(double expected, BatchedRun run, Func<ShowerRunResult, double> q, double modelTolerance, string what, string why)
    {
        double value = q(run.All), err = run.Error(q);
        output.WriteLine($"{what}: {value:G5} ± {err:G3} (stat), anchor {expected:G4} ± {modelTolerance:G3}");
        Assert.True(3 * err <= modelTolerance, $"{what}: 3σ_stat = {3 * err:G3} exceeds the anchor tolerance {modelTolerance:G3}: too few events");
        Tolerance.Abs(modelTolerance + 3 * err, $"{why} + 3σ_stat ({err:G3})").AssertClose(expected, value, what);
    }

    [Fact]   // V5: t_max = ln(E0/E_c) ∓ 0.5 → 9.0 X0 (e⁻), 10.0 X0 (γ); ±0.7 X0
    public void Shower_maximum()
    {
        Check(9.0, Electron.Value, r => r.TmaxX0, 0.7, "t_max e⁻ (X0)", "V5 (PDG) ±0.7 X0");
        Check(10.0, Photon.Value, r => r.TmaxX0, 0.7, "t_max γ (X0)", "V5 (PDG) ±0.7 X0");
    }

    [Fact]   // V6: energy in the first 4 X0: 3.0 % (e⁻), 1.7 % (γ); ±30 % relative
    public void Energy_in_the_first_four_radiation_lengths()
    {
        Check(0.030, Electron.Value, r => r.FractionBeforeDepth(4.0), 0.3 * 0.030, "E(t < 4 X0)/E0, e⁻", "V6 ±30 %");
        Check(0.017, Photon.Value, r => r.FractionBeforeDepth(4.0), 0.3 * 0.017, "E(t < 4 X0)/E0, γ", "V6 ±30 %");
    }

    [Fact]   // V8: t_95 ≈ 25 X0 ±25 %; a 40 X0 stack contains > 97 %
    public void Longitudinal_containment()
    {
        Check(25.0, Electron.Value, T95, 0.25 * 25.0, "t_95 (X0)", "V8 (PDG) ±25 %");
        Assert.True(Electron.Value.All.LeakageFraction < 0.03, "a 40 X0 lead block must contain > 97 % of 100 GeV");
    }

    [Fact]   // V12: total charged track length vs Rossi B X0·E0/E_c = 13 460 X0: MC with ~1 MeV cuts 0.88–0.97 × Rossi
    public void Total_charged_track_length_against_Rossi_B_is_a_known_discrepancy()
    {
        double ratio = Electron.Value.All.ChargedTrackLengthX0 / (100.0 / 7.43e-3);
        output.WriteLine($"MC/Rossi B = {ratio:F5} ± {Electron.Value.Error(r => r.ChargedTrackLengthX0 / (100.0 / 7.43e-3)):F5} (stat)");
        // Gold value: this run (seed 20161104, 128 × 100 GeV e⁻) with the multiple-scattering limit lifted where the e±'s
        // straight-line reach (0.55 R in Pb) lies inside the safety (2026-12-07; +0.00031, of which the earlier trial of the same
        // change on 2026-12-03 saw +0.00019: longer steps deep in a layer); 0.97894 with Seltzer–Berger's bremsstrahlung spectra
        // below 50 MeV (2026-12-06); 0.97758 with the photoabsorption above 0.8 MeV continued with Sauter's
        // shape (2026-12-05: more 1–5 MeV photons end as photoelectrons, which are charged track); 0.97667 with the
        // near-threshold pair cross section (2026-12-04); 0.97760 after the merge of the step-independent scattering with the low-energy photon physics and Urban fluctuations
        // (2026-12-03), 0.99131 with the scattering alone (1044a9c),
        // 0.97776 with the photon physics alone (5d7d823), 0.99044 with the Highland-width model (76d60e9). Tolerance 1.5e-4: 3σ_stat with σ = 5e-5, the batch spread of an
        // earlier gold run (per-event rms of the ratio 6.6e-4); the 2026-12-07 run's batch spread is 8e-5, so the band is 1.9σ of it.
        // pb-thick as one block scored in readout bins instead of 80 volumes (2026-12-07, the same day): 0.97917 ± 0.00006, inside it.
        KnownDiscrepancy.Pin(output, "MC/Rossi B total charged track length, 100 GeV e⁻ in Pb", ratio,
            new GoldValue(0.97925, 1.5e-4, "straight-line reach in the multiple-scattering limit (2026-12-07), seed 20161104, 128 × 100 GeV e⁻ in pb-thick"),
            new PhysicsTarget(0.925, 0.045, "docs/physics/validation-anchors.md#v12: MC with ~1 MeV cuts gives 0.88–0.97 × Rossi B (Rossi, High-Energy Particles)"),
            "track length includes the residual range of e± stopped below their cut, as Geant4 does; in TestEm2 it is 506 X0 vs " +
            "Geant4's 483 X0 (+4.7 %, inside V9's ±7 %); the excess tracks the lower Pb e± cut (1.0 MeV convention vs Geant4's 1.37 MeV)");
    }
}

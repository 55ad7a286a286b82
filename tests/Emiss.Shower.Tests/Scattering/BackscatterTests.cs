using System.Collections.Concurrent;
using Emiss.Core.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// Electron backscattering from thick slabs, the multiple-scattering anchor of issue 13 ("backscatter coefficients for 1–2 MeV
/// e⁻ on Al and Pb"): the number backscattering coefficient η, the fraction of normally incident electrons that leave through
/// the front face, counted as the measurements count it (Tabata, Ito and Okabe, NIM 94, 509 (1971); Lockwood et al.,
/// SAND80-1968 (1981)): every electron that comes out, primary or secondary, here down to the 10 keV tracking cut with a 20 keV
/// e± production cut so that the low-energy part of the backscattered spectrum is transported and not range-rejected.
/// The slab is 1.5 CSDA ranges thick (the engine's own range), i.e. thick in the sense of the data.
/// <para>
/// The data enter through Tabata's empirical formula (<see cref="TabataBackscatterFormula"/>, fitted to the measured
/// coefficients, with its error from the published errors of its constants): lead agrees within it, aluminium lies above
/// it (a known discrepancy, pinned with sixteen times the statistics). The gold values pin the nominal runs against
/// regressions. What needs no data is checked as well: η must not depend on the slab thickness once it exceeds the range,
/// nor on the maximum step (the property the step-independent scattering model is built for); for the default scheme
/// the step dependence is established and pinned as a known discrepancy. Measured values and their status:
/// docs/physics/multiple-scattering.md#electron-backscattering.
/// </para>
/// </summary>
public class BackscatterTests(ITestOutputHelper output)
{
    // 40 000 electrons: σ(η) = √(η(1 − η)/N) = 0.0013 (Al, 2 MeV) to 0.0025 (Pb, 1 MeV); one run takes a few seconds.
    private const int Events = 40_000;
    private const double ThicknessInRanges = 1.5;
    private static readonly PhysicsOptions Options = PhysicsOptions.Standard with { ElectronCutGeV = 20e-6 };
    private static readonly ConcurrentDictionary<(string, double), Lazy<Backscatter>> Nominal = new();

    [Theory]
    [InlineData("Al", 1.0, 0.09655)]
    [InlineData("Al", 2.0, 0.067225)]
    [InlineData("Pb", 1.0, 0.430475)]
    [InlineData("Pb", 2.0, 0.364525)]
    public void Backscatter_coefficient_is_pinned_at_its_gold_value(string material, double kineticMeV, double gold)
    {
        Backscatter b = NominalRun(material, kineticMeV);
        output.WriteLine($"{material} {kineticMeV} MeV e⁻, {b.ThicknessCm:F4} cm: η = {b.Eta:F4} ± {b.Error:F4} (all electrons ≥ 10 keV), " +
            $"{b.EtaAboveHalf:F4} above E0/2, energy backscattered {b.EnergyFraction:F4} of E0");
        // Gold value: this test's run on commit 3e77cd8 (seed by case, 40 000 events); tolerance 3σ binomial. A regression
        // pin; the comparison with the data (Tabata's formula) is in the tests below.
        Tolerance.Abs(3 * b.Error, "gold value, 3σ binomial").AssertClose(gold, b.Eta, $"η, {kineticMeV} MeV e⁻ on {material}");
    }

    [Theory]
    [InlineData("Pb", 0.5)]
    [InlineData("Pb", 1.0)]
    [InlineData("Pb", 2.0)]
    [InlineData("Pb", 5.0)]
    [InlineData("Al", 0.3)]
    [InlineData("Al", 0.5)]
    [InlineData("Al", 5.0)]
    public void Backscatter_coefficient_agrees_with_Tabata_s_empirical_formula(string material, double kineticMeV)
    {
        // Aluminium at 1 and 2 MeV, where it lies above the formula, is the known discrepancy below.
        Backscatter b = NominalRun(material, kineticMeV);
        (double target, double error) = Tabata(material, kineticMeV);
        output.WriteLine($"{material} {kineticMeV} MeV e⁻: η = {b.Eta:F4} ± {b.Error:F4}, Tabata's formula {target:F4} ± {error:F4} " +
            $"(ratio {b.Eta / target:F3}); above 100 keV {b.EtaAbove100keV:F4}, above E0/2 {b.EtaAboveHalf:F4}");
        // Tolerance fixed before the comparison: the formula's error from its constants' published errors + 3σ binomial.
        Tolerance.Abs(error + 3 * b.Error, "Tabata, Ito and Okabe (1971) formula ± its error, + 3σ binomial")
            .AssertClose(target, b.Eta, $"η, {kineticMeV} MeV e⁻ on {material}");
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(1.0, GoldAluminium1MeV)]
    [InlineData(2.0, GoldAluminium2MeV)]
    public void Backscatter_coefficient_of_aluminium_above_Tabata_s_empirical_formula_is_a_known_discrepancy(double kineticMeV, double gold)
    {
        // Sixteen times the nominal statistics (640 000 e⁻, σ ≈ 0.0003–0.0004), so that the comparison is decided by the
        // formula's error and not by the Monte Carlo's; at 1 MeV the run is the coarse run of the step-dependence pin below.
        Backscatter b = HighStatisticsRun("Al", kineticMeV);
        (double target, double error) = Tabata("Al", kineticMeV);
        output.WriteLine($"Al {kineticMeV} MeV e⁻, {HighStatistics} e⁻: η = {b.Eta:F5} ± {b.Error:F5}, Tabata's formula {target:F4} ± {error:F4} " +
            $"(ratio {b.Eta / target:F3}); above 100 keV {b.EtaAbove100keV:F5}, above E0/2 {b.EtaAboveHalf:F5}");
        KnownDiscrepancy.Pin(output, $"η, {kineticMeV} MeV e⁻ on Al", b.Eta,
            new GoldValue(gold, 3 * b.Error, $"seed variant 10 ({Seed("Al", kineticMeV, 10)}), 640 000 e⁻, 2026-12-06; tolerance 3σ binomial"),
            new PhysicsTarget(target, error + 3 * b.Error,
                "Tabata, Ito and Okabe, NIM 94, 509 (1971): the empirical formula ± its error from the constants' published errors, + 3σ binomial"),
            "aluminium's η lies 23 % (1 MeV) and 30 % (2 MeV) above the formula (12–15 % at 0.3–0.5 MeV and 26 % at 5 MeV, " +
            "inside the formula's wider error there) while lead's lies 4–10 % below it at 0.5–5 MeV, inside the formula's error " +
            "(test above). Not the default scheme's step dependence: smaller steps raise aluminium's η further (0.1042 at a cap " +
            "of 0.001 R; random hinge and PRESTA-II step 0.109). Nor a wider angular distribution: a step in aluminium is " +
            "narrower than Molière's (MoliereComparisonTests). Open whether the engine's low-Z elastic scattering " +
            "or the formula's low-Z data carry the difference: a comparison of EGS5 and ITS 3.0 with Tabata's ionisation-chamber " +
            "experiment found its multiplication-factor estimate in error, most for the low-Z targets (Nucl. Instrum. Methods B, " +
            "2010), and EGSnrc lies on the high side of the measured spread (Ali, Buchenberg and Rogers, Med. Phys. 41 (2014))");
    }

    private const double GoldAluminium1MeV = 0.098136;
    private const double GoldAluminium2MeV = 0.068164;

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("Pb", 4UL, 4, GoldLeadRatio)]
    [InlineData("Al", 10UL, 16, GoldAluminiumRatio)]
    public void Backscatter_coefficient_depending_on_the_maximum_step_is_a_known_discrepancy(string material, ulong variant, int statistics, double goldRatio)
    {
        // Four (Pb) and sixteen (Al, whose η and shift are smaller) times the nominal statistics, so that the shift is established
        // (gold and target bands apart, 6σ: 160 000 and 320 000 Al e⁻ each gave 1.064 ± 0.011 and 1.042 ± 0.008). Near the
        // entrance face, where backscattering is decided, the scattering step limit is f_r R = 0.04 R on entry
        // (docs/physics/multiple-scattering.md#step-limitation); the fine run caps every step at a tenth of that.
        int n = statistics * Events;
        double thicknessCm = NominalRun(material, 1.0).ThicknessCm;
        Backscatter coarse = material == "Al" ? HighStatisticsRun("Al", 1.0) : Measure(material, 1.0, thicknessCm, variant, Options, n);
        Backscatter fine = Measure(material, 1.0, thicknessCm, variant + 1, Options with { MaxStepCm = FineStepCm(coarse) }, n);
        double ratio = fine.Eta / coarse.Eta;
        double sigma = ratio * Math.Sqrt(Math.Pow(coarse.Error / coarse.Eta, 2) + Math.Pow(fine.Error / fine.Eta, 2));
        output.WriteLine($"{material} 1 MeV, {n} e⁻ each: η = {coarse.Eta:F4} (largest step free) vs {fine.Eta:F4} (max step {FineStepCm(coarse) * 1e4:F1} μm), ratio {ratio:F5} ± {sigma:F5}");
        KnownDiscrepancy.Pin(output, $"η(max step 0.004 R) / η(largest step free), 1 MeV e⁻ on {material}", ratio,
            new GoldValue(goldRatio, 3 * sigma, material == "Pb"
                ? "commit 3e77cd8, seeds 19710920 and 19711020, 160 000 × 1 MeV e⁻ each; tolerance 3σ of the ratio"
                : "ziggurat normals (2026-12-03), seeds 19711510 and 19711610, 640 000 × 1 MeV e⁻ each; tolerance 3σ of the ratio"),
            new PhysicsTarget(1.0, 3 * sigma, "issue 13: results unchanged within errors (3σ) when the maximum step shrinks 10×"),
            "the coarse steps of the mean-projection scheme: at f_r R a 1 MeV e⁻ in Pb steps τ = t/λ1 ≈ 0.5, advances the mean " +
            "projection and turns only at the end of the step, so the " +
            "direction it leaves with is not correlated with the depth it reached; η grows as the cap shrinks (Pb: 0.427, 0.428, " +
            "0.435, 0.445, 0.450, 0.456 for no cap and 0.04, 0.02, 0.01, 0.004, 0.001 R) towards the ≈ 0.46 that the random " +
            "hinge reaches at every step size (tests below); Al shows the same trend (a cap of 0.001 R gave η = 0.1042 ± 0.0015 " +
            "against 0.0966 free). Not the angular distribution: one step of τ = 0.35 gives more " +
            "backward deflections than 100 steps of τ/100 (0.058 vs 0.046), the opposite sign");
    }

    private const double GoldLeadRatio = 1.05208;
    private const double GoldAluminiumRatio = 1.04533;

    private static readonly PhysicsOptions Hinge = Options with { MscSpatial = MscSpatial.RandomHinge };

    private static readonly PhysicsOptions PrestaII = Options with { MscSpatial = MscSpatial.PrestaII };

    [Theory]
    [InlineData("random hinge", "Pb")]
    [InlineData("random hinge", "Al")]
    [InlineData("PRESTA-II step", "Pb")]
    [InlineData("PRESTA-II step", "Al")]
    public void Backscatter_coefficient_with_a_step_independent_scheme_does_not_depend_on_the_maximum_step(string scheme, string material)
    {
        // Issue 13's criterion (η unchanged within 3σ when the maximum step shrinks 10×), which the default mean-projection
        // scheme misses (+5 %, test above), met by the random hinge with steps bounded by f_r × the current range
        // (docs/physics/multiple-scattering.md#spatial-algorithm) and by the EGSnrc-style PRESTA-II step, whose steps are
        // bounded by the safety and whose end point is correlated with the final direction
        // (docs/physics/multiple-scattering.md#presta-ii-electron-step). Seed variants 6/7 (hinge) and 11/12 (PRESTA-II).
        bool hinge = scheme == "random hinge";
        AssertStepIndependent(material, 1.0, hinge ? Hinge : PrestaII, hinge ? 6UL : 11UL, scheme);
    }

    /// <summary>η of a nominal run (seed variant <paramref name="variant"/>) and of one with every step capped at a tenth of
    /// the default's entry limit (variant + 1) agree within 3σ.</summary>
    private void AssertStepIndependent(string material, double kineticMeV, PhysicsOptions options, ulong variant, string scheme)
    {
        double thicknessCm = NominalRun(material, kineticMeV).ThicknessCm;
        Backscatter coarse = Measure(material, kineticMeV, thicknessCm, variant, options, Events);
        Backscatter fine = Measure(material, kineticMeV, thicknessCm, variant + 1, options with { MaxStepCm = FineStepCm(coarse) }, Events);
        output.WriteLine($"{material} {kineticMeV} MeV, {scheme}: η = {coarse.Eta:F4} (largest step free) vs {fine.Eta:F4} (max step {FineStepCm(coarse) * 1e4:F1} μm), ± {fine.Error:F4} each");
        AssertSame(coarse, fine, $"η with the {scheme} and the maximum step shrunk 10×");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Both_spatial_algorithms_approach_the_same_backscatter_coefficient_at_small_steps()
    {
        // The step dependence of the default is a coarse-step error, not a small-step artefact: at a step cap of 0.001 R
        // (τ ≈ 0.01 per step, where Urban's distribution matches the Goudsmit–Saunderson ⟨P2⟩ of the screened Rutherford
        // cross section) the mean projection and the random hinge, whose coarse-step errors have opposite signs (−0.03 and
        // +0.02 in η with the limit fixed on entry), agree within 3σ.
        double thicknessCm = NominalRun("Pb", 1.0).ThicknessCm;
        double capCm = 0.25 * FineStepCm(NominalRun("Pb", 1.0));
        Backscatter projection = Measure("Pb", 1.0, thicknessCm, 8, Options with { MaxStepCm = capCm }, Events);
        Backscatter hinge = Measure("Pb", 1.0, thicknessCm, 9, Hinge with { MaxStepCm = capCm }, Events);
        output.WriteLine($"Pb 1 MeV, max step {capCm * 1e4:F2} μm: η = {projection.Eta:F4} (mean projection) vs {hinge.Eta:F4} (random hinge), ± {hinge.Error:F4} each");
        AssertSame(projection, hinge, "η of the two spatial algorithms at a step cap of 0.001 R");
    }

    private static double FineStepCm(Backscatter nominal) => 0.1 * Options.MscRangeFactor * nominal.ThicknessCm / ThicknessInRanges;

    [Theory]
    [InlineData("Al", 2.0)]
    [InlineData("Pb", 2.0)]
    public void Backscatter_coefficient_is_saturated_at_one_and_a_half_ranges(string material, double kineticMeV)
    {
        Backscatter nominal = NominalRun(material, kineticMeV);
        Backscatter thick = Measure(material, kineticMeV, 2 * nominal.ThicknessCm, 3, Options, Events);
        output.WriteLine($"{material} {kineticMeV} MeV: η = {nominal.Eta:F4} at {ThicknessInRanges} ranges vs {thick.Eta:F4} at {2 * ThicknessInRanges} ranges, ± {thick.Error:F4} each");
        AssertSame(nominal, thick, "η with the slab twice as thick");
    }

    /// <summary>Sixteen times the nominal statistics with seed variant 10 on the nominal slab; cached, because the
    /// step-dependence pin and the comparison with Tabata's formula share the 1 MeV run.</summary>
    private static Backscatter HighStatisticsRun(string material, double kineticMeV) =>
        Sixteenfold.GetOrAdd((material, kineticMeV), k => new Lazy<Backscatter>(() =>
            Measure(k.Item1, k.Item2, NominalRun(k.Item1, k.Item2).ThicknessCm, 10, Options, HighStatistics))).Value;

    private const int HighStatistics = 16 * Events;
    private static readonly ConcurrentDictionary<(string, double), Lazy<Backscatter>> Sixteenfold = new();

    /// <summary>Tabata's empirical η and its error for the element of the slab.</summary>
    private static (double Eta, double Error) Tabata(string material, double kineticMeV)
    {
        int z = MaterialCatalog.ByName(material).DominantElement.Z;
        return (TabataBackscatterFormula.Eta(z, kineticMeV), TabataBackscatterFormula.Error(z, kineticMeV));
    }

    private static Backscatter NominalRun(string material, double kineticMeV) =>
        Nominal.GetOrAdd((material, kineticMeV), k => new Lazy<Backscatter>(() =>
        {
            double rangeCm = FoilExperiment.CsdaRangeCm(MaterialCatalog.ByName(k.Item1), k.Item2 * 1e-3, Options);
            return Measure(k.Item1, k.Item2, ThicknessInRanges * rangeCm, 1, Options, Events);
        })).Value;

    private static Backscatter Measure(string material, double kineticMeV, double thicknessCm, ulong variant, PhysicsOptions options, int events)
    {
        double e0 = kineticMeV * 1e-3;
        FoilExperiment run = FoilExperiment.Run(MaterialCatalog.ByName(material), thicknessCm, e0, events, Seed(material, kineticMeV, variant), options);
        LeavingParticle[] back = run.BackscatteredElectrons();
        double eta = (double)back.Length / events;
        return new Backscatter(thicknessCm, eta, Math.Sqrt(eta * (1 - eta) / events),
            (double)back.Count(l => l.KineticEnergyGeV > 0.5 * e0) / events, back.Sum(l => l.KineticEnergyGeV) / (events * e0),
            (double)back.Count(l => l.KineticEnergyGeV > 100e-6) / events);
    }

    /// <summary>One seed per (material, energy, variant): the compared runs use independent random streams. Whole MeV keep
    /// the seeds of the first runs; other energies get their own (0.3 and 0.5 MeV would share one).</summary>
    private static ulong Seed(string material, double kineticMeV, ulong variant)
    {
        ulong energyKey = kineticMeV == Math.Floor(kineticMeV) ? (ulong)kineticMeV : 1_000_000UL * (ulong)Math.Round(kineticMeV * 1000);
        return 19710509UL + 100UL * variant + (material == "Pb" ? 10UL : 0UL) + energyKey;
    }

    private static void AssertSame(Backscatter a, Backscatter b, string what) =>
        Tolerance.Abs(3 * Math.Sqrt(a.Error * a.Error + b.Error * b.Error), "3σ of the two runs").AssertClose(a.Eta, b.Eta, what);

    private sealed record Backscatter(double ThicknessCm, double Eta, double Error, double EtaAboveHalf, double EnergyFraction,
        double EtaAbove100keV);
}

using Emiss.Analysis.Efficiency;
using Emiss.Detector.Setup;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Analysis.Tests.Efficiency;

/// <summary>
/// Runs the scan once per test class: PbSc run, vector ETL as the na64-2016 card, seed 20160817; 24 000 events at
/// 1 MeV, where the total lies ≈ 0.11 from the seed and a 3σ gold band must stay clear of the ±0.10 target band, 4000
/// at 100 MeV and 16 000 at 1000 MeV. With 4000 events the 1000 MeV total (± 0.008) sat at the upper edge of its band
/// and crossed it on a change 4× smaller than its error (0.6493 → 0.6517 when the ECAL profile's ΔT moved from −0.10 to
/// −0.15 X0, 2026-12-04); 16 000 events give ± 0.004.
/// </summary>
public sealed class SignalEfficiencyScanFixture
{
    public IReadOnlyList<SignalEfficiencyPoint> Points { get; } = [.. Scan([1], 24_000), .. Scan([100], 4000), .. Scan([1000], 16_000)];

    private static IReadOnlyList<SignalEfficiencyPoint> Scan(double[] massesMeV, long events) => SignalEfficiencyScan.Run("pbsc-srd", 1,
        SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), SeedCuts.Na64_2016(), DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ExactTreeLevel),
        massesMeV, 0.5, events, 20160817, 2);
}

/// <summary>
/// The signal efficiency and its factors against the seed (PRL 118, 011802 (2017), p. 4): "the NA64 geometrical
/// acceptance (0.97), the analysis efficiency (≃ 0.8) which is slightly m_A′ dependent, veto V2 (0.96) and HCAL signal
/// efficiency (0.94) and the acceptance loss due to pile-up (≃ 8 % for BGO and ≃ 7 % for PbSc runs)"; overall "0.69 ± 0.09
/// to 0.55 ± 0.07 decreasing for the higher A′ masses". Bands were fixed before the first measurement: ±0.10 on the
/// total (the seed's errors plus Monte Carlo statistics; 100 MeV interpolated linearly in ln m, the card's convention),
/// ±0.03 on acceptance, V2, HCAL and pile-up (the seed's ≃ 3 % V2/HCAL uncertainty), ±0.10 on the analysis factor.
/// A value outside its band is pinned as a known discrepancy at the gold value of the run named in <see cref="GoldRun"/>
/// (tolerance 3σ binomial); docs/physics/signal-efficiency.md#comparison-with-the-seed gives the causes.
/// </summary>
public sealed class SignalEfficiencyScanTests(SignalEfficiencyScanFixture fx, ITestOutputHelper output) : IClassFixture<SignalEfficiencyScanFixture>
{
    private const string Seed = "PRL 118, 011802 (2017)";
    private const string GoldRun = "SignalEfficiencyScanFixture (PbSc, vector ETL, seed 20160817; 24 000 events at 1 MeV, 4000 at 100 MeV, 16 000 at 1000 MeV; 2026-12-04, ECAL profile shift ΔT = −0.15 X0 and photon α shift +0.5)";

    [Theory]
    [InlineData(1.0, 0.69)]
    [InlineData(100.0, 0.597)]
    [InlineData(1000.0, 0.55)]
    public void Total_efficiency_against_the_seed(double massMeV, double seedEfficiency)
    {
        SignalEfficiencyPoint p = Point(massMeV);
        Print(p);
        Check($"ε_A′({massMeV} MeV)", p.Efficiency, p.Events, new PhysicsTarget(seedEfficiency, 0.10, Seed + ": 0.69 ± 0.09 → 0.55 ± 0.07"), Gold("total", massMeV),
              "trigger acceptance (beam counters); see the factor tests");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(100.0)]
    [InlineData(1000.0)]
    public void Factors_against_the_seed(double massMeV)
    {
        SignalEfficiencyPoint p = Point(massMeV);
        Print(p);
        long trig = p.PassedStage[(int)Events.Selection.CutStage.PhysicsTrigger], shape = p.PassedStage[(int)Events.Selection.CutStage.EcalShape];
        Check("geometry × trigger", p.TriggerFactor, p.Events, new PhysicsTarget(0.97, 0.03, Seed + ": geometrical acceptance 0.97"), Gold("trigger", massMeV),
              "S1·S2·S3 fire for ≈ 0.93 of the beam electrons of the set-up card (in ε because the chain's EOT are all beam electrons, whereas the seed counts EOT with those counters), and soft deposits of heavy A′ miss the 1 GeV cluster threshold");
        Check("analysis cuts (loose SRD, i–iii)", p.AnalysisFactor, trig, new PhysicsTarget(0.80, 0.10, Seed + ": analysis efficiency ≃ 0.8"), Gold("analysis", massMeV),
              "four-tracker efficiency 0.98⁴ in (i); emissions ≳ 2 X0 deep leave too little in the preshower");
        // V2 fires on the Compton recoils of the few-MeV photons leaking out of the ECAL's back (LeakagePhotonsInPlane).
        Check("V2 veto", p.VetoFactor, shape, new PhysicsTarget(0.96, 0.03, Seed + ": V2 0.96"), Gold("v2", massMeV), "");
        Check("HCAL", p.HcalFactor, p.InBoxEcalOnly, new PhysicsTarget(0.94, 0.03, Seed + ": HCAL 0.94"), Gold("hcal", massMeV),
              "no HCAL energy from leakage or pile-up hadrons in events that pass every other cut");
        Check("pile-up", p.PileUpFactor, p.EventsWithoutPileUp, new PhysicsTarget(0.93, 0.03, Seed + ": ≃ 7 % loss in PbSc runs"), Gold("pileup", massMeV), "");
    }

    private SignalEfficiencyPoint Point(double massMeV) => fx.Points.Single(q => q.MassMeV == massMeV);

    private void Print(SignalEfficiencyPoint p) => output.WriteLine(
        $"m = {p.MassMeV} MeV: ε = {p.Efficiency:F4} ± {p.StatError:F4}; trigger {p.TriggerFactor:F4} (counters {p.CountersFactor:F4}), analysis {p.AnalysisFactor:F4}, " +
        $"V2 {p.VetoFactor:F4}, E_ECAL box {p.EcalBoxFactor:F4}, HCAL {p.HcalFactor:F4}, pile-up {p.PileUpFactor:F4}");

    private void Check(string quantity, double measured, long n, PhysicsTarget target, double? gold, string reason)
    {
        if (gold is not double g)
        {
            Tolerance.Abs(target.Tolerance, target.Source).AssertClose(target.Value, measured, quantity);
            return;
        }
        double sigma = Math.Sqrt((measured * (1 - measured) + 1.0 / n) / n);
        KnownDiscrepancy.Pin(output, quantity, measured, new GoldValue(g, 3 * sigma, GoldRun + "; 3σ binomial"), target, reason);
    }

    /// <summary>Gold values of the factors that miss the seed (null: within the band, a validation).</summary>
    private static double? Gold(string factor, double massMeV) => (factor, massMeV) switch
    {
        ("trigger", 1) => 0.9213,
        ("trigger", 100) => 0.8365,
        ("trigger", 1000) => 0.8141,
        ("hcal", 1) => 0.9989,
        ("hcal", 100) => 0.9996,
        ("hcal", 1000) => 0.9989,
        _ => null,
    };
}

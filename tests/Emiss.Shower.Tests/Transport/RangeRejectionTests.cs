using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Transport;

/// <summary>
/// Range rejection above the production cut (E_save, <see cref="PhysicsOptions.RangeRejectionGeV"/>; EGSnrc's ESAVE,
/// I. Kawrakow, D. W. O. Rogers, NRCC PIRS-701; docs/physics/transport.md#tracking-cut-and-range-rejection): an e± whose
/// residual range is below its distance to every boundary of its slab deposits its energy there. The only physics it drops
/// is the bremsstrahlung such a particle would still radiate, so switching it on must leave the calorimeter's observables
/// where they were within the statistics of the comparison.
/// </summary>
public class RangeRejectionTests(ITestOutputHelper output)
{
    // E_save = 2 MeV: in TestEm3 the safety condition limits the rejected e± to ≤ 1.5 MeV in its 2.3 mm Pb (range 1.15 mm)
    // and ≤ 0.72 MeV in its 5.7 mm lAr, above the cuts there (1.37 and 0.34 MeV), so the option acts in both media.
    private static readonly PhysicsOptions WithRangeRejection = PhysicsOptions.Standard with { RangeRejectionGeV = 2e-3 };
    private const int Events = 3200;

    // Independent seeds for the two runs, so the criteria below use the plain error of a difference.
    private static readonly Lazy<ShowerRunResult> Off = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, Events, 20261203));
    private static readonly Lazy<ShowerRunResult> On = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, Events, 20261204, WithRangeRejection));

    /// <summary>Why E_save is 0 by default: a particle is rejected only when its range is below half its slab's thickness,
    /// and in the NA64 ECAL (1.5 mm Pb + 1.5 mm Sc) the production cuts already reach that energy in Sc and come within
    /// 10 % of it in Pb, while in TestEm3 (2.3 mm Pb + 5.7 mm lAr) it lies above both cuts, so only there can E_save act.</summary>
    [Theory]
    [InlineData("na64-ecal", "Pb", 0.15, false)]
    [InlineData("na64-ecal", "Sc", 0.15, false)]
    [InlineData("testem3-pb-lar", "Pb", 0.23, true)]
    [InlineData("testem3-pb-lar", "lAr", 0.57, true)]
    public void Energy_below_which_range_rejection_can_act(string geometry, string material, double thicknessCm, bool aboveCut)
    {
        ShowerPhysics physics = TestShowers.Physics(geometry);
        int m = physics.Materials.Materials.Single(x => x.Name == material).Index;
        double eHalf = physics.InverseRange((int)ShowerSpecies.Electron, m, 0.5 * thicknessCm);
        double cut = physics.Materials[m].ElectronCutGeV;
        output.WriteLine($"{geometry} {material}: e⁻ range = {0.5 * thicknessCm} cm at {eHalf * 1e3:F3} MeV; cut {cut * 1e3:F3} MeV");
        if (aboveCut) Assert.True(eHalf > 1.05 * cut, $"E_save should act above the cut in {geometry} {material}");
        else Assert.True(eHalf < 1.10 * cut, $"the cut should already cover range rejection in {geometry} {material}");
    }

    /// <summary>Criterion fixed before the run: the sampling fraction, the resolution and the mean deposited energy of
    /// 3200 × 1 GeV e⁻ in TestEm3 with E_save = 2 MeV agree with those without it within 3σ of the difference (σ of a
    /// mean: rms/√N; of an rms: rms/√(2N)).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Testem3_observables_do_not_move_with_range_rejection()
    {
        ShowerRunResult off = Off.Value, on = On.Value;
        double sfErr(ShowerRunResult r) => r.RmsActiveGeV / r.MeanTotalGeV / Math.Sqrt(r.Events);
        double resErr(ShowerRunResult r) => r.ResolutionRel / Math.Sqrt(2.0 * r.Events);
        double totErr(ShowerRunResult r) => r.RmsTotalGeV / Math.Sqrt(r.Events);
        double dSf = Math.Sqrt(Math.Pow(sfErr(off), 2) + Math.Pow(sfErr(on), 2));
        double dRes = Math.Sqrt(Math.Pow(resErr(off), 2) + Math.Pow(resErr(on), 2));
        double dTot = Math.Sqrt(Math.Pow(totErr(off), 2) + Math.Pow(totErr(on), 2));
        output.WriteLine($"sampling fraction off {off.SamplingFraction:F5}, on {on.SamplingFraction:F5} (Δ {on.SamplingFraction - off.SamplingFraction:+0.00000;-0.00000} ± {dSf:F5})");
        output.WriteLine($"σ/E off {off.ResolutionRel:F5}, on {on.ResolutionRel:F5} (Δ {on.ResolutionRel - off.ResolutionRel:+0.00000;-0.00000} ± {dRes:F5})");
        output.WriteLine($"deposited off {off.MeanTotalGeV:F5}, on {on.MeanTotalGeV:F5} GeV (Δ {on.MeanTotalGeV - off.MeanTotalGeV:+0.00000;-0.00000} ± {dTot:F5})");
        output.WriteLine($"charged steps/event off {off.ChargedStepsPerEvent:F0}, on {on.ChargedStepsPerEvent:F0}");
        output.WriteLine($"charged track length in Pb off {off.ChargedTrackLengthCm("Pb"):F2}, on {on.ChargedTrackLengthCm("Pb"):F2} cm; lAr off {off.ChargedTrackLengthCm("lAr"):F2}, on {on.ChargedTrackLengthCm("lAr"):F2} cm");
        Tolerance.Abs(3 * dSf, "3σ of the difference of two independent runs").AssertClose(off.SamplingFraction, on.SamplingFraction, "TestEm3 sampling fraction, E_save 2 MeV vs none");
        Tolerance.Abs(3 * dRes, "3σ of the difference of two independent runs").AssertClose(off.ResolutionRel, on.ResolutionRel, "TestEm3 σ/E, E_save 2 MeV vs none");
        Tolerance.Abs(3 * dTot, "3σ of the difference of two independent runs").AssertClose(off.MeanTotalGeV, on.MeanTotalGeV, "TestEm3 deposited energy, E_save 2 MeV vs none");
    }

    /// <summary>The mechanism, one particle at a time: a 0.6 MeV e⁻ (above the 0.34 MeV lAr cut; CSDA range ≈ 1.7 mm) started
    /// in the middle of TestEm3's first 5.7 mm lAr layer (2.85 mm from either face, 20 cm from the lateral edge) is stopped
    /// before its first step with E_save = 2 MeV, all 0.6 MeV deposited in that layer; without E_save it is tracked.
    /// (3200 × 1 GeV e⁻ took 6299 instead of 6354 charged steps per event with E_save = 2 MeV, −0.9 %; a criterion of
    /// more than 2 % set before that run failed, and is not kept as a test.)</summary>
    [Fact]
    public void An_e_minus_that_cannot_leave_its_layer_deposits_there_without_stepping()
    {
        const double T = 0.6e-3, ZMiddleCm = 0.23 + 0.285;
        foreach ((PhysicsOptions options, bool rejected) in new[] { (WithRangeRejection, true), (PhysicsOptions.Standard, false) })
        {
            var transport = new ShowerTransport(TestShowers.Physics("testem3-pb-lar", options));
            var deposits = new SlabDeposits(new double[transport.Physics.Geometry.SlabCount]);
            EventRng rng = RngStreams.For(7, StreamKind.Shower, 0);
            EventLedger ledger = transport.RunFrom(ShowerSpecies.Electron, T, 0.0, 0.0, ZMiddleCm, 1, ref rng, ref deposits);
            output.WriteLine($"E_save {options.RangeRejectionGeV * 1e3} MeV: {ledger.ChargedSteps} charged steps, {deposits.GeV[1] * 1e3:F6} MeV in the lAr layer");
            if (rejected)
            {
                Assert.Equal(0, ledger.ChargedSteps);
                Tolerance.Abs(1e-15, "the whole kinetic energy, exactly").AssertClose(T, deposits.GeV[1], "deposit in the starting layer");
            }
            else Assert.True(ledger.ChargedSteps > 0, "without E_save the e⁻ above the cut is tracked");
        }
    }

    /// <summary>Below the cut the rejection is against every boundary of the slab, the lateral edge included (the fix of
    /// 2026-12-03; before it only the faces counted, docs/physics/transport.md#tracking-cut-and-range-rejection): a 0.3 MeV
    /// e⁻ (below the 0.34 MeV lAr cut) in the middle of TestEm3's first lAr layer, 2.85 mm from either face, is deposited
    /// without a step on the axis but tracked 0.2 mm from the 20 cm lateral edge, where its CSDA range (≈ 0.7 mm, more than
    /// 0.2 mm and less than 2.85 mm, asserted) can take it out of the world.</summary>
    [Fact]
    public void A_below_cut_e_minus_within_its_range_of_the_lateral_edge_is_tracked()
    {
        const double T = 0.3e-3, ZMiddleCm = 0.23 + 0.285, EdgeGapCm = 0.02;
        var transport = new ShowerTransport(TestShowers.Physics("testem3-pb-lar"));
        int lAr = transport.Physics.Materials.Materials.Single(x => x.Name == "lAr").Index;
        double range = transport.Physics.RangeCm(ShowerSpecies.Electron, lAr, T);
        double halfWidth = transport.Physics.Geometry.TransverseSizeCm;
        Assert.True(T < transport.Physics.Materials[lAr].ElectronCutGeV, "the e⁻ must be below the lAr cut");
        Assert.True(range > EdgeGapCm && range < 0.285, $"range {range} cm must reach the edge but not a face");
        foreach ((double x, bool rejected) in new[] { (0.0, true), (halfWidth - EdgeGapCm, false) })
        {
            var deposits = new SlabDeposits(new double[transport.Physics.Geometry.SlabCount]);
            EventRng rng = RngStreams.For(7, StreamKind.Shower, 0);
            EventLedger ledger = transport.RunFrom(ShowerSpecies.Electron, T, x, 0.0, ZMiddleCm, 1, ref rng, ref deposits);
            output.WriteLine($"x = {x} cm (range {range * 10:F3} mm): {ledger.ChargedSteps} charged steps, {deposits.GeV[1] * 1e3:F6} MeV in the lAr layer");
            if (rejected)
            {
                Assert.Equal(0, ledger.ChargedSteps);
                Tolerance.Abs(1e-15, "the whole kinetic energy, exactly").AssertClose(T, deposits.GeV[1], "deposit on the axis");
            }
            else Assert.True(ledger.ChargedSteps > 0, "an e⁻ whose range reaches the lateral edge must be tracked, not deposited");
        }
    }

    /// <summary>Energy deposited per slab.</summary>
    private readonly struct SlabDeposits(double[] gev) : IShowerObserver
    {
        public double[] GeV { get; } = gev;
        public void OnStep(in StepPoint point) { }
        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) => GeV[slab] += energyGeV;
        public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }
        public void OnLeak(in LeavingParticle particle, double budgetGeV) { }
        public void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}

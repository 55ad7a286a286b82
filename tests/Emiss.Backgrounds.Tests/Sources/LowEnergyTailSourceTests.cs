using Emiss.Backgrounds.Sources;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>Low-energy-tail electrons (docs/physics/beam-line.md#low-energy-tail).</summary>
public sealed class LowEnergyTailSourceTests
{
    [Fact]
    public void Rate_is_the_card_fraction()
    {
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        var source = new LowEnergyTailSource();
        Assert.Equal(model.Card.Beam.LowEnergyTail.Fraction, source.RatePerEot(model).Validated(source.Name).PerEot);
        Assert.Equal("low-energy-tail", source.Name);
        Assert.Equal(TrueProcess.LowEnergyTail, source.Process);
    }

    [Fact]
    public void Tail_electrons_are_swept_off_the_ECAL_and_onto_the_HCAL_as_their_energy_dictates()
    {
        // Independent kinematics: an electron of energy E is deflected by D·(100/E − 1) beyond the nominal beam at the ECAL
        // face (D = the dipoles' deflection of a 100 GeV electron there, 52 cm). Tail energies are uniform in [20, 80] GeV:
        // the ECAL edge (9.5 cm) needs E > 100·D/(D + 9.5) ≈ 84.6 GeV, so no tail electron hits the ECAL; the HCAL
        // (half-width 30 cm) takes those with E > 100·D/(D + 30) ≈ 63.4 GeV, a share (80 − E_min)/60.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 3);
        IEventPhysics process = new LowEnergyTailSource().CreateProcess(model, false);
        var sim = new EventSimulator(model);
        const int events = 2000;
        var batch = new EventBatch(events, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        double d = model.BeamLine.NominalX(0), hw = model.Card.Hcal.HalfWidthCm;
        var tail = model.Card.Beam.LowEnergyTail;
        double edge = model.Layout.CellLowX(model.Card.Ecal.CellsX - 1) + model.Card.Ecal.CellSizeCm;
        int onHcal = 0, onEcal = 0;
        double sumE = 0;
        for (int i = 0; i < events; i++)
        {
            sim.Simulate(i, 1, process, 1.0, batch);
            BeamLineRecord r = sim.LastBeamLine;
            double e0 = r.Primary.EnergyGeV;
            Assert.InRange(e0, tail.MinGeV, tail.MaxGeV);
            sumE += e0;
            if (r.PrimaryLost || r.ArrivalKind[0] != DetectorSpecies.Electron) continue;
            if (r.ArrivalXCm[0] < edge) onEcal++;
            if (Math.Abs(r.ArrivalXCm[0]) < hw && Math.Abs(r.ArrivalYCm[0]) < hw) onHcal++;
        }
        double width = tail.MaxGeV - tail.MinGeV;
        Tolerance.Abs(3 * width / Math.Sqrt(12 * events), "3σ of a uniform mean").AssertClose(0.5 * (tail.MinGeV + tail.MaxGeV), sumE / events, "mean tail energy");
        Assert.Equal(0, onEcal);
        // Band: the HCAL edge ± 1 cm (3σ of spot, divergence and the 1 % momentum spread at the edge) and 3σ binomial;
        // electrons that radiated before the field (≈ 4 %, docs/physics/beam-line.md#upstream-loss-constraint) bend further.
        double Share(double a) => Math.Clamp((tail.MaxGeV - 100 * d / (d + a)) / width, 0, 1);
        double lo = Share(hw - 1), hi = Share(hw + 1), f = (double)onHcal / events, s = Math.Sqrt(hi * (1 - hi) / events);
        Assert.InRange(f, lo - 0.05 - 3 * s, hi + 3 * s);
        for (int i = 0; i < events; i++) Assert.Equal((int)TrueProcess.LowEnergyTail, batch.TrueProcessCode[i]);
    }

    [Theory]
    [InlineData(SetupPresets.Na64_2016_PbSc)]
    [InlineData(SetupPresets.Na64_2016_Bgo)]
    public void No_tail_electron_of_the_2016_set_ups_reaches_S3_by_the_thin_lens_offset(string preset)
    {
        // Independent optics: a hard-edge dipole of field B and length L deflects an electron of energy E by
        // θ(E) = 0.299792458·B·L/E (B in T, L in m, E in GeV; c·10⁻⁹); downstream of its field the track is the straight line through
        // the field's centre, so at z an electron of energy E lies Σ_d [θ_d(E) − θ_d(E0)]·(z − z_centre,d) from the E0 beam.
        // The card's tail tops out at 80 GeV; S3 (1.5 cm half-width) would need the offset below 1.5 + 2 cm.
        SetupCard card = SetupPresets.ByName(preset);
        var model = new DetectorModel(card, 1);
        CounterOptions s3 = card.Spectrometer.Counters.Single(c => c.Name == "S3");
        double e0 = card.Beam.EnergyGeV;
        double Offset(double e, double z) => card.Spectrometer.Dipoles.Where(d => d.ZStartCm + d.LengthCm < z)
            .Sum(d => 0.299792458 * d.FieldT * d.LengthCm / 100 * (1 / e - 1 / e0) * (z - (d.ZStartCm + d.LengthCm / 2)));
        foreach (double e in new[] { 20.0, 63.4, 80.0, 99.0 })
            Tolerance.Rel(1e-9, "the same straight lines; rounding only").AssertClose(Offset(e, s3.ZCm), model.BeamLine.TailElectronX(e, s3.ZCm), $"offset at S3 of a {e} GeV electron");
        double least = Offset(card.Beam.LowEnergyTail.MaxGeV, s3.ZCm);
        Assert.True(Math.Abs(least) > s3.HalfWidthCm + HardBremAcceptance.CounterMarginCm, $"the 80 GeV electron passes S3 at {least:F2} cm");
        string? reason = new LowEnergyTailSource().TriggerClosedReason(model);
        Assert.NotNull(reason);
        Assert.Contains($"passes S3 {Math.Abs(least):F1} cm", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tail_reaching_up_to_the_beam_energy_opens_the_trigger_and_its_events_fire_it()
    {
        // Tail energies 97–99.9 GeV bend by ≤ 3 % of 48.8 cm · (100/97 − 1) ≈ 1.5 cm at S3: inside it, so the closure must
        // not be claimed, and the simulated events must show the physics trigger firing (E_ECAL ≈ 98 GeV lies above the
        // 80 GeV ceiling only by 6σ of the trigger sum, so the ceiling — not the geometry — decides most of them; the
        // point is that the counters and the ECAL are hit).
        SetupCard b = BackgroundTestCards.PbScNoPileUp;
        SetupCard card = b with { Beam = b.Beam with { LowEnergyTail = new LowEnergyTailOptions { Fraction = 1e-3, MinGeV = 97, MaxGeV = 99.9 } } };
        var model = new DetectorModel(card, 5);
        Assert.Null(new LowEnergyTailSource().TriggerClosedReason(model));
        IEventPhysics process = new LowEnergyTailSource().CreateProcess(model, false);
        var sim = new EventSimulator(model);
        const int events = 200;
        var batch = new EventBatch(events, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        for (int i = 0; i < events; i++) sim.Simulate(i, 1, process, 1.0, batch);
        const int counters = (int)(TriggerBits.BeamCounters | TriggerBits.EcalCluster);
        int open = Enumerable.Range(0, events).Count(i => (batch.Trigger[i] & counters) == counters);
        Assert.True(open > events / 2, $"{open} of {events} tail events hit S1·S2·S3 and the ECAL");
    }
}

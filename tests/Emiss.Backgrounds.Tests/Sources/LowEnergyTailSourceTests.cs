using Emiss.Backgrounds.Sources;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
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
}

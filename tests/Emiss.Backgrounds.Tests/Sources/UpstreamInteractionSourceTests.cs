using Emiss.Backgrounds.Sources;
using Emiss.Core.Random;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>The forced upstream interaction (docs/physics/beam-line.md#forced-hard-interactions).</summary>
public sealed class UpstreamInteractionSourceTests
{
    private static double N(double a, double b) => ThinTargetBremsstrahlung.PhotonsPerX0(a, b);

    [Fact]
    public void Rate_is_the_probability_of_at_least_one_hard_photon_in_the_map()
    {
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        var source = new UpstreamInteractionSource();
        SourceRate r = source.RatePerEot(model).Validated(source.Name);
        double x0 = model.BeamLine.MaterialPlanes.Sum(p => p.RadiationLengthFraction);
        // Independent: Σ_j P(hard photon in element j) with P_j = 1 − exp(−(x_j/X0)·N(0.1, 1)); the exact rate counts
        // events with hard photons in two elements once, so it lies below the sum by O(P²).
        double sum = model.BeamLine.MaterialPlanes.Sum(p => 1 - Math.Exp(-p.RadiationLengthFraction * N(0.1, 1)));
        Tolerance.Rel(1e-12, "closed form").AssertClose(1 - Math.Exp(-x0 * N(0.1, 1)), r.PerEot, "rate");
        Assert.InRange(sum - r.PerEot, 0, 0.5 * sum * sum);
        Assert.Equal("upstream-interaction", source.Name);
        Assert.Equal(TrueProcess.UpstreamInteraction, source.Process);
        Assert.Equal("e⁻ interactions in the beamline materials", source.TableRow);
    }

    [Fact]
    public void Biased_and_unbiased_generation_give_the_same_large_loss_probability()
    {
        // Estimator: the primary radiates more than half of its energy (the losses that reach E_ECAL < 50 GeV).
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 5);
        var source = new UpstreamInteractionSource();
        var rec = new BeamLineRecord(4);
        var scratch = new BeamLineRecord(4);
        (double Mean, double Err, double MeanWeight) Run(bool biased, int events)
        {
            IEventPhysics process = source.CreateProcess(model, biased);
            double s = 0, s2 = 0, sw = 0;
            for (int i = 0; i < events; i++)
            {
                EventRng rb = RngStreams.For(5, StreamKind.Beam, (ulong)i);
                model.BeamLine.Transport(model.Beam.Sample(Detector.Beam.DetectorSpecies.Electron, ref rb), ref rb, rec);
                EventRng rp = RngStreams.For(5, StreamKind.Background, (ulong)i);
                double w = process.Apply(model, rec, scratch, ref rp);
                double v = rec.UpstreamBremGeV > 0.5 * rec.Primary.EnergyGeV ? w : 0;
                s += v; s2 += v * v; sw += w;
            }
            double mean = s / events;
            return (mean, Math.Sqrt(Math.Max(s2 / events - mean * mean, 0) / events), sw / events);
        }
        (double mu, double eu, double wu) = Run(false, 6000);
        (double mb, double eb, double wb) = Run(true, 6000);
        Assert.Equal(1.0, wu);
        Tolerance.Abs(3 * Math.Sqrt(eu * eu + eb * eb), "3σ of the two estimates combined").AssertClose(mu, mb, "P(loss > 50 %) biased vs unbiased");
        // E[w] = 1 for an exact importance weight; the weight's spread over 6000 events sets the band.
        Assert.InRange(wb, 0.9, 1.1);
        Assert.True(eb < eu, $"the biased estimate should be more precise: {eb} vs {eu}");
        // Single-photon closed form N(0.5, 1)/N(0.1, 1) = 0.267 is a lower bound (later photons add to the loss).
        Assert.True(mu > N(0.5, 1) / N(0.1, 1) - 3 * eu, $"P = {mu} below the single-photon bound");
    }

    [Fact]
    public void Sideband_C_and_the_other_regions_are_populated_as_the_kinematics_of_a_hard_photon_dictate()
    {
        // Sideband C: E_ECAL > 50 GeV, E_HCAL < 1 GeV (no trigger requirement here). Independent kinematics: a hard photon
        // (y ≥ 0.1) emitted behind the field joins the electron in the ECAL (E_ECAL ≈ 100 GeV: C). One emitted before the
        // field end flies straight past the ECAL and the HCAL (x ≈ −D, D = the dipoles' deflection at the ECAL, 52 cm);
        // the electron of energy (1 − y)E is deflected further by D·y/(1 − y): it stays on the ECAL (C) while that is below
        // the distance a to the ECAL edge, y < y_c = a/(D + a); beyond, it showers in the HCAL (E_ECAL < 50, E_HCAL > 1)
        // while y < y_h = h/(D + h), h the HCAL half-width; softer still it misses both (E_ECAL, E_HCAL ≈ 0).
        // Shares: Σ q_j over the planes before the field end (b) times N(·,·)/N(0.1, 1) of the y range. Edges bracketed:
        // ECAL edge (9.5 cm) minus one Molière radius (containment decides in between), HCAL edge ± 2 cm (Fe Molière
        // radius 1.7 cm; 1 % momentum spread moves x by ≤ 0.5 cm).
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 7);
        var source = new UpstreamInteractionSource();
        IEventPhysics process = source.CreateProcess(model, false);
        var sim = new EventSimulator(model);
        const int events = 3000;
        var batch = new EventBatch(events, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        for (int i = 0; i < events; i++) sim.Simulate(i, 1, process, 1.0, batch);
        int inC = 0, inHcal = 0, empty = 0;
        for (int i = 0; i < events; i++)
        {
            Assert.Equal((int)TrueProcess.UpstreamInteraction, batch.TrueProcessCode[i]);
            bool ecal = batch.EcalEnergyGeV[i] > 50, hcal = batch.HcalEnergyGeV[i] > 1;
            if (ecal && !hcal) inC++;
            else if (!ecal && hcal) inHcal++;
            else if (!ecal && !hcal) empty++;
        }
        double fieldEnd = model.BeamLine.FieldEndCm;
        double perX0 = N(0.1, 1);
        double xBefore = model.BeamLine.MaterialPlanes.Where(p => p.ZCm < fieldEnd).Sum(p => p.RadiationLengthFraction);
        double xAll = model.BeamLine.MaterialPlanes.Sum(p => p.RadiationLengthFraction);
        double b = (1 - Math.Exp(-perX0 * xBefore)) / (1 - Math.Exp(-perX0 * xAll));   // Σ q_j over planes before the field end
        double d = model.BeamLine.NominalX(0);
        double edge = model.Layout.CellLowX(model.Card.Ecal.CellsX - 1) + model.Card.Ecal.CellSizeCm, h = model.Card.Hcal.HalfWidthCm;
        double Y(double a) => a / (d + a);
        double ycLo = Y(edge - model.Layout.EcalMoliereRadiusCm), ycHi = Y(edge), yhLo = Y(h - 2), yhHi = Y(h + 2);
        void InBand(double lo, double hi, int count, string what)
        {
            double f = (double)count / events, s = Math.Sqrt(Math.Max(hi * (1 - hi), lo * (1 - lo)) / events);
            Assert.True(f >= lo - 3 * s && f <= hi + 3 * s, $"{what}: {f:G4} outside [{lo:G4}, {hi:G4}] ± 3σ ({s:G2})");
        }
        InBand(1 - b + b * N(0.1, ycLo) / perX0, 1 - b + b * N(0.1, ycHi) / perX0, inC, "sideband C share");
        InBand(b * N(ycHi, yhLo) / perX0, b * N(ycLo, yhHi) / perX0, inHcal, "HCAL-only share");
        InBand(b * N(yhHi, 1) / perX0, b * N(yhLo, 1) / perX0, empty, "empty-calorimeter share");
    }
}

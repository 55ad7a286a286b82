using Emiss.Backgrounds.Sources;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Detector.Synchrotron;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>Where a hard photon and its softened electron go, and the trigger windows of the biased generation
/// (docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go).</summary>
public sealed class HardBremAcceptanceTests(ITestOutputHelper output)
{
    /// <summary>Thin-lens closed form: a hard-edge uniform dipole bends by θ = 0.29979·B·L/p, and outside the field the
    /// trajectory is the straight line through the field's centre (the parabola's tangents meet there); offsets at z
    /// relative to the nominal beam are Σ_i θ_i(E)·(z − z_c,i) − Σ_i θ_i(E0)·(z − z_c,i) over the dipoles behind the plane.</summary>
    private static double ThinLens(SetupCard card, double zPlane, double energyGeV, double z) =>
        card.Spectrometer.Dipoles.Where(d => d.ZStartCm > zPlane && d.ZStartCm + d.LengthCm < z)
            .Sum(d => SynchrotronFormulas.BendAngleRad(d.FieldT * d.LengthCm * 0.01, energyGeV) * (z - (d.ZStartCm + 0.5 * d.LengthCm)));

    [Fact]
    public void Photon_and_softened_electron_land_where_the_thin_lens_bends_put_them()
    {
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        SetupCard card = model.Card;
        BeamLineTransport line = model.BeamLine;
        double e0 = card.Beam.EnergyGeV, zS3 = card.Spectrometer.Counters.Single(c => c.Name == "S3").ZCm;
        for (int j = 0; j < line.MaterialPlanes.Count; j++)
        {
            MaterialPlane p = line.MaterialPlanes[j];
            Assert.False(p.InField);   // the 2016 map has no material inside the fields (vacuum chamber)
            foreach (double z in new[] { zS3, 0.0 })
            {
                double nominal = ThinLens(card, p.ZCm, e0, z);
                Tolerance.Abs(1e-9, "same optics, rounding").AssertClose(-nominal, line.PhotonX(j, z), $"photon of plane {p.Element} at z = {z}");
                foreach (double y in new[] { 0.1, 0.2, 0.5 })
                    Tolerance.Abs(1e-9, "same optics, rounding").AssertClose(ThinLens(card, p.ZCm, (1 - y) * e0, z) - nominal,
                        line.SoftenedElectronX(j, y, z), $"electron (y = {y}) of plane {p.Element} at z = {z}");
            }
        }
        // Numbers of docs/physics/beam-line.md: before the field the photon lands 51.9 cm off, the electron with
        // y = 0.1 5.42 cm off at S3 (half-width 1.5 cm).
        Tolerance.Abs(0.01, "rounded in the docs").AssertClose(-51.94, line.PhotonX(0, 0), "photon before the field");
        Tolerance.Abs(0.01, "rounded in the docs").AssertClose(5.42, line.SoftenedElectronX(0, 0.1, zS3), "electron y = 0.1 at S3");
    }

    [Theory]
    [InlineData(SetupPresets.Na64_2016_PbSc)]
    [InlineData(SetupPresets.Na64_2016_Bgo)]
    public void No_hard_photon_configuration_of_the_2016_set_ups_can_fire_the_trigger(string preset)
    {
        // Independent closure: before the field a photon with y ≥ 0.1 leaves its electron ≥ 48.8·0.1/0.9 = 5.4 cm off at
        // S3 (beyond 1.5 cm + the 2 cm margin); behind the field both reach the ECAL (100 GeV ≥ 80/(1 − 5 × 0.03) = 94).
        var model = new DetectorModel(SetupPresets.ByName(preset), 1);
        Assert.Equal(0.0, UpstreamInteractionSource.TriggerCapableShare(model));
        Assert.All(HardBremAcceptance.TriggerWindows(model, UpstreamInteractionSource.HardFraction), w => Assert.Empty(w));
    }

    [Fact]
    public void Enhanced_set_up_opens_windows_at_the_ECAL_edge()
    {
        // Wide S3 and lead in MBPL1: before the field the electron stays within the ECAL edge (9.5 cm) plus one Molière
        // radius r for D·y/(1 − y) < 9.5 + r, D = 51.94 cm; in MBPL1's middle the remaining deflection is 38.0 cm.
        var model = new DetectorModel(BackgroundTestCards.Enhanced, 1);
        IReadOnlyList<(double Lo, double Hi)>[] w = HardBremAcceptance.TriggerWindows(model, UpstreamInteractionSource.HardFraction);
        double edge = model.Layout.CellLowX(model.Card.Ecal.CellsX - 1) + model.Card.Ecal.CellSizeCm + model.Layout.EcalMoliereRadiusCm;
        double Y(double d) => edge / (d + edge);
        int lead = Enumerable.Range(0, w.Length).Single(j => model.BeamLine.MaterialPlanes[j].Element == "lead-in-mbpl1");
        var grid = Tolerance.Rel(0.01, "logarithmic grid of 400 points on [0.1, 1): cells of 0.6 %");
        Assert.Single(w[0]);
        grid.AssertClose(0.1, w[0][0].Lo, "pre-field window start");
        grid.AssertClose(Y(51.94), w[0][0].Hi, "pre-field window end");
        Assert.Single(w[lead]);
        grid.AssertClose(Y(-model.BeamLine.PhotonX(lead, 0)), w[lead][0].Hi, "in-field window end");
        Assert.All(w.Where((_, j) => model.BeamLine.MaterialPlanes[j].ZCm > model.BeamLine.FieldEndCm), x => Assert.Empty(x));
    }

    [Fact]
    public void Bad_windows_shares_and_fractions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HardPhotonBias(true, [], 1.0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HardPhotonBias(true, [], -0.1).Validate());
        Assert.Throws<ArgumentException>(() => new HardPhotonBias(true, [(0.3, 0.5), (0.4, 0.6)], 0.5).Validate());
        Assert.Throws<ArgumentException>(() => new HardPhotonBias(true, [(0.5, 0.4)], 0.5).Validate());
        Assert.Throws<ArgumentException>(() => new HardPhotonBias(true, [(0.5, 1.2)], 0.5).Validate());
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.BeamLine.SoftenedElectronX(0, 1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.BeamLine.PhotonX(model.BeamLine.MaterialPlanes.Count, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HardBremAcceptance.TriggerWindows(model, 0));
    }

    [Fact]
    public void Window_mixture_reproduces_the_true_spectrum()
    {
        // Closed form: P(a ≤ y ≤ b) = N(a, b)/N(0.1, 1) for the first hard photon (E = 100 GeV: y_max = 1 − 5e-6).
        var bias = new HardPhotonBias(true, [(0.3, 0.4), (0.6, 0.65)], 0.5);
        const int draws = 40000;
        (double A, double B)[] ranges = [(0.1, 0.15), (0.3, 0.4), (0.45, 0.6), (0.6, 0.65), (0.8, 1.0)];
        var s = new double[ranges.Length];
        var s2 = new double[ranges.Length];
        double yMax = 1 - 0.511e-3 / 100;
        for (int i = 0; i < draws; i++)
        {
            var rng = Core.Random.RngStreams.For(3, Core.Random.StreamKind.Background, (ulong)i);
            double w = bias.Sample(0.1, yMax, ref rng, out double y);
            for (int r = 0; r < ranges.Length; r++)
                if (y >= ranges[r].A && y < ranges[r].B) { s[r] += w; s2[r] += w * w; }
        }
        double n = ThinTargetBremsstrahlung.PhotonsPerX0(0.1, yMax);
        for (int r = 0; r < ranges.Length; r++)
        {
            double mean = s[r] / draws, err = Math.Sqrt((s2[r] / draws - mean * mean) / draws);
            double expected = ThinTargetBremsstrahlung.PhotonsPerX0(ranges[r].A, Math.Min(ranges[r].B, yMax)) / n;
            output.WriteLine($"[{ranges[r].A}, {ranges[r].B}): {mean:G5} ± {err:G2}, closed form {expected:G5}");
            Tolerance.Abs(3.5 * err, "3.5σ (binomial-weighted)").AssertClose(expected, mean, $"P(y in [{ranges[r].A}, {ranges[r].B}))");
        }
    }

    [Fact]
    public void Biased_estimate_equals_brute_force_in_the_enhanced_set_up()
    {
        // Per forced event: P(physics trigger) and P(trigger, 50 ≤ E_ECAL < 80 GeV, E_HCAL < 1 GeV): sideband C before the
        // selection, reached by electrons at the ECAL's edge whose photon flies past the HCAL.
        var model = new DetectorModel(BackgroundTestCards.Enhanced, 11);
        var source = new UpstreamInteractionSource();
        (double[] Mean, double[] Err, double MeanWeight) Run(bool biased, int events, long first)
        {
            IEventPhysics process = source.CreateProcess(model, biased);
            var sim = new EventSimulator(model);
            var batch = new EventBatch(events, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
            for (int i = 0; i < events; i++) sim.Simulate(first + i, 1, process, 1.0, batch);
            var s = new double[2];
            var s2 = new double[2];
            double sw = 0;
            for (int i = 0; i < events; i++)
            {
                double w = batch.Weight[i];
                sw += w;
                if ((batch.Trigger[i] & (int)TriggerBits.Physics) == 0) continue;
                s[0] += w;
                s2[0] += w * w;
                if (batch.EcalEnergyGeV[i] < 50 || batch.EcalEnergyGeV[i] >= 80 || batch.HcalEnergyGeV[i] >= 1) continue;
                s[1] += w;
                s2[1] += w * w;
            }
            double[] mean = [.. s.Select(v => v / events)];
            double[] err = [.. s2.Select((v, r) => Math.Sqrt(Math.Max(v / events - mean[r] * mean[r], 0) / events))];
            return (mean, err, sw / events);
        }
        (double[] mu, double[] eu, double wu) = Run(false, 6000, 0);
        (double[] mb, double[] eb, double wb) = Run(true, 6000, 1 << 20);
        string[] names = ["physics trigger", "trigger, sideband C"];
        for (int r = 0; r < names.Length; r++)
        {
            output.WriteLine($"{names[r]}: brute force {mu[r]:G4} ± {eu[r]:G2}, biased {mb[r]:G4} ± {eb[r]:G2}");
            Assert.True(mu[r] > 3 * eu[r], $"{names[r]}: the enhanced set-up must populate the region ({mu[r]} ± {eu[r]})");
            Tolerance.Abs(3.5 * Math.Sqrt(eu[r] * eu[r] + eb[r] * eb[r]), "3.5σ of the two estimates combined").AssertClose(mu[r], mb[r], names[r]);
        }
        Assert.Equal(1.0, wu);
        output.WriteLine($"mean biased weight {wb:G4}");
        Assert.True(eb[0] < eu[0], $"the biased trigger estimate should be the more precise: {eb[0]} vs {eu[0]}");
    }

    [Fact]
    public void Box_estimate_of_the_PbSc_run_is_pinned_where_the_seed_has_0_03()
    {
        // Expected events of the row in the signal box before the selection (physics trigger, E_ECAL < 50, E_HCAL < 1 GeV)
        // for the PbSc run's 1.88e9 EOT, from 4000 biased events.
        var model = new DetectorModel(BackgroundTestCards.PbScNoPileUp, 13);
        var source = new UpstreamInteractionSource();
        IEventPhysics process = source.CreateProcess(model, true);
        var sim = new EventSimulator(model);
        const int events = 4000;
        var batch = new EventBatch(events, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        double scale = 1.88e9 * source.RatePerEot(model).PerEot / events;
        for (int i = 0; i < events; i++) sim.Simulate(i, 1, process, scale, batch);
        double box = 0;
        int triggered = 0;
        for (int i = 0; i < events; i++)
        {
            if ((batch.Trigger[i] & (int)TriggerBits.Physics) == 0) continue;
            triggered++;
            if (batch.EcalEnergyGeV[i] < 50 && batch.HcalEnergyGeV[i] < 1) box += batch.Weight[i];
        }
        Assert.Equal(0, triggered);
        KnownDiscrepancy.Pin(output, "upstream-interaction events in the signal box, PbSc run (before selection)", box,
            new GoldValue(0, 1e-6, "2026-12-03, 4000 biased events, seed 13: no event fires the trigger"),
            new PhysicsTarget(0.03, 0.02, "seed Table I, e⁻ interactions in the beamline materials (±2/3: its passive-material systematic)"),
            "S3 (±1.5 cm, assumed) and the ECAL acceptance close the trigger to hard bremsstrahlung in the beam line; " +
            "large-angle scattering and electro-nuclear reactions in the beam-line material, which could reopen it, are not modelled");
    }
}

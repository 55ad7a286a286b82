using Emiss.Detector.Beam;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Pipeline;

/// <summary>Detector response against the seed's numbers (PRL 118, 011802) and closed forms; where the model was given the
/// number it is compared with, the test says so and is a consistency check with a statistical band.</summary>
public sealed class ValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Ecal_resolution_is_consistent_with_the_card_terms()
    {
        // Consistency, not validation: the parametrised ECAL is given its resolution terms by the card (sampling term
        // a_s per cell, photo-electrons per GeV, noise per channel), so the simulated spread must follow them:
        // σ²/E² = (a_s² + 1/N_pe)/E + n_ch σ_noise²/E² (Gaussian sampling per cell sums to a_s²E; Poisson
        // photostatistics; 36 preshower + 36 main channels of independent noise). The seed's 10 %/√E is printed for
        // comparison only: the card took 9 %/√E from docs/physics/na64-detector.md#ecal, so agreeing with it would prove nothing.
        var card = TestCards.Clean();
        double a2 = card.Ecal.SamplingTerm * card.Ecal.SamplingTerm + 1.0 / card.Ecal.PhotoElectronsPerGeV;
        double noise2 = 2 * card.Ecal.CellsX * card.Ecal.CellsY * card.Ecal.NoisePerCellGeV * card.Ecal.NoisePerCellGeV;
        const int n = 3000;
        foreach (double e in new[] { 20.0, 100.0 })
        {
            var b = Sim.Run(TestCards.Clean(e), n, 11, DetectorSpecies.Electron);
            var (m, s, _) = Sim.Stats(b.EcalEnergyGeV.Take(b.Count));
            double expected = Math.Sqrt(a2 / e + noise2 / (e * e));
            output.WriteLine($"E = {e} GeV: <E_ECAL> = {m:F3} GeV, sigma/E = {100 * s / m:F3} %; card terms {100 * expected:F3} %; seed 10%/sqrt(E) = {10 / Math.Sqrt(e):F3} %");
            // Mean: scale set by the nominal beam on the beam cell; per-run miscalibration of each channel is 1 % (card),
            // so the beam cell's constant may shift the mean by ~1–2 %; SR loss is 0.16 % at 100 GeV.
            Tolerance.Rel(0.025, "2.5σ of the 1 % per-channel miscalibration, plus SR and leakage").AssertClose(e, m, $"mean E_ECAL at {e}");
            // σ of an rms from n events: 1/√(2n) = 1.3 %; 3σ = 3.9 %, plus 1 % for what the formula leaves out (leakage
            // fluctuations, sharing of the shower between channels of different miscalibration).
            Tolerance.Rel(3 / Math.Sqrt(2.0 * n) + 0.01, "3σ of an rms from 3000 events + 1 % for leakage and miscalibration sharing")
                .AssertClose(expected, s / m, $"σ/E at {e} GeV");
        }
    }

    [Fact]
    public void Momentum_and_angle_resolution()
    {
        // No upstream material: bremsstrahlung before the dipoles would bias p low (it is physics, tested elsewhere).
        var b = Sim.Run(TestCards.Clean(), 4000, 21, DetectorSpecies.Electron);
        var ok = Enumerable.Range(0, b.Count).Where(i => b.TrackOk[i]).ToArray();
        // Electrons that radiated hard upstream of the dipoles are measured low: use the core (|Δp/p| < 5 %).
        var rel = ok.Select(i => b.TrackMomentumGeV[i] / b.TrueEnergyGeV[i] - 1).Where(d => Math.Abs(d) < 0.05).ToArray();
        var (m, s, err) = Sim.Stats(rel);
        output.WriteLine($"track efficiency {ok.Length / (double)b.Count:F4}; dp/p core sigma = {100 * s:F3} %, bias {100 * m:F3} ± {100 * err:F3} %");
        Tolerance.Rel(0.3, "seed: δp/p ≈ 1 %").AssertClose(0.01, s, "δp/p");
        Tolerance.Abs(5 * err + 8e-4, "5σ plus the SR loss in the first dipole (≈ 0.08 %, docs/physics/synchrotron-radiation.md#formulas)").AssertClose(0, m, "p bias");
        // Track efficiency: product of four 98 % stations.
        Tolerance.Abs(0.015, "0.98⁴ ± binomial").AssertClose(Math.Pow(0.98, 4), ok.Length / (double)b.Count, "track efficiency");
        // Angle: no divergence, so θ_x reco spread is the resolution √2 σ_hit/L plus multiple scattering at T1 (negligible at 100 GeV).
        double theta = Sim.Stats(ok.Select(i => b.TrackThetaMrad[i])).Mean;
        double expectSigma = Math.Sqrt(2) * 0.015 / 170 * 1e3; // mrad per plane
        // θ = √(θx² + θy²) of two Gaussians σ: Rayleigh mean σ√(π/2).
        output.WriteLine($"<theta_in> = {theta:F4} mrad, Rayleigh expectation {expectSigma * Math.Sqrt(Math.PI / 2):F4} mrad (per-plane sigma {expectSigma:F4})");
        Tolerance.Rel(0.1, "Rayleigh mean of the angular resolution").AssertClose(expectSigma * Math.Sqrt(Math.PI / 2), theta, "θ_in mean");
    }

    [Fact]
    public void Srd_spectra_and_pion_suppression()
    {
        var e = Sim.Run(TestCards.PbSc, 4000, 31, DetectorSpecies.Electron);
        var p = Sim.Run(TestCards.PbSc, 40000, 32, DetectorSpecies.PionMinus);
        // SR window: central 90 % of electrons in energy, in time within ±3σ_t.
        double[] srdE = e.SrdEnergyMeV.Take(e.Count).Order().ToArray();
        double lo = srdE[(int)(0.10 * srdE.Length)], hi = srdE[(int)(0.98 * srdE.Length)];
        double tcut = 3 * TestCards.PbSc.Srd.TimeResolutionNs;
        bool Pass(EventBatch b, int i) => b.SrdEnergyMeV[i] > lo && b.SrdEnergyMeV[i] < hi && Math.Abs(b.SrdTimeNs[i]) < tcut;
        double effE = Enumerable.Range(0, e.Count).Count(i => Pass(e, i)) / (double)e.Count;
        int nPi = Enumerable.Range(0, p.Count).Count(i => Pass(p, i));
        double effPi = Math.Max(nPi, 1) / (double)p.Count;
        output.WriteLine($"SRD e-: mean {srdE.Average():F1} MeV, 10-98 % [{lo:F1}, {hi:F1}] MeV; e- eff {effE:F3}; pi passing {nPi}/{p.Count}; suppression {effE / effPi:F0}");
        // The energy window holds 88 % of the electrons by construction (10–98 % quantiles), so the electron efficiency
        // tests only the in-time cut. Not a validation: a gold value (this test, seeds 31/32, on commit 8e19266 of the
        // merged tree; 0.859) with a 3σ binomial band, so that a change of the SRD timing or spectrum is noticed.
        double inWindow = Enumerable.Range(0, e.Count).Count(i => e.SrdEnergyMeV[i] > lo && e.SrdEnergyMeV[i] < hi) / (double)e.Count;
        Tolerance.Abs(2.0 / e.Count, "quantile window by construction").AssertClose(0.88, inWindow, "energy-window fraction");
        Tolerance.Abs(3 * Math.Sqrt(0.859 * 0.141 / e.Count), "gold value, 3σ binomial").AssertClose(0.859, effE, "SRD e⁻ efficiency");
        // Seed: SRD suppresses hadrons by ≈ 10³. Mechanisms here: in-time pile-up electrons (PbSc intensity), noise and
        // knock-on electrons. In-time pile-up alone bounds it: P ≈ 2·3σ_t·rate·ε_e = 6 ns × 2.9e-4/ns × 0.88 ≈ 1.5e-3.
        double pileBound = 6 * TestCards.PbSc.Srd.TimeResolutionNs * TestCards.PbSc.Beam.RatePerNs * effE;
        output.WriteLine($"in-time pile-up expectation for pions {pileBound:E2} (measured {nPi / (double)p.Count:E2})");
        Assert.InRange(nPi / (double)p.Count, 0.5 * pileBound, 3 * pileBound);
        Assert.InRange(effE / effPi, 200, 3000);
    }

    [Fact]
    public void Trigger_rejects_full_energy_electrons_and_accepts_signal_like_events()
    {
        var full = Sim.Run(TestCards.PbSc, 3000, 41, DetectorSpecies.Electron);
        int trig = Enumerable.Range(0, full.Count).Count(i => (full.Trigger[i] & (int)TriggerBits.Physics) != 0);
        // Signal-like: the ECAL sees ≲ 50 GeV (an A′ took the rest); here a 30 GeV electron beam.
        var soft = Sim.Run(TestCards.Clean(30), 2000, 42, DetectorSpecies.Electron);
        int trigSoft = Enumerable.Range(0, soft.Count).Count(i => (soft.Trigger[i] & (int)TriggerBits.Physics) != 0);
        output.WriteLine($"physics trigger: 100 GeV e- {trig}/{full.Count} = {trig / (double)full.Count:E2}; 30 GeV e- {trigSoft}/{soft.Count}");
        Assert.True(trig / (double)full.Count < 0.02, "full-energy electrons are rejected by E_ECAL ≲ 80 GeV (seed)");
        // S1·S2·S3 at 0.999 each: 0.997; ECAL window: ≈ 1.
        Tolerance.Abs(0.006, "0.999³ counter efficiency").AssertClose(0.997, trigSoft / (double)soft.Count, "signal-like trigger efficiency");
    }

    [Fact]
    public void Pile_up_rate_follows_intensity_and_gate()
    {
        foreach (var card in new[] { TestCards.PbSc, TestCards.Bgo })
        {
            var model = new DetectorModel(card, 1);
            var b = Sim.Run(card, 20000, 51, DetectorSpecies.Electron);
            double frac = Enumerable.Range(0, b.Count).Count(i => b.PileUpCount[i] > 0) / (double)b.Count;
            double expect = 1 - Math.Exp(-card.Beam.ParticlesPerSpill / (card.Beam.SpillLengthS * 1e9) * model.MaxGateNs);
            output.WriteLine($"{card.Name}: P(pile-up in {model.MaxGateNs} ns) = {frac:F4}, Poisson {expect:F4}");
            Tolerance.Abs(4 * Math.Sqrt(expect * (1 - expect) / b.Count), "4σ binomial").AssertClose(expect, frac, "pile-up fraction");
        }
    }

    [Fact]
    public void Signal_acceptance_loss_from_pile_up()
    {
        // Signal-like events (30 GeV in the ECAL): lost when pile-up pushes E_ECAL ≥ 50, E_HCAL ≥ 1 GeV or V2 fires.
        foreach (var basis in new[] { TestCards.PbSc, TestCards.Bgo })
        {
            var card = TestCards.Clean(30, basis) with { PileUp = basis.PileUp, Beam = TestCards.Clean(30, basis).Beam with { ParticlesPerSpill = basis.Beam.ParticlesPerSpill } };
            var withPu = Sim.Run(card, 8000, 61, DetectorSpecies.Electron);
            var noPu = Sim.Run(card with { PileUp = card.PileUp with { Enabled = false } }, 8000, 61, DetectorSpecies.Electron);
            double Acc(EventBatch b) => Enumerable.Range(0, b.Count).Count(i => b.EcalEnergyGeV[i] < 50 && b.HcalEnergyGeV[i] < 1 && b.V2EnergyMeV[i] < 1.0) / (double)b.Count;
            double loss = 1 - Acc(withPu) / Acc(noPu);
            output.WriteLine($"{basis.Name}: acceptance loss from pile-up {100 * loss:F2} % (seed: 7 % PbSc, 8 % BGO)");
            // Closed form: any pile-up particle inside the 200 ns ECAL/HCAL gate spoils the event (it brings ~100 GeV),
            // so loss ≈ 1 − exp(−rate·gate). The seed's 7 % (PbSc) is within a factor 1.5 of it; the seed's BGO value
            // (8 % at 4.7× lower intensity) is not reproduced by this gate model (see report).
            double expect = 1 - Math.Exp(-card.Beam.RatePerNs * card.Ecal.GateNs);
            Tolerance.Abs(4 * Math.Sqrt(expect / 8000) + 0.005, "binomial error; pile-up hadrons/muons that stay below the cuts").AssertClose(expect, loss, $"{basis.Name} loss");
        }
    }

    [Fact]
    public void Muons_fire_all_counters_and_leave_mip_signals()
    {
        var b = Sim.Run(TestCards.Clean(), 500, 71, DetectorSpecies.MuonMinus);
        double allFour = Enumerable.Range(0, b.Count).Count(i => b.MuonHits[i] == 0b1111) / (double)b.Count;
        var (eh, _, _) = Sim.Stats(b.HcalEnergyGeV.Take(b.Count));
        var (v2, _, _) = Sim.Stats(b.V2EnergyMeV.Take(b.Count));
        output.WriteLine($"muons: all MU fired {allFour:F3}; <E_HCAL(1+2)> {eh:F2} GeV; <V2> {v2:F2} MeV; <E_ECAL> {b.EcalEnergyGeV.Take(b.Count).Average():F3} GeV");
        Assert.True(allFour > 0.99);
        // Lower bounds: two modules × 1.41 GeV (docs/physics/na64-detector.md#hcal) / (e/mip = 0.8) × c_π, plus radiative
        // losses of 100 GeV muons in each module's iron (48 × 2.5 cm × 7.874 g/cm³ = 945 g/cm², EM scale;
        // docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters): the median carries the continuous part
        // (pair production 0.3158 + 1.3 % of brems + photonuclear 0.2556 MeV cm²/g ⇒ 0.302 GeV), the mean all of
        // b(E)E = 0.5714 MeV cm²/g ⇒ 0.540 GeV. A 100 GeV muon ionises above the minimum (relativistic rise and knock-on
        // electrons up to W_max = 90 GeV): at most by the Bethe excess over the minimum, 2.207 − 1.451 MeV cm²/g in iron
        // (Groom–Mokhov–Striganov table of iron at 100 GeV, PDG dE/dx_min) ⇒ 0.714 GeV per module if all of it were read at
        // the EM scale. The shower engine fixes where in between (EngineMuonResponseTests, 100 GeV in the HCAL).
        double cpi = DetectorModel.HadronCalibration(TestCards.PbSc.Hcal);
        double[] hs = [.. b.HcalEnergyGeV.Take(b.Count).Order()];
        double median = hs[hs.Length / 2], excess = 2 * 0.714 * cpi;
        var (_, sh, eErr) = Sim.Stats(hs);
        output.WriteLine($"muons: median E_HCAL {median:F2} GeV, spread {sh:F2} GeV");
        Assert.InRange(median, 0.95 * (2 * 1.41 / 0.8 + 2 * 0.302) * cpi, (2 * 1.41 / 0.8 + 2 * 0.302) * cpi + excess);
        Assert.InRange(eh, (2 * 1.41 / 0.8 + 2 * 0.540) * cpi - 3 * eErr, (2 * 1.41 / 0.8 + 2 * 0.540) * cpi + excess + 3 * eErr);
        // 1 cm polystyrene: dE/dx_min 1.936 MeV cm²/g × 1.06 g/cm³ = 2.05 MeV (Landau most probable ≈ 0.9 of it) for the
        // median. The mean is higher: knock-on electrons and pairs made in the ECAL's last X0 leak into V2 (the shower
        // engine's 100 GeV muons give a median of 2.04 and a mean of 21 MeV there; FullEcalShowerModelTests), so only the median is checked.
        double[] v2s = [.. b.V2EnergyMeV.Take(b.Count).Order()];
        output.WriteLine($"muons: median V2 {v2s[v2s.Length / 2]:F2} MeV");
        Assert.InRange(v2s[v2s.Length / 2], 1.7, 2.6);
    }

    [Fact]
    public void Pions_at_the_calibration_energy_read_their_energy_in_ECAL_plus_HCAL()
    {
        var card = TestCards.Clean(50);
        var b = Sim.Run(card, 3000, 81, DetectorSpecies.PionMinus);
        int mods = b.HcalModules;
        var tot = Enumerable.Range(0, b.Count).Select(i => b.EcalEnergyGeV[i] + Enumerable.Range(0, mods).Sum(k => b.HcalModuleGeV[i * mods + k])).ToArray();
        var (m, s, _) = Sim.Stats(tot);
        double nonInteracting = Enumerable.Range(0, b.Count).Count(i => b.EcalEnergyGeV[i] < 1.0) / (double)b.Count;
        output.WriteLine($"50 GeV pi-: <E_ECAL+E_HCAL> = {m:F2} GeV, sigma/E = {100 * s / m:F1} % (60%/sqrt(E) = {60 / Math.Sqrt(50):F1} %); ECAL < 1 GeV: {nonInteracting:F3}");
        // docs/physics/na64-detector.md#ecal: ≈ 1.6 λ_I ECAL → e^{−1.6} ≈ 20 % of pions cross it without interacting.
        Tolerance.Abs(0.04, "docs/physics/na64-detector.md#ecal: ≈ 20 % cross the ECAL").AssertClose(Math.Exp(-1.59), nonInteracting, "non-interacting fraction");
        Tolerance.Rel(0.15, "hadron scale (HCAL calibrated at 50 GeV; ECAL part at EM scale)").AssertClose(50, m, "pion energy");
        // docs/physics/na64-detector.md#hcal: hadron resolution ~ 60 %/√E [assumed]; e/h, f_em spread and sampling terms are card values.
        Tolerance.Rel(0.3, "docs/physics/na64-detector.md#hcal ~60 %/√E").AssertClose(0.60 / Math.Sqrt(50), s / m, "pion σ/E");
    }

    [Fact]
    public void Trigger_turn_on_around_the_80_GeV_threshold()
    {
        // In-time analog sum: calibrated ECAL energy smeared by 3 % (card) on top of the ECAL resolution
        // (sampling 9 %/√E before digitization). P(trigger) = Φ((80 − E)/σ), σ² = (0.03 E)² + 0.09² E.
        foreach ((double e, int seed) in new[] { (76.0, 91), (80.0, 92), (84.0, 93) })
        {
            var b = Sim.Run(TestCards.Clean(e), 2000, (ulong)seed, DetectorSpecies.Electron);
            double eff = Enumerable.Range(0, b.Count).Count(i => (b.Trigger[i] & (int)TriggerBits.EcalBelowMax) != 0) / (double)b.Count;
            double sigma = Math.Sqrt(Math.Pow(0.03 * e, 2) + 0.0081 * e);
            double expect = 0.5 * (1 + Erf((80 - e) / (sigma * Math.Sqrt(2))));
            output.WriteLine($"E = {e} GeV: trigger efficiency {eff:F3}, expected {expect:F3}");
            // ±0.06: the beam cell's 1 % miscalibration shifts the curve by up to ≈ 0.3σ; binomial error ≈ 0.01.
            Tolerance.Abs(0.06, "erf turn-on; per-run miscalibration and binomial error").AssertClose(expect, eff, $"efficiency at {e} GeV");
        }
    }

    [Fact]
    public void Signal_like_events_carry_the_missing_energy_and_pass_the_trigger()
    {
        var model = new DetectorModel(TestCards.Clean(), 5);
        var sim = new EventSimulator(model);
        var b = new EventBatch(1000, 36, 4);
        for (int i = 0; i < 1000; i++) sim.SimulateSignal(i, 1, 0.7, 1e-9, b);
        var (m, _, err) = Sim.Stats(b.EcalEnergyGeV.Take(b.Count));
        output.WriteLine($"x = 0.7 signal: <E_ECAL> = {m:F2} GeV; physics trigger {Enumerable.Range(0, b.Count).Count(i => (b.Trigger[i] & (int)TriggerBits.Physics) != 0)}/{b.Count}");
        // 30 % of (100 GeV − 0.155 GeV SR) stays visible; 1 % per-channel miscalibration.
        Tolerance.Rel(0.025, "miscalibration of the beam cell").AssertClose(0.3 * (100 - 0.155), m, "E_ECAL");
        Assert.All(Enumerable.Range(0, b.Count), i => Assert.Equal((int)TrueProcess.DarkPhotonSignal, b.TrueProcessCode[i]));
        Assert.Equal(1e-9, b.Weight[0]);
        Assert.True(Enumerable.Range(0, b.Count).Count(i => (b.Trigger[i] & (int)TriggerBits.Physics) != 0) > 0.99 * b.Count);
    }

    /// <summary>erf by Abramowitz &amp; Stegun 7.1.26 (|error| &lt; 1.5e-7).</summary>
    private static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }
}

using Emiss.Backgrounds.Sources;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>Mechanism (b): a low-energy-tail electron in time with a decaying beam particle
/// (docs/physics/decays-in-flight.md#mechanism-b-pile-up-with-a-low-energy-electron).</summary>
public sealed class PileUpDecaySourceTests(ITestOutputHelper output)
{
    [Fact]
    public void Rate_per_EOT_is_tail_pile_up_times_decay_chain()
    {
        var s = new PileUpDecaySource();
        Assert.Equal("pileup-decay", s.Name);
        Assert.Equal(TrueProcess.PileUpDecay, s.Process);
        Assert.Equal("pile-up of low energy e⁻ and μ, π, K followed by their decays", s.TableRow);
        var model = new DetectorModel(DecayTestRun.PbSc, 1);
        SourceRate r = s.RatePerEot(model).Validated("pileup-decay");
        // Card: 1.4e6 particles per 4.8 s spill, e⁻ fraction 0.98825, tail 1e-3 of the electrons, SRD gate 100 ns.
        double fe = 1 - 0.01 - 7.5e-4 - 1e-3;
        double pile = 1 - Math.Exp(-1.4e6 / 4.8e9 * fe * 1e-3 * 100);
        double expected = DecayInFlightSourceTests.QuotedDecayProbabilities(1950, 0.01, 7.5e-4, 1e-3) / fe * pile;
        output.WriteLine($"{r.PerEot:G4} per EOT ({r.PerEot * 2.75e9:G3} in 2.75e9 EOT before selection): {r.Derivation}");
        Tolerance.Rel(1e-3, "decay lengths quoted to 3–4 digits").AssertClose(expected, r.PerEot, "rate per EOT");
    }

    [Fact]
    public void Tail_electrons_below_the_acceptance_edge_are_bent_out_of_the_ECAL()
    {
        // No upstream material (no bremsstrahlung energy loss) and tail energies 60–100 GeV. Thin-lens bending: a
        // dipole of ∫B dl deflects by θ(E) = 0.29979 ∫B dl / E, so at the ECAL an electron of energy E lies
        // Σ_d [θ_d(E) − θ_d(100)]·(distance from the dipole centre to the ECAL) from the 100 GeV axis, towards +x;
        // it misses the ECAL once that exceeds the ECAL's +x edge (centre −1.9 cm + half width 11.4 cm = 9.5 cm).
        SetupCard b = DecayTestRun.PbSc;
        SetupCard card = b with
        {
            Beam = b.Beam with { LowEnergyTail = new LowEnergyTailOptions { Fraction = 1e-3, MinGeV = 60, MaxGeV = 100 } },
            Spectrometer = b.Spectrometer with
            {
                Counters = [.. b.Spectrometer.Counters.Select(c => c with { ThicknessCm = 0 })],
                Trackers = [.. b.Spectrometer.Trackers.Select(t => t with { RadiationLengthFraction = 0 })],
                PassiveElements = [], // no beam-line material map either
            },
        };
        double lever = b.Spectrometer.Dipoles.Sum(d => -(d.ZStartCm + d.LengthCm / 2)) / b.Spectrometer.Dipoles.Count;
        double bl = b.Spectrometer.Dipoles[0].FieldT * b.Spectrometer.Dipoles[0].LengthCm / 100;
        double edge = 9.5, eEdge = 1 / (1 / 100.0 + edge / (2 * 0.29979 * bl * lever));
        double expected = (100 - eEdge) / 40;
        var model = new DetectorModel(card, 17);
        DecayTestRun.Row[] rows = DecayTestRun.Run(model, new PileUpDecaySource().CreateProcess(model, false), 1500);
        double hit = rows.Count(r => r.Tail.HitsEcal) / (double)rows.Length;
        Assert.All(rows.Where(r => r.Tail.EnergyGeV < eEdge - 2), r => Assert.False(r.Tail.HitsEcal));
        output.WriteLine($"acceptance edge {eEdge:F2} GeV: expected share on the ECAL {expected:F3}, simulated {hit:F3}");
        // Edge smearing: spot and divergence (3 mm, 0.1 mrad ≈ 0.4 cm at the ECAL) ≈ 0.5 GeV in energy, symmetric;
        // allowance 1 GeV of the 40 GeV range.
        Tolerance.Abs(3 * Math.Sqrt(expected * (1 - expected) / rows.Length) + 1.0 / 40, "3σ binomial + 1 GeV edge allowance")
            .AssertClose(expected, hit, "share of tail electrons on the ECAL");
    }

    [Fact]
    public void The_tail_electron_provides_the_SRD_tag()
    {
        var model = new DetectorModel(DecayTestRun.PbSc, 19);
        DecayTestRun.Row[] rows = DecayTestRun.Run(model, new PileUpDecaySource().CreateProcess(model, false), 400);
        Assert.All(rows, r => Assert.True(r.SrdTrueGeV >= r.Tail.SrdGeV - 1e-15, "the event's SRD energy contains the tail electron's"));
        Assert.All(rows, r => Assert.InRange(r.Tail.EnergyGeV, 20, 80));
        Assert.All(rows, r => Assert.False(r.Tail.HitsEcal)); // ≤ 80 GeV: below the 84.5 GeV acceptance edge
        double tagged = rows.Count(r => r.Tail.SrdGeV > 0) / (double)rows.Length;
        output.WriteLine($"tail electrons with SR in the SRD: {tagged:P1}");
        Assert.True(tagged > 0.9, "a 20–80 GeV electron radiates into the SRD band nearly always");
    }

    [Fact]
    public void Biased_and_unbiased_runs_give_the_same_weighted_observables()
    {
        var model = new DetectorModel(DecayTestRun.KaonRich, 23);
        var src = new PileUpDecaySource();
        DecayTestRun.Row[] unbiased = DecayTestRun.Run(model, src.CreateProcess(model, false), 40_000);
        DecayTestRun.Row[] biased = DecayTestRun.Run(model, src.CreateProcess(model, true), 2_500, firstEvent: 1_000_000);
        BiasedUnbiased.AssertAgree(unbiased, biased, output);
    }
}

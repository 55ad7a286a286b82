using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Pipeline;

/// <summary>Signal events with the A′ emitted inside the ECAL (docs/physics/signal-efficiency.md#signal-event).</summary>
public sealed class SignalEventTests(ITestOutputHelper output)
{
    private static (double Ecal, double Preshower) Means(AprimeEmission emission, int n = 1000)
    {
        var sim = new EventSimulator(new DetectorModel(TestCards.Clean(), 5));
        var b = new EventBatch(n, 36, 4);
        for (int i = 0; i < n; i++) sim.SimulateSignal(i, 1, emission, 1.0, b);
        Assert.All(Enumerable.Range(0, b.Count), i => Assert.Equal((int)TrueProcess.DarkPhotonSignal, b.TrueProcessCode[i]));
        return (b.EcalEnergyGeV.Take(b.Count).Average(), b.EcalPreshowerGeV.Take(b.Count).Average());
    }

    /// <summary>
    /// Whatever emits the A′ and wherever, the ECAL sees E − E_A′: the energy radiated before the emission plus the
    /// recoil. 40 % of (100 GeV − 0.155 GeV SR) within 2.5 % (the beam cell's 1 % miscalibration, as for electrons).
    /// </summary>
    [Fact]
    public void The_ecal_sees_everything_but_the_aprime()
    {
        var tol = Tolerance.Rel(0.025, "miscalibration of the beam cell");
        foreach (AprimeEmission e in new[] { new AprimeEmission(1.0, 0.6, 0.0), new AprimeEmission(0.7, 0.6, 1.0), new AprimeEmission(0.65, 0.6, 3.0) })
        {
            (double ecal, double pre) = Means(e);
            output.WriteLine($"{e}: <E_ECAL> = {ecal:F2} GeV, <E_preshower> = {pre:F3} GeV");
            tol.AssertClose(0.4 * (100 - 0.155), ecal, $"E_ECAL for {e}");
        }
    }

    /// <summary>A recoil that starts 3 X0 deep leaves far less in the 4.06 X0 preshower than one at the face (its
    /// profile there is the rising edge before 1.06 X0 instead of 4.06 X0: P(a, 0.53)/P(a, 2.03) ≪ 1 for a ≈ 5).</summary>
    [Fact]
    public void A_deep_emission_leaves_a_small_preshower_signal()
    {
        (_, double face) = Means(new AprimeEmission(1.0, 0.6, 0.0));
        (_, double deep) = Means(new AprimeEmission(1.0, 0.6, 3.0));
        output.WriteLine($"preshower: face {face:F3} GeV, 3 X0 deep {deep:F3} GeV");
        Assert.True(deep < 0.3 * face, $"preshower {deep:F3} GeV for an emission at 3 X0 vs {face:F3} GeV at the face");
    }

    /// <summary>The signal window is absolute (E_A′ &gt; 50 GeV): the 100 GeV electron arrives with 100 − 0.155 GeV after
    /// synchrotron radiation, so half of its energy is just below the window and the event is not appended.</summary>
    [Fact]
    public void Aprimes_below_the_window_are_not_signal_events()
    {
        var sim = new EventSimulator(new DetectorModel(TestCards.Clean(), 5));
        var b = new EventBatch(4, 36, 4);
        Assert.False(sim.SimulateSignal(0, 1, new AprimeEmission(1.0, 0.5, 0), 50.0, 1.0, b));
        Assert.Equal(0, b.Count);
        Assert.True(sim.SimulateSignal(0, 1, new AprimeEmission(1.0, 0.51, 0), 50.0, 1.0, b));
        Assert.Equal(1, b.Count);
    }

    [Fact]
    public void Emissions_outside_the_energy_budget_are_rejected()
    {
        var sim = new EventSimulator(new DetectorModel(TestCards.Clean(), 5));
        var b = new EventBatch(4, 36, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.SimulateSignal(0, 1, new AprimeEmission(0.6, 0.7, 0), 1, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.SimulateSignal(0, 1, new AprimeEmission(1.1, 0.7, 0), 1, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.SimulateSignal(0, 1, new AprimeEmission(1.0, 0.7, double.NaN), 1, b));
        Assert.Equal(0, b.Count);
    }
}

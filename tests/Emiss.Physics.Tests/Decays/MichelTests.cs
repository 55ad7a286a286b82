using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Physics.Decays;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Decays;

/// <summary>μ⁻ → e⁻ν̄ν against the Michel spectrum (docs/physics/decays-in-flight.md#muon-decay).</summary>
public sealed class MichelTests(ITestOutputHelper output)
{
    private static readonly DecayChannel Channel = DecayTable.MuonMinus.Channels[0];

    [Fact]
    public void Rest_frame_electron_spectrum_is_x2_3_minus_2x()
    {
        const double m = PhysicalConstants.MuonMassGeV;
        var rng = EventRng.FromSplitMix64(21);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        var x = new double[60_000];
        var xNuMu = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            DecaySampler.Decay(Channel, new LorentzVector(m, 0, 0, 0), ref rng, o);
            x[k] = 2 * o[0].P.E / m;
            xNuMu[k] = 2 * o[2].P.E / m;
        }
        // Michel (ρ = 3/4), m_e → 0: dN/dx = x²(3 − 2x); the ν_μ has the same spectrum (|M|² symmetric in e ↔ ν_μ).
        SampledDistribution.AssertMatches(x, SampledDistribution.Linear(0.05, 1.0, 19), v => v * v * (3 - 2 * v), "x_e", output);
        SampledDistribution.AssertMatches(xNuMu, SampledDistribution.Linear(0.05, 1.0, 19), v => v * v * (3 - 2 * v), "x_νμ", output);
    }

    [Fact]
    public void A_100_GeV_muon_gives_an_electron_below_50_GeV_73_percent_of_the_time()
    {
        // Lab spectrum of the unpolarised Michel decay for β → 1: with y = E_e/E_μ = x(1 + cosθ)/2 and cosθ uniform,
        // dN/dy = ∫_y^1 x²(3 − 2x)·2/x dx / (1/2) = 5/3 − 3y² + (4/3)y³; P(y < 1/2) = 5/6 − 1/8 + 1/48 = 0.729167.
        const double closedForm = 5.0 / 6 - 1.0 / 8 + 1.0 / 48;
        double m = PhysicalConstants.MuonMassGeV;
        var parent = new LorentzVector(Math.Sqrt(1e4 + m * m), 0, 0, 100);
        var rng = EventRng.FromSplitMix64(22);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        const int n = 100_000;
        var y = new double[n];
        int below = 0;
        for (int k = 0; k < n; k++)
        {
            DecaySampler.Decay(Channel, parent, ref rng, o);
            y[k] = o[0].P.E / parent.E;
            if (o[0].P.E < 50) below++;
        }
        double sigma = Math.Sqrt(closedForm * (1 - closedForm) / n);
        Tolerance.Abs(3 * sigma, $"3σ binomial, N = {n}; 1/γ² and (m_e/m_μ)² corrections < 1e-4").AssertClose(closedForm, (double)below / n, "P(E_e < 50 GeV)");
        Tolerance.Abs(0.005, "docs/physics/decays-in-flight.md#reference-numbers quotes 0.73 (two digits)").AssertClose(0.73, closedForm, "closed form");
        SampledDistribution.AssertMatches(y, SampledDistribution.Linear(0, 1, 20), v => 5.0 / 3 - 3 * v * v + 4.0 / 3 * v * v * v, "E_e/E_μ in the lab", output);
    }
}

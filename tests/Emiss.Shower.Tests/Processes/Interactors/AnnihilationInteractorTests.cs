using Emiss.Shower.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>Two-photon annihilation in flight on an electron at rest ("annihil"): exact kinematics and Heitler's spectrum.</summary>
public sealed class AnnihilationInteractorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.002)]
    [InlineData(0.3)]
    [InlineData(30.0)]
    public void Conserves_four_momentum(double t)
    {
        IProcess annihilation = Process(Lead, "annihil");
        foreach (Interaction r in Run(annihilation, ShowerSpecies.Positron, t, 7201, 20_000))
        {
            Assert.True(r.Absorbed && r.SecondaryCount == 2, "the positron disappears into two photons");
            var q = CheckBudgetAndGetRecoil(ShowerSpecies.Positron, t, r);
            Assert.True(Norm(q) <= 1e-9 * (t + 2 * Me), $"e⁺e⁻ → γγ conserves momentum; missing {Norm(q):G3} GeV");
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Photon_energy_follows_Heitler(double t)
    {
        IProcess annihilation = Process(Lead, "annihil");
        double g = t / Me + 1, total = t + 2 * Me;
        // Heitler, The Quantum Theory of Radiation (1954), for ε = k/(T + 2m_e) of either photon:
        // dσ/dε ∝ S(ε) + S(1 − ε), S(ε) = −(γ+1)² + (γ² + 4γ + 1)/ε − 1/ε², on the kinematic range
        // ε± = ½[1 ± √((γ−1)/(γ+1))]. One photon per event, alternating, so the samples stay independent.
        double S(double e) => -(g + 1) * (g + 1) + (g * g + 4 * g + 1) / e - 1 / (e * e);
        double half = 0.5 * Math.Sqrt((g - 1) / (g + 1));
        double[] edges = SampledDistribution.Linear(0.5 - half, 0.5 + half, 24);
        Interaction[] r = Run(annihilation, ShowerSpecies.Positron, t, 7202);
        SampledDistribution.AssertMatches(r.Select((x, i) => (i % 2 == 0 ? x.Secondary0 : x.Secondary1).KineticEnergyGeV / total), edges,
            e => S(e) + S(1 - e), $"Heitler ε at T = {t} GeV", output);
    }
}

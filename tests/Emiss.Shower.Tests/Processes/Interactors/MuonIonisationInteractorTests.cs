using Emiss.Shower.Processes;
using Xunit;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>Muon ionisation ("muIoni") is continuous only: no discrete interaction is ever selected (Σ = 0), and an
/// Interact call leaves the muon untouched, so there is no sampled distribution to test; its mean loss is checked
/// against the PDG table in CrossSectionAnchorTests.</summary>
public sealed class MuonIonisationInteractorTests
{
    [Theory]
    [InlineData(ShowerSpecies.MuonMinus, 0.2)]
    [InlineData(ShowerSpecies.MuonPlus, 100.0)]
    public void Has_no_discrete_interaction_and_Interact_conserves_the_muon(ShowerSpecies type, double t)
    {
        IProcess mu = Process(Lead, "muIoni");
        Assert.Equal(0.0, mu.InverseMeanFreePathPerCm(0, type, t));
        Assert.True(mu.ContinuousLossGeVPerCm(0, type, t) > 0, "muons lose energy continuously");
        foreach (Interaction r in Run(mu, type, t, 7501, 10_000))
        {
            Assert.True(!r.Absorbed && r.SecondaryCount == 0);
            Assert.Equal(0.0, Norm(CheckBudgetAndGetRecoil(type, t, r)));
            Assert.Equal(t, r.KineticEnergyGeV);
        }
    }
}

using Emiss.Shower.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>δ-ray production on atomic electrons at rest ("eIoni"): exact two-body kinematics and the Møller and
/// Bhabha spectra written out from the literature (binding neglected, as in the model).</summary>
public sealed class IonisationInteractorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ShowerSpecies.Electron, 0.05)]
    [InlineData(ShowerSpecies.Positron, 1.0)]
    public void Conserves_four_momentum_on_a_free_electron(ShowerSpecies type, double t)
    {
        IProcess ioni = Process(Lead, "eIoni");
        foreach (Interaction r in Run(ioni, type, t, 7101, 20_000))
        {
            Assert.Equal(1, r.SecondaryCount);
            var q = CheckBudgetAndGetRecoil(type, t, r);
            Assert.True(Norm(q) <= 1e-9 * t, $"two-body scattering on an electron at rest conserves momentum; missing {Norm(q):G3} GeV");
        }
    }

    [Theory]
    [InlineData(ShowerSpecies.Electron, 0.05)]
    [InlineData(ShowerSpecies.Electron, 1.0)]
    [InlineData(ShowerSpecies.Positron, 1.0)]
    public void Delta_ray_spectrum_follows_Moller_or_Bhabha(ShowerSpecies type, double t)
    {
        IProcess ioni = Process(Lead, "eIoni");
        double cut = Lead.Materials[0].ElectronCutGeV;
        double g = t / Me + 1, b2 = 1 - 1 / (g * g);
        bool positron = type == ShowerSpecies.Positron;
        // ε = T_δ/T. Møller (1932), as in the PDG review "Passage of particles through matter":
        //   dσ/dε ∝ (γ−1)²/γ² + 1/ε² + 1/(1−ε)² − (2γ−1)/(γ² ε(1−ε)),  ε ≤ ½ (identical particles).
        // Bhabha (1936): dσ/dε ∝ 1/(β²ε²) − B1/ε + B2 − B3 ε + B4 ε², y = 1/(γ+1), B1 = 2 − y², B2 = (1−2y)(3+y²),
        //   B3 = (1−2y)² + (1−2y)³, B4 = (1−2y)³,  ε ≤ 1.
        double y = 1 / (g + 1), c = 1 - 2 * y;
        double Bhabha(double e) => 1 / (b2 * e * e) - (2 - y * y) / e + c * (3 + y * y) - (c * c + c * c * c) * e + c * c * c * e * e;
        double Moller(double e) => (g - 1) * (g - 1) / (g * g) + 1 / (e * e) + 1 / ((1 - e) * (1 - e)) - (2 * g - 1) / (g * g * e * (1 - e));
        double max = positron ? 1.0 : 0.5;
        double[] edges = SampledDistribution.Linear(Math.Log(cut / t), Math.Log(max), 20);
        Interaction[] r = Run(ioni, type, t, 7102);
        SampledDistribution.AssertMatches(r.Select(x => Math.Log(x.Secondary0.KineticEnergyGeV / t)), edges,
            u => { double e = Math.Exp(u); return (positron ? Bhabha(e) : Moller(e)) * e; },
            $"{(positron ? "Bhabha" : "Møller")} ln ε at T = {t} GeV", output);
    }
}

using Emiss.Shower.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>Compton scattering on a free electron at rest ("compt"): exact two-body kinematics and the Klein–Nishina spectrum.</summary>
public sealed class ComptonInteractorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5e-4)]
    [InlineData(0.02)]
    public void Conserves_four_momentum_and_follows_the_Compton_formula(double k)
    {
        IProcess compton = Process(Lead, "compt");
        double kappa = k / Me;
        foreach (Interaction r in Run(compton, ShowerSpecies.Gamma, k, 7001, 20_000))
        {
            var q = CheckBudgetAndGetRecoil(ShowerSpecies.Gamma, k, r);
            Assert.True(Norm(q) <= 1e-9 * k, $"free-electron Compton must conserve momentum exactly; missing {Norm(q):G3} GeV");
            // Compton (1923): k′ = k/(1 + κ(1 − cosθ)).
            double cos = CosToBeam(r.Ux, r.Uy, r.Uz);
            Assert.True(Math.Abs(r.KineticEnergyGeV - k / (1 + kappa * (1 - cos))) <= 1e-9 * k, $"k′ = {r.KineticEnergyGeV} at cosθ = {cos}");
        }
    }

    [Theory]
    [InlineData(5e-4)]
    [InlineData(0.02)]
    public void Scattered_photon_energy_follows_Klein_Nishina(double k)
    {
        IProcess compton = Process(Lead, "compt");
        double kappa = k / Me, eps0 = 1 / (1 + 2 * kappa);
        // Klein & Nishina (1929): dσ/dΩ = (r_e²/2) ε² (ε + 1/ε − sin²θ), ε = k′/k, with dΩ = 2π dcosθ and
        // dcosθ/dε = 1/(κε²) from the Compton formula; binned in u = ln ε (density × ε).
        double DensityInLnEps(double u)
        {
            double eps = Math.Exp(u), cos = 1 - (1 / eps - 1) / kappa, sin2 = 1 - cos * cos;
            double dSigmaDOmega = 0.5 * eps * eps * (eps + 1 / eps - sin2);
            return dSigmaDOmega * 2 * Math.PI / (kappa * eps * eps) * eps;
        }
        double[] edges = SampledDistribution.Linear(Math.Log(eps0), 0, 25);
        Interaction[] r = Run(compton, ShowerSpecies.Gamma, k, 7002);
        SampledDistribution.AssertMatches(r.Select(x => Math.Log(x.KineticEnergyGeV / k)), edges, DensityInLnEps, $"Compton ln ε at k = {k * 1e3} MeV", output);
    }
}

using Emiss.Core.Constants;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>Muon ionisation ("muIoni", docs/physics/muons.md#ionisation): knock-on electrons above the e± cut with exact
/// two-body kinematics on an electron at rest and the spectrum of PDG eq. 34.6; restricted loss plus δ rays equal the
/// unrestricted Bethe loss (checked against the PDG table in CrossSectionAnchorTests).</summary>
public sealed class MuonIonisationInteractorTests(ITestOutputHelper output)
{
    private const double Mu = PhysicalConstants.MuonMassGeV;

    [Theory]
    [InlineData(ShowerSpecies.MuonMinus, 0.2)]
    [InlineData(ShowerSpecies.MuonPlus, 100.0)]
    public void A_knock_on_electron_conserves_four_momentum(ShowerSpecies type, double t)
    {
        IProcess mu = Process(Lead, "muIoni");
        double cut = Lead.Materials[0].ElectronCutGeV, wmax = MuonStoppingPower.MaxTransferGeV(t, Mu);
        Assert.True(mu.InverseMeanFreePathPerCm(0, type, t) > 0, "δ rays above the 1 MeV cut");
        foreach (Interaction r in Run(mu, type, t, 7501, 10_000))
        {
            Assert.True(!r.Absorbed && r.SecondaryCount == 1 && r.Secondary0.Type == ShowerSpecies.Electron);
            Assert.InRange(r.Secondary0.KineticEnergyGeV, cut, wmax);
            var q = CheckBudgetAndGetRecoil(type, t, r);
            Assert.True(Norm(q) <= 1e-9 * (t + Mu), $"two-body scattering on an electron at rest conserves momentum; missing {Norm(q):G3} GeV");
        }
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(10.0)]
    public void Delta_ray_spectrum_follows_the_knock_on_formula(double t)
    {
        // PDG "Passage of particles through matter", eq. 34.6 (spin 0): d²N/dT dx ∝ (1/β²)(1 − β² T/W_max)/T², T ≤ W_max.
        IProcess mu = Process(Lead, "muIoni");
        double cut = Lead.Materials[0].ElectronCutGeV, g = 1 + t / Mu, b2 = 1 - 1 / (g * g);
        double wmax = 2 * Me * (g * g - 1) / (1 + 2 * g * Me / Mu + Me / Mu * (Me / Mu));
        double[] edges = SampledDistribution.Linear(Math.Log(cut), Math.Log(wmax), 12);
        Interaction[] r = Run(mu, ShowerSpecies.MuonMinus, t, 7502, 200_000);
        SampledDistribution.AssertMatches(r.Select(x => Math.Log(x.Secondary0.KineticEnergyGeV)), edges,
            u => { double e = Math.Exp(u); return (1 - b2 * e / wmax) / (e * e) * e; }, $"knock-on ln T at T_μ = {t} GeV", output);
    }

    [Theory]   // at 0.2 and 1 GeV W_max is 7 and 90 MeV: the sampled mean of the 1/T² spectrum has a small error there
    [InlineData(0.2)]
    [InlineData(1.0)]
    public void Restricted_loss_plus_delta_rays_is_the_Bethe_loss(double t)
    {
        IProcess mu = Process(Lead, "muIoni");
        Interaction[] r = Run(mu, ShowerSpecies.MuonMinus, t, 7503, 200_000);
        double[] td = [.. r.Select(x => x.Secondary0.KineticEnergyGeV)];
        double mean = td.Average(), err = Math.Sqrt(td.Sum(x => (x - mean) * (x - mean)) / (td.Length - 1) / td.Length);
        double sigma = mu.InverseMeanFreePathPerCm(0, ShowerSpecies.MuonMinus, t);
        double total = mu.ContinuousLossGeVPerCm(0, ShowerSpecies.MuonMinus, t) + sigma * mean;
        double bethe = MuonStoppingPower.GeVPerCm(Lead.Materials[0].Source, t, Mu);
        output.WriteLine($"T = {t} GeV: restricted {mu.ContinuousLossGeVPerCm(0, ShowerSpecies.MuonMinus, t) * 1e3:F4} + δ {sigma * mean * 1e3:F4} MeV/cm = {total * 1e3:F4}; Bethe {bethe * 1e3:F4}");
        Tolerance.Abs(3 * sigma * err, "3σ of the sampled mean δ-ray energy").AssertClose(bethe, total, "muon dE/dx (GeV/cm)");
    }
}

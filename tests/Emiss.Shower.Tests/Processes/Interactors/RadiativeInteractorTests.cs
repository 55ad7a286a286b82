using Emiss.Core.Constants;
using Emiss.Shower.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>
/// Bremsstrahlung ("eBrem") and pair production ("conv") in the field of a lead nucleus: energy closes exactly, the
/// nucleus takes the momentum balance, and at 100 GeV the spectra follow Tsai's complete-screening forms (Tsai, RMP
/// 46, 815 (1974), eqs. 3.83 and 3.84 with L_rad = ln(184.15 Z^−1/3), L′_rad = ln(1194 Z^−2/3) and the
/// Davies–Bethe–Maximon Coulomb correction), written out here, not taken from the samplers.
/// </summary>
public sealed class RadiativeInteractorTests(ITestOutputHelper output)
{
    private const int Z = 82;

    /// <summary>The nuclear form factor cuts recoil momenta above ħc/R, R = 1.2 A^{1/3} fm = 7.1 fm for Pb: 28 MeV.</summary>
    private const double NuclearRecoilScaleGeV = 0.1973 / (1.2 * 5.9176);

    private static (double Screened, double Unscreened) CompleteScreeningTerms()
    {
        double a2 = PhysicalConstants.Alpha * Z * PhysicalConstants.Alpha * Z;
        double f = a2 * (1 / (1 + a2) + 0.20206 - 0.0369 * a2 + 0.0083 * a2 * a2 - 0.002 * a2 * a2 * a2);
        double lrad = Math.Log(184.15 / Math.Cbrt(Z)), lradp = Math.Log(1194.0 / Math.Cbrt(Z * Z));
        return (Z * Z * (lrad - f) + Z * lradp, Z * Z + Z);
    }

    [Theory]
    [InlineData(ShowerSpecies.Electron, 0.01)]
    [InlineData(ShowerSpecies.Positron, 100.0)]
    public void Bremsstrahlung_closes_energy_and_leaves_the_nucleus_a_small_recoil(ShowerSpecies type, double t)
    {
        IProcess brem = Process(Lead, "eBrem");
        double maxRecoil = 0;
        foreach (Interaction r in Run(brem, type, t, 7401, 20_000))
        {
            Assert.True(!r.Absorbed && r.SecondaryCount == 1 && r.Secondary0.Type == ShowerSpecies.Gamma, "e± survives with one photon");
            maxRecoil = Math.Max(maxRecoil, Norm(CheckBudgetAndGetRecoil(type, t, r)));
        }
        output.WriteLine($"largest nuclear recoil momentum at T = {t} GeV: {maxRecoil * 1e3:G3} MeV");
        Assert.True(maxRecoil < NuclearRecoilScaleGeV, $"recoil {maxRecoil * 1e3:G3} MeV exceeds ħc/R_Pb = {NuclearRecoilScaleGeV * 1e3:F0} MeV");
    }

    [Fact]
    public void Bremsstrahlung_spectrum_follows_Tsai_complete_screening_at_100_GeV()
    {
        // LPM and dielectric suppression off: Tsai's formula holds unmodified. y = k/E from 0.05 to 0.95, where the
        // screening variable γ = 100 m_e k/(E E′ Z^1/3) stays below 3e-3 (complete screening).
        IProcess brem = Process(LeadUnsuppressed, "eBrem");
        const double t = 100.0;
        double e = t + Me;
        (double screened, double unscreened) = CompleteScreeningTerms();
        // k dσ/dk ∝ (4/3 − 4y/3 + y²)[Z²(L_rad − f) + Z L′_rad] + (1 − y)(Z² + Z)/9, binned in ln k.
        double KDsigmaDk(double lnk) { double y = Math.Exp(lnk) / e; return (4.0 / 3 - 4.0 / 3 * y + y * y) * screened + (1 - y) * unscreened / 9; }
        double[] edges = SampledDistribution.Linear(Math.Log(0.05 * e), Math.Log(0.95 * e), 20);
        // 4 × 10⁵ samples: the 1/k spectrum puts only ~20 % of them in the complete-screening window.
        Interaction[] r = Run(brem, ShowerSpecies.Electron, t, 7402, 400_000);
        SampledDistribution.AssertMatches(r.Select(x => Math.Log(x.Secondary0.KineticEnergyGeV)), edges, KDsigmaDk, "Tsai brem ln k at 100 GeV", output);
    }

    [Theory]
    [InlineData(0.005)]
    [InlineData(100.0)]
    public void Pair_production_closes_energy_and_leaves_the_nucleus_a_small_recoil(double k)
    {
        IProcess conv = Process(Lead, "conv");
        double maxRecoil = 0;
        foreach (Interaction r in Run(conv, ShowerSpecies.Gamma, k, 7403, 20_000))
        {
            Assert.True(r.Absorbed && r.SecondaryCount == 2, "γ → e⁺e⁻");
            Assert.True(r.Secondary0.Type == ShowerSpecies.Positron && r.Secondary1.Type == ShowerSpecies.Electron, "one e⁺, one e⁻");
            maxRecoil = Math.Max(maxRecoil, Norm(CheckBudgetAndGetRecoil(ShowerSpecies.Gamma, k, r)));
        }
        output.WriteLine($"largest nuclear recoil momentum at k = {k} GeV: {maxRecoil * 1e3:G3} MeV");
        Assert.True(maxRecoil < NuclearRecoilScaleGeV, $"recoil {maxRecoil * 1e3:G3} MeV exceeds ħc/R_Pb = {NuclearRecoilScaleGeV * 1e3:F0} MeV");
    }

    [Fact]
    public void Pair_energy_sharing_follows_Bethe_Heitler_complete_screening_at_100_GeV()
    {
        // x = E₊/k from 0.02 to 0.98: γ = 100 m_e/(k x(1−x) Z^1/3) ≤ 6e-3 (complete screening); full Coulomb correction above 50 MeV.
        IProcess conv = Process(Lead, "conv");
        const double k = 100.0;
        (double screened, double unscreened) = CompleteScreeningTerms();
        // dσ/dx ∝ [x² + (1−x)² + (2/3)x(1−x)][Z²(L_rad − f) + Z L′_rad] − x(1−x)(Z² + Z)/9.
        double Density(double x) => (x * x + (1 - x) * (1 - x) + 2.0 / 3 * x * (1 - x)) * screened - x * (1 - x) * unscreened / 9;
        Interaction[] r = Run(conv, ShowerSpecies.Gamma, k, 7404);
        SampledDistribution.AssertMatches(r.Select(x => (x.Secondary0.KineticEnergyGeV + Me) / k), SampledDistribution.Linear(0.02, 0.98, 24),
            Density, "Bethe–Heitler x at 100 GeV", output);
    }
}

using Emiss.Signal.Processes;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Processes;

public sealed class ResonantAnnihilationCrossSectionTests
{
    [Theory]
    [InlineData(0.100, 9.7846)] // docs/physics/resonant-annihilation.md#cross-section: 100 MeV → 9.8 GeV
    [InlineData(0.250, 61.1538)] // 250 MeV → 61 GeV
    public void ResonanceEnergy(double mGeV, double expectedGeV) =>
        Tolerance.Rel(1e-4, "closed form E_R = (m² − 2m_e²)/(2m_e)").AssertClose(expectedGeV, ResonantAnnihilationCrossSection.ResonanceEnergy(mGeV), "E_R");

    [Fact]
    public void NarrowWidthIntegralAndPeakPosition()
    {
        // α_D = 0.002 makes Γ/m ≈ 6e-4 (narrow): ∫σ dE₊ → 2π²αε²/m_e = 1.098e-33 cm² GeV at ε = 1e-4 (docs/physics/resonant-annihilation.md#narrow-width-limit).
        var xs = new ResonantAnnihilationCrossSection(0.25, 0.25 / 3, 0.002, 1e-4);
        double eR = xs.ResonanceEnergyGeV, width = xs.MassGeV * xs.WidthGeV / 0.51099895e-3; // Γ in E₊: mΓ/m_e
        double lo = eR - 200 * width, hi = eR + 200 * width, sum = 0, best = 0, argBest = 0;
        const int n = 400_000;
        for (int i = 0; i <= n; i++)
        {
            double e = lo + (hi - lo) * i / n, s = xs.PerElectronCm2AtEps1(e);
            sum += (i == 0 || i == n ? 0.5 : 1) * s;
            if (s > best) { best = s; argBest = e; }
        }
        double integral = sum * (hi - lo) / n * 1e-8;
        // ±200 Γ captures all but 2/(π·200) ≈ 0.3 % of a Breit–Wigner; the residual s-dependence of the numerator is < 1 %.
        Tolerance.Rel(0.015, "narrow-width limit; BW tails beyond ±200Γ and numerator variation").AssertClose(1.098e-33, integral, "∫σ dE₊ at ε = 1e-4");
        Tolerance.Abs(width, "peak within one width of E_R").AssertClose(eR, argBest, "peak position");
    }
}

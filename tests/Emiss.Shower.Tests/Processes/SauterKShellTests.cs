using Emiss.Core.Constants;
using Emiss.Shower.Processes.PhotonData;
using Xunit;

namespace Emiss.Shower.Tests.Processes;

/// <summary>
/// Sauter's K-shell photoeffect cross section against its two closed-form limits (Heitler, <i>The Quantum Theory of
/// Radiation</i>, §21), and the tabulated photoabsorption continued with it above the tables' last point
/// (docs/physics/photoelectric.md#above-the-tables). The continuation is validated against NIST's attenuation coefficients
/// at 1.25–20 MeV in <c>LowEnergyPhotonTests</c>.
/// </summary>
public sealed class SauterKShellTests
{
    private static readonly double Phi0 = 8.0 * Math.PI * PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm / 3.0;

    private static double Scale(int z) => Phi0 * Math.Pow(z, 5) * Math.Pow(PhysicalConstants.Alpha, 4);

    [Theory]
    [InlineData(82)]
    [InlineData(26)]
    public void Far_above_the_electron_mass_it_falls_as_one_over_k(int z)
    {
        // σ_K → (3/2) φ₀ Z⁵ α⁴ / k for k ≫ 1 (k in m_e c²); the corrections are O(ln k / k), 10⁻⁴ at k = 10⁵.
        double k = 1e5;
        double sigma = SauterKShell.CrossSectionCm2(z, k * PhysicalConstants.ElectronMassGeV);
        Assert.Equal(1.0, sigma / (1.5 * Scale(z) / k), 3);
    }

    [Theory]
    [InlineData(82)]
    [InlineData(13)]
    public void Far_below_the_electron_mass_it_is_the_non_relativistic_born_result(int z)
    {
        // σ_K → 4√2 φ₀ Z⁵ α⁴ k^(−7/2) for k ≪ 1 (the non-relativistic Born cross section); corrections O(k), 10⁻³ here.
        double k = 1e-3;
        double sigma = SauterKShell.CrossSectionCm2(z, k * PhysicalConstants.ElectronMassGeV);
        Assert.Equal(1.0, sigma / (4.0 * Math.Sqrt(2.0) * Scale(z) * Math.Pow(k, -3.5)), 2);
    }

    [Theory]
    [InlineData(82)]
    [InlineData(74)]
    [InlineData(26)]
    [InlineData(6)]
    public void The_tabulated_photoabsorption_continues_without_a_step_and_reaches_one_over_k(int z)
    {
        ElementPhotonTable t = PhotonDataLibrary.Element(z);
        double last = t.MaxTabulatedGeV;
        // No step at the table's last point (the continuation starts from the last tabulated value).
        Assert.Equal(1.0, t.PhotoabsorptionCm2(last * (1 + 1e-9)) / t.PhotoabsorptionCm2(last), 6);
        // Local power law d ln σ / d ln k: steeper than −2 just above the table, −1 within 2 % at 1 GeV.
        static double Slope(ElementPhotonTable t, double k) => Math.Log(t.PhotoabsorptionCm2(1.01 * k) / t.PhotoabsorptionCm2(k)) / Math.Log(1.01);
        Assert.InRange(Slope(t, 1.1 * last), -2.3, -1.9);
        Assert.InRange(Slope(t, 1.0), -1.02, -0.98);
    }
}

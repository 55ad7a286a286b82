using Emiss.Shower.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using static Emiss.Shower.Tests.Processes.Interactors.InteractorSamples;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>Photoelectric absorption ("phot"): the photon's whole energy goes to the photoelectron (binding and
/// fluorescence stay with it, as documented), the atom takes the recoil, and the electron angle follows Sauter's formula.</summary>
public sealed class PhotoelectricInteractorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-3)]
    public void Conserves_energy_and_the_atom_takes_a_recoil_without_transverse_bias(double k)
    {
        IProcess phot = Process(Lead, "phot");
        Interaction[] r = Run(phot, ShowerSpecies.Gamma, k, 7301, 20_000);
        double sx = 0, sy = 0, sx2 = 0, sy2 = 0;
        // Transverse axes to the tilted beam direction.
        (double ax, double ay, double az) = Unit(Direction.Z, 0, -Direction.X);
        (double bx, double by, double bz) = (Direction.Y * az - Direction.Z * ay, Direction.Z * ax - Direction.X * az, Direction.X * ay - Direction.Y * ax);
        foreach (Interaction x in r)
        {
            Assert.True(x.Absorbed && x.SecondaryCount == 1 && x.Secondary0.Type == ShowerSpecies.Electron, "γ absorbed, one photoelectron");
            Assert.Equal(k, x.Secondary0.KineticEnergyGeV);
            var q = CheckBudgetAndGetRecoil(ShowerSpecies.Gamma, k, x);
            double qa = q.X * ax + q.Y * ay + q.Z * az, qb = q.X * bx + q.Y * by + q.Z * bz;
            sx += qa; sy += qb; sx2 += qa * qa; sy2 += qb * qb;
        }
        // The atom absorbs p_γ − p_e event by event; averaged over the azimuth its transverse part vanishes.
        int n = r.Length;
        Assert.True(Math.Abs(sx / n) < 4 * Math.Sqrt(sx2 / n / n) && Math.Abs(sy / n) < 4 * Math.Sqrt(sy2 / n / n),
            $"mean transverse recoil ({sx / n:G3}, {sy / n:G3}) GeV must vanish within 4σ");
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-3)]
    public void Photoelectron_angle_follows_Sauter(double k)
    {
        IProcess phot = Process(Lead, "phot");
        double g = k / Me + 1, beta = Math.Sqrt(1 - 1 / (g * g));
        // Sauter, Ann. Phys. 11, 454 (1931), K shell (as quoted in the Geant4 Physics Reference Manual):
        // dσ/dcosθ ∝ sin²θ/(1 − β cosθ)⁴ · [1 + ½ γ(γ − 1)(γ − 2)(1 − β cosθ)], binned in v = ln(1 − cosθ).
        double Density(double v)
        {
            double u = Math.Exp(v), cos = 1 - u, sin2 = u * (2 - u), d = 1 - beta * cos;
            return sin2 / (d * d * d * d) * (1 + 0.5 * g * (g - 1) * (g - 2) * d) * u;
        }
        double[] edges = SampledDistribution.Linear(Math.Log(k < 5e-4 ? 1e-2 : 1e-3), Math.Log(2), 20);
        Interaction[] r = Run(phot, ShowerSpecies.Gamma, k, 7302);
        SampledDistribution.AssertMatches(r.Select(x => Math.Log(1 - CosToBeam(x.Secondary0.Ux, x.Secondary0.Uy, x.Secondary0.Uz))), edges,
            Density, $"Sauter ln(1 − cosθ) at k = {k * 1e3} MeV", output);
    }

    private static (double, double, double) Unit(double x, double y, double z)
    {
        double n = Math.Sqrt(x * x + y * y + z * z);
        return (x / n, y / n, z / n);
    }
}

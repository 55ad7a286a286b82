using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>Closed-form properties of the scattering model and the path-length conversion.</summary>
public class ScatteringModelTests
{
    [Theory]
    [InlineData(0.05, 1.0, 0.9)]
    [InlineData(0.5, 1.0, 0.6)]
    [InlineData(2.0, 1.0, 0.3)]
    public void Geometric_path_is_the_integral_of_the_mean_direction_cosine(double t, double lambda0, double lambdaEnd)
    {
        // Lewis: dz/ds = ⟨cos θ⟩(s) = exp(−∫0^s ds′/λ(s′)) with λ linear from λ0 to λe; here integrated numerically.
        double a = (lambda0 - lambdaEnd) / (lambda0 * t);
        double z = GaussLegendre.Integrate(s => Math.Exp(Math.Log(1 - a * s) / (a * lambda0)), 0, t, 8);
        Tolerance.Rel(1e-10, "quadrature of the moment equation").AssertClose(z, PathLength.Geometric(t, lambda0, lambdaEnd), "z");
        Tolerance.Rel(1e-9, "exact inverse").AssertClose(0.6 * t, PathLength.True(PathLength.Geometric(0.6 * t, lambda0, lambda0 - a * lambda0 * 0.6 * t), 0.6 * t, lambda0, lambda0 - a * lambda0 * 0.6 * t), "t(z(t))");
        Tolerance.Rel(1e-12, "constant λ1: z = λ(1 − e^{−t/λ})").AssertClose(lambda0 * (1 - Math.Exp(-t / lambda0)), PathLength.Geometric(t, lambda0, lambda0), "z, constant λ1");
    }

    [Theory]
    [InlineData(0.003)]
    [InlineData(0.03)]
    [InlineData(0.3)]
    [InlineData(3.0)]
    public void Mean_direction_cosine_is_exp_minus_tau_in_lead(double tau)
    {
        // ⟨cos θ⟩ = e^{−τ} is what makes the model step independent (Goudsmit–Saunderson's first moment).
        var pb = new ShowerMaterial(0, MaterialCatalog.Lead, 1e-3, 1e-4);
        var p = new UrbanMaterialParameters(pb);
        const double T = 0.01, Mass = 0.51099895e-3;
        double lambda = TransportCrossSection.Lambda1Cm(pb, T, Mass, true), t = tau * lambda;
        double theta0 = UrbanAngularDistribution.Theta0(p, t, T, T, Mass);
        EventRng rng = RngStreams.For(7, StreamKind.Shower, (ulong)(tau * 1e4));
        const int N = 400_000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < N; i++)
        {
            double c = UrbanAngularDistribution.SampleCosTheta(p, tau, theta0, tau, lambda, 0.0, ref rng);
            sum += c;
            sum2 += c * c;
        }
        double mean = sum / N, err = Math.Sqrt((sum2 / N - mean * mean) / N);
        Tolerance.Abs(4 * err + 1e-5, "4σ_stat").AssertClose(Math.Exp(-tau), mean, $"⟨cos θ⟩ at τ = {tau}");
    }

    [Fact]
    public void Transport_cross_section_at_high_energy_stops_growing_at_the_nuclear_size()
    {
        // 10 GeV e⁺ on carbon: for A ≪ 1/(4b) ≪ 1 the nuclear bracket ∫0^1 2s³/(s² + A)² (1 + 4bs²)^−4 ds has the closed
        // limit ln(1/(4bA)) − 17/6 (the 1/s integral cut by the exponential-distribution form factor, −11/6, and by the
        // screening, −1), the electrons' one ln(1/A) − 1 (docs/physics/multiple-scattering.md#nuclear-size). The Mott terms
        // add ~3·10⁻⁴ of it for Z = 6 (παZ = 0.14 times s ≲ 1/√(4b) = 0.016), hence the 0.1 % band. A point nucleus gives
        // ln(1/A) − 1 for both (less its Mott terms), 39 % more σ1 here.
        const int Z = 6;
        const double A = 12.011, T = 10.0, Mass = PhysicalConstants.ElectronMassGeV;
        double p2 = T * (T + 2 * Mass), e = T + Mass, beta2 = p2 / (e * e);
        double a = 0.88534 * PhysicalConstants.HbarCGeVCm / (PhysicalConstants.Alpha * Mass) * Math.Pow(Z, -1.0 / 3.0);
        double az = PhysicalConstants.Alpha * Z;
        double screen = 0.25 * PhysicalConstants.HbarCGeVCm * PhysicalConstants.HbarCGeVCm / (p2 * a * a) * (1.13 + 3.76 * az * az / beta2);
        double r = 0.93e-13 * Math.Cbrt(A);
        double fourB = 4 * p2 * r * r / 12 / (PhysicalConstants.HbarCGeVCm * PhysicalConstants.HbarCGeVCm);
        double k = PhysicalConstants.ClassicalElectronRadiusCm * Mass * e / p2;
        double expected = 2 * Math.PI * k * k * (Z * Z * (Math.Log(1 / (fourB * screen)) - 17.0 / 6.0) + Z * (Math.Log(1 / screen) - 1));
        Tolerance.Rel(1e-3, "closed high-energy limit; Mott terms ≈ 3·10⁻⁴").AssertClose(expected,
            TransportCrossSection.Sigma1PerAtomCm2(Z, A, T, Mass, negative: false), "σ1(C, 10 GeV e⁺), cm²");
    }
}

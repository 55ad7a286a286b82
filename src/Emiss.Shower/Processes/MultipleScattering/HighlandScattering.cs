using Emiss.Core.Random;
using Emiss.Core.Scattering;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// Multiple scattering with the Highland width (<see cref="Highland"/>, PDG 2024 eq. 34.15):
/// θ0 = 13.6 MeV/(βcp) √(x/X0)[1 + 0.038 ln(x/(X0β²))]. The transport mean free path follows from
/// ⟨θ_space²⟩ = 2θ0² = 2t/λ1, so τ = t/λ1 = θ0².
/// <list type="bullet">
/// <item>Angle: Gaussian plane angles (PDG eq. 34.20; sampled as a Rayleigh space angle with uniform azimuth) while
/// θ0 &lt; 0.5; beyond, where the Gaussian form fails, a
/// forward/isotropic mixture with the exact mean ⟨cos θ⟩ = e^{−τ}.</item>
/// <item>Lateral displacement: Lewis (Phys. Rev. 78, 526 (1950)) moment with κ = λ1/λ2 = 3,
/// ⟨r²⟩ = (4λ1²/3)[τ − 4/3 + (3/2)e^{−τ} − (1/6)e^{−3τ}] (→ (2/3)t³/λ1 = PDG eq. 34.21 for small τ,
/// → (4/3)λ1 t in the diffusion limit), correlated with the angle by ρ = √3/2 (PDG eq. 34.22).</item>
/// </list>
/// The geometric advance z = λ1(1 − e^{−τ}) is applied by the transport.
/// </summary>
public sealed class HighlandScattering : IMultipleScattering
{
    private const double HalfSqrt3 = 0.8660254037844386;

    /// <inheritdoc />
    public ScatteringSample Sample(double stepCm, double lambda1Cm, ref EventRng rng)
    {
        double tau = stepCm / lambda1Cm;
        double theta0 = Math.Sqrt(tau);
        double r2;
        if (tau < 1e-2) r2 = 2.0 / 3.0 * stepCm * stepCm * tau * (1.0 - 0.75 * tau);     // series of the Lewis moment
        else
        {
            double e1 = Math.Exp(-tau);
            r2 = 4.0 / 3.0 * lambda1Cm * lambda1Cm * (tau - 4.0 / 3.0 + 1.5 * e1 - e1 * e1 * e1 / 6.0);
        }
        double sigmaD = Math.Sqrt(Math.Max(r2, 0.0) * 0.5);
        double cosT, sinT, z2, z4;
        (double sinPhi, double cosPhi) = Math.SinCos(2.0 * Math.PI * rng.NextDouble());
        if (theta0 < 0.5)
        {
            // Two Gaussian plane angles θx = z2 θ0, θy = z4 θ0 = a Rayleigh space angle θ = ρθ0 with uniform azimuth.
            double rho = Math.Sqrt(-2.0 * Math.Log(rng.NextDoubleOpenZero()));
            z2 = rho * cosPhi;
            z4 = rho * sinPhi;
            double th = rho * theta0;
            if (th < Math.PI) { (sinT, cosT) = Math.SinCos(th); sinT = Math.Abs(sinT); }
            else { cosT = 2.0 * rng.NextDouble() - 1.0; sinT = Math.Sqrt((1.0 - cosT) * (1.0 + cosT)); }
        }
        else
        {
            // Forward with probability e^{−τ}, else isotropic: ⟨cos θ⟩ = e^{−τ}. The displacement forgets the angle.
            cosT = rng.NextDouble() < Math.Exp(-tau) ? 1.0 : 2.0 * rng.NextDouble() - 1.0;
            sinT = Math.Sqrt((1.0 - cosT) * (1.0 + cosT));
            (z2, z4) = rng.NextGaussianPair();
        }
        (double z1, double z3) = rng.NextGaussianPair();
        return new ScatteringSample(cosT, sinT, cosPhi, sinPhi,
            sigmaD * (0.5 * z1 + HalfSqrt3 * z2), sigmaD * (0.5 * z3 + HalfSqrt3 * z4));
    }

    /// <inheritdoc />
    public double TransportMeanFreePathCm(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm)
    {
        double e = kineticGeV + massGeV;
        double p2 = kineticGeV * (kineticGeV + 2.0 * massGeV);
        double theta0 = Highland.Theta0Rad(p2 / e, p2 / (e * e), stepCm / radiationLengthCm);
        return stepCm / (theta0 * theta0);
    }
}

using Emiss.Core.Random;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// Gaussian multiple scattering with the Highland width (PDG "Passage of particles through matter", eqs. 34.15,
/// 34.20–34.21): θ0 = 13.6 MeV/(βcp) √(x/X0)[1 + 0.038 ln(x/(X0β²))]; per plane θ = z2 θ0 and the correlated
/// displacement y = x θ0 (z1/√12 + z2/2). Step lengths are limited by the transport (≤ 20 % of the residual range,
/// boundaries), which keeps x/X0 inside Highland's validity for the steps that matter.
/// </summary>
public sealed class HighlandScattering : IMultipleScattering
{
    /// <inheritdoc />
    public ScatteringSample Sample(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm, ref EventRng rng)
    {
        double theta0 = Theta0(kineticGeV, massGeV, stepCm, radiationLengthCm);
        if (theta0 > 1.0) theta0 = 1.0;
        (double z1, double z2) = GaussianPair(ref rng);
        (double z3, double z4) = GaussianPair(ref rng);
        const double InvSqrt12 = 0.28867513459481287;
        return new ScatteringSample(z2 * theta0, z4 * theta0,
            stepCm * theta0 * (z1 * InvSqrt12 + 0.5 * z2), stepCm * theta0 * (z3 * InvSqrt12 + 0.5 * z4));
    }

    /// <inheritdoc />
    public double TransportMeanFreePathCm(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm)
    {
        // Small-angle relation ⟨θ_space²⟩ = 2θ0² = 2t/λ1 (PDG eq. 34.16 with 1 − ⟨cos θ⟩ ≈ ⟨θ²⟩/2).
        double theta0 = Theta0(kineticGeV, massGeV, stepCm, radiationLengthCm);
        return stepCm / (theta0 * theta0);
    }

    /// <summary>Highland θ0 (rad, plane projection) for a step, PDG eq. 34.15.</summary>
    public static double Theta0(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm)
    {
        double e = kineticGeV + massGeV;
        double p2 = kineticGeV * (kineticGeV + 2.0 * massGeV);
        double beta2 = p2 / (e * e);
        double betaP = p2 / e;
        double t = stepCm / radiationLengthCm;
        double corr = 1.0 + 0.038 * Math.Log(t / beta2);
        if (corr < 0.3) corr = 0.3;                    // Highland is not meant for x/X0 ≲ 1e-5; keep θ0 positive
        return 0.0136 / betaP * Math.Sqrt(t) * corr;
    }

    private static (double, double) GaussianPair(ref EventRng rng)
    {
        double r = Math.Sqrt(-2.0 * Math.Log(rng.NextDoubleOpenZero()));
        (double s, double c) = Math.SinCos(2.0 * Math.PI * rng.NextDouble());
        return (r * c, r * s);
    }
}

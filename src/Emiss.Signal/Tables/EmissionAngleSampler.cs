using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Signal.Tables;

/// <summary>
/// Samples the A′ emission angle θ for given lepton energy E, x and mass m from the vector WW/IWW double
/// differential cross section at fixed flux (docs/physics/dark-production-ww.md#formula, docs/physics/aprime-emission.md#angle-sampling; BEST 2009): in v = θ², U = E²x v + u,
/// f ∝ A/U² − B/U³ + C/U⁴ with A = 1 − x + x²/2, B = x(1 − x)(m² + 2m_e²),
/// C = (1 − x)²(m² + 2m_e²)(m² + m_e²x²/(1 − x)). Proposal g = A/U² + C/U⁴ (pieces chosen by their integrals,
/// each inverted in closed form), accepted with f/g = 1 − (B/U³)/(A/U² + C/U⁴) ≤ 1 (AU² − BU + C &gt; 0), on
/// U ∈ [u, u + E²x θ_max²], θ_max = 0.1. The θ dependence of χ (WW) and the ETL corrections are neglected; for
/// S, P and A mediators the vector shape is used as an approximation (their angles are as collinear, ~√(m m_e)/E).
/// </summary>
public static class EmissionAngleSampler
{
    /// <summary>Upper limit of θ, rad (docs/physics/aprime-emission.md#angle-sampling).</summary>
    public const double ThetaMax = 0.1;

    /// <summary>Samples θ (rad) of an A′ of mass <paramref name="massGeV"/> carrying a fraction x of a lepton of total energy <paramref name="leptonGeV"/>.</summary>
    public static double SampleTheta(double leptonGeV, double x, double massGeV, ref EventRng rng)
    {
        const double me = PhysicalConstants.ElectronMassGeV;
        double m2 = massGeV * massGeV, me2 = me * me, w = 1.0 - x;
        double u = m2 * w / x + me2 * x;
        double a = 1.0 - x + 0.5 * x * x;
        double b = x * w * (m2 + 2 * me2);
        double c = w * w * (m2 + 2 * me2) * (m2 + me2 * x * x / w);
        double scale = leptonGeV * leptonGeV * x;
        double uMax = u + scale * ThetaMax * ThetaMax;
        double i1 = a * (1 / u - 1 / uMax);
        double i2 = c / 3 * (1 / (u * u * u) - 1 / (uMax * uMax * uMax));
        double p1 = i1 / (i1 + i2);
        for (int k = 0; k < LoopBound.SamplerTries; k++)
        {
            double r = rng.NextDouble();
            double uu;
            if (rng.NextDouble() < p1) uu = 1.0 / (1 / u - r * (1 / u - 1 / uMax));
            else uu = 1.0 / Math.Cbrt(1 / (u * u * u) - r * (1 / (u * u * u) - 1 / (uMax * uMax * uMax)));
            double g = a / (uu * uu) + c / (uu * uu * uu * uu);
            double accept = 1.0 - b / (uu * uu * uu) / g;
            if (rng.NextDouble() < accept) return Math.Sqrt(Math.Max(0.0, uu - u) / scale);
        }
        throw LoopBound.Exceeded("A′ emission-angle sampling", LoopBound.SamplerTries, rng, $"E = {leptonGeV} GeV, x = {x}, m = {massGeV} GeV");
    }
}

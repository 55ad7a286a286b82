using Emiss.Core.Constants;
using Emiss.Core.Random;

namespace Emiss.Physics.Muons;

/// <summary>One sampled γ → μ⁺μ⁻ final state in the frame where the photon moves along z.</summary>
/// <param name="XPlus">Energy fraction of the μ⁺ (total energy E₊ = x₊k); the μ⁻ has 1 − x₊.</param>
/// <param name="ThetaPlus">Polar angle of the μ⁺, rad.</param>
/// <param name="ThetaMinus">Polar angle of the μ⁻, rad.</param>
/// <param name="PhiPlus">Azimuth of the μ⁺, rad.</param>
/// <param name="PhiMinus">Azimuth of the μ⁻, rad (the pair is nearly back to back in azimuth).</param>
public readonly record struct MuonPair(double XPlus, double ThetaPlus, double ThetaMinus, double PhiPlus, double PhiMinus);

/// <summary>
/// Samples γZ → μ⁺μ⁻Z final states (docs/physics/muon-pairs.md#sampling). x₊ is drawn by rejection from
/// dσ/dx₊ (<see cref="MuonPairCrossSection.DifferentialCm2"/>): uniform proposal on the kinematic range, acceptance
/// (1 − 4/3 x₊x₋) ln W / ln W_max with W_max = W(x₊ = ½), a true bound because W falls with δ ∝ 1/(x₊x₋) and
/// 1 − 4/3 x₊x₋ ≤ 1, so the accepted x₊ follow dσ/dx₊ exactly. The angles follow the auxiliary-variable method of
/// Burkhardt, Kelner and Kokoulin (CERN-SL-2002-016) as in Geant4's <c>G4GammaConversionToMuons::PostStepDoIt</c>:
/// t by rejection from (1 − 2x₊x₋ + 4x₊x₋t(1 − t))/(1 + C₁/t²)², ψ by rejection from
/// 1 − 2x₊x₋ + 4x₊x₋t(1 − t)(1 + cos 2ψ), ρ by direct inversion of its distribution on [0, ρ_max].
/// </summary>
public static class MuonPairSampler
{
    private static readonly double SqrtE = Math.Sqrt(Math.E);

    /// <summary>Samples x₊ only.</summary>
    public static double SampleXPlus(double kGeV, int z, double a, ref EventRng rng)
    {
        var (lo, hi) = MuonPairCrossSection.XPlusRange(kGeV);
        if (!(hi > lo)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, $"γ → μμ needs k > 4m_μ = {MuonPairCrossSection.ThresholdGeV:G4} GeV");
        double logWMax = MuonPairCrossSection.LogW(kGeV, z, a, 0.5);
        if (!(logWMax > 0)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, "dσ/dx₊ vanishes everywhere at this photon energy");
        while (true)
        {
            double x = lo + (hi - lo) * rng.NextDouble();
            double f = (1 - 4.0 / 3.0 * x * (1 - x)) * MuonPairCrossSection.LogW(kGeV, z, a, x) / logWMax;
            if (rng.NextDouble() < f) return x;
        }
    }

    /// <summary>Samples x₊ from dσ/dx₊ restricted to the two ends of its range, x₊ − x_min &lt; <paramref name="width"/> or
    /// x_max − x₊ &lt; <paramref name="width"/> (one muon with less than width × k above the kinematic minimum): the same
    /// rejection as <see cref="SampleXPlus"/> with the proposal uniform on the ends.</summary>
    public static double SampleXPlusAtEnds(double kGeV, int z, double a, double width, ref EventRng rng)
    {
        var (lo, hi) = MuonPairCrossSection.XPlusRange(kGeV);
        if (!(hi > lo)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, $"γ → μμ needs k > 4m_μ = {MuonPairCrossSection.ThresholdGeV:G4} GeV");
        if (!(width > 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "the ends need a width > 0");
        double w = Math.Min(width, 0.5 * (hi - lo));
        double logWMax = MuonPairCrossSection.LogW(kGeV, z, a, 0.5);
        if (!(logWMax > 0)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, "dσ/dx₊ vanishes everywhere at this photon energy");
        while (true)
        {
            double u = 2 * w * rng.NextDouble();
            double x = u < w ? lo + u : hi - (u - w);
            double f = (1 - 4.0 / 3.0 * x * (1 - x)) * MuonPairCrossSection.LogW(kGeV, z, a, x) / logWMax;
            if (rng.NextDouble() < f) return x;
        }
    }

    /// <summary>Samples x₊ and the muon angles for a photon of energy k on element (Z, A).</summary>
    public static MuonPair Sample(double kGeV, int z, double a, ref EventRng rng) =>
        SampleAngles(kGeV, z, a, SampleXPlus(kGeV, z, a, ref rng), ref rng);

    /// <summary>Samples the muon angles for a photon of energy k on element (Z, A) given the energy fraction
    /// <paramref name="xPlus"/> of the μ⁺.</summary>
    public static MuonPair SampleAngles(double kGeV, int z, double a, double xPlus, ref EventRng rng)
    {
        double xMinus = 1 - xPlus, xpm = xPlus * xMinus;
        double mu = PhysicalConstants.MuonMassGeV;
        double a027 = Math.Pow(a, 0.27);
        double zThird = Math.Pow(z, -1.0 / 3);
        double gammaMuonInv = mu / kGeV;
        double c1Sqrt = 0.20 * a027 * gammaMuonInv / (2 * xpm);
        double c1 = c1Sqrt * c1Sqrt;
        double c2Term2 = PhysicalConstants.ElectronMassGeV / (183.0 * zThird * mu);
        while (true)
        {
            // t: density ∝ (1 − 2x₊x₋ + 4x₊x₋ t(1 − t)) / (1 + C₁/t²)², bounded by (1 − x₊x₋)/(1 + C₁)².
            double t, f1Max = (1 - xpm) / ((1 + c1) * (1 + c1));
            do
            {
                t = rng.NextDoubleOpenZero();
                double den = 1 + c1 / (t * t);
                double f1 = (1 - 2 * xpm + 4 * xpm * t * (1 - t)) / (den * den);
                if (rng.NextDouble() * f1Max <= f1) break;
            }
            while (true);

            // ψ: density ∝ 1 − 2x₊x₋ + 4x₊x₋ t(1 − t)(1 + cos 2ψ), bounded by 1 − 2x₊x₋(1 − 4t(1 − t)).
            double psi, f2Max = 1 - 2 * xpm * (1 - 4 * t * (1 - t));
            do
            {
                psi = 2 * Math.PI * rng.NextDouble();
                double f2 = 1 - 2 * xpm + 4 * xpm * t * (1 - t) * (1 + Math.Cos(2 * psi));
                if (rng.NextDouble() * f2Max <= f2) break;
            }
            while (true);

            // ρ: direct transformation, ρ⁴ = C₂ (exp(β u) − 1), β = ln((C₂ + ρ_max⁴)/C₂).
            double c2Term1 = gammaMuonInv / (2 * xpm * t);
            double c2 = 4 / Math.Sqrt(xpm) * Math.Pow(c2Term1 * c2Term1 + c2Term2 * c2Term2, 2);
            double rhoMax = 1.9 / a027 * (1 / t - 1);
            double beta = Math.Log((c2 + Math.Pow(rhoMax, 4)) / c2);
            double rho = Math.Pow(c2 * (Math.Exp(beta * rng.NextDouble()) - 1), 0.25);

            double u = Math.Sqrt(1 / t - 1);
            double xiHalf = 0.5 * rho * Math.Cos(psi);
            double phiHalf = 0.5 * rho / u * Math.Sin(psi);
            double thetaPlus = gammaMuonInv * (u + xiHalf) / xPlus;
            double thetaMinus = gammaMuonInv * (u - xiHalf) / xMinus;
            if (Math.Abs(thetaPlus) > Math.PI || Math.Abs(thetaMinus) > Math.PI) continue;

            double phi0 = 2 * Math.PI * rng.NextDouble();
            // μ⁻ direction is written with −sin θ₋: a negative θ₋ (from ξ > u) flips it to the μ⁺ side.
            double phiPlus = phi0 + phiHalf, phiMinus = phi0 - phiHalf + Math.PI;
            return new MuonPair(xPlus, thetaPlus, thetaMinus, phiPlus, phiMinus);
        }
    }
}

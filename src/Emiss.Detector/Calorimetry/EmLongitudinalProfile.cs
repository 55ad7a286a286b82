using Emiss.Core.Numerics;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Longitudinal EM profile dE/dt = E₀ b(bt)^{a−1}e^{−bt}/Γ(a) (PDG review "Passage of particles through matter",
/// eq. 34.36), t in radiation lengths, b = 0.5, t_max = (a−1)/b = ln(E₀/E_c) + C with C = −0.5 (e±), +0.5 (γ)
/// (docs/physics/validation-anchors.md#v5). Shower-to-shower fluctuations: ln t_max is Gaussian with σ = 1/(−1.4 + 1.26 ln y), y = E₀/E_c
/// (Grindhammer &amp; Peters, hep-ex/0001020, GFlash homogeneous-media fluctuation of ln T).
/// </summary>
public static class EmLongitudinalProfile
{
    /// <summary>Slope parameter b (PDG: ≈ 0.5 for heavy absorbers).</summary>
    public const double B = 0.5;

    /// <summary>Mean depth of the maximum t_max in X0 for a shower of <paramref name="energyGeV"/> started by
    /// an electron/positron (<paramref name="photon"/> false) or a photon.</summary>
    public static double MeanTmax(double energyGeV, double criticalEnergyGeV, bool photon) =>
        Math.Log(energyGeV / criticalEnergyGeV) + (photon ? 0.5 : -0.5);

    /// <summary>σ of ln t_max (GFlash), clamped to [0.05, 0.5] where the fit is undefined (y ≲ 10).</summary>
    public static double SigmaLnTmax(double energyGeV, double criticalEnergyGeV)
    {
        double lny = Math.Log(energyGeV / criticalEnergyGeV);
        double denom = -1.4 + 1.26 * lny;
        return denom > 2.0 ? Math.Clamp(1.0 / denom, 0.05, 0.5) : 0.5;
    }

    /// <summary>Shape parameter a = 1 + b t_max (t_max floored at 0.1 X0 for very low energies).</summary>
    public static double ShapeA(double tmax) => 1.0 + B * Math.Max(tmax, 0.1);

    /// <summary>Fraction of the energy deposited between depths t1 and t2 (X0) for shape a.</summary>
    public static double FractionBetween(double a, double t1, double t2) =>
        SpecialFunctions.RegularizedP(a, B * t2) - SpecialFunctions.RegularizedP(a, B * t1);
}

using Emiss.Core.Numerics;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Longitudinal hadron-shower profile of Bock, Hansl-Kozanecka &amp; Shah, NIM 186 (1981) 533 (as used in GEANT3's
/// GHEISHA-free fast simulation and GFlash): dE/dx = K[w(x/X0)^{a−1}e^{−b x/X0} + (1−w)(x/λ)^{a−1}e^{−d x/λ}],
/// a = 0.6165 + 0.3183 ln E, b = 0.2198, d = 0.9099 − 0.0237 ln E, w = 0.4634 (E in GeV, x from the first
/// interaction). Each term is a gamma density, so the energy between two depths is a sum of two regularized
/// incomplete gamma differences; the energy share of the X0 term is
/// f₁ = w X0 Γ(a) b^{−a} / [w X0 Γ(a) b^{−a} + (1−w) λ Γ(a) d^{−a}].
/// </summary>
public readonly record struct BockHadronProfile
{
    /// <summary>Builds the profile for energy <paramref name="energyGeV"/> in a medium with X0 and λ_I (cm).</summary>
    public BockHadronProfile(double energyGeV, double x0Cm, double lambdaCm)
    {
        double le = Math.Log(Math.Max(energyGeV, 1.0));
        A = 0.6165 + 0.3183 * le;
        Bx = 0.2198;
        D = 0.9099 - 0.0237 * le;
        const double w = 0.4634;
        double t1 = w * x0Cm * Math.Pow(Bx, -A);
        double t2 = (1 - w) * lambdaCm * Math.Pow(D, -A);
        FractionX0Term = t1 / (t1 + t2);
        _logGammaA = SpecialFunctions.LogGamma(A);
    }

    // ln Γ(a), shared by the four incomplete gamma functions of every FractionBetween (each region of the stack).
    private readonly double _logGammaA;

    /// <summary>Shape parameter a.</summary>
    public double A { get; }

    /// <summary>Slope b of the X0 term (per X0).</summary>
    public double Bx { get; }

    /// <summary>Slope d of the λ term (per λ_I).</summary>
    public double D { get; }

    /// <summary>Energy share f₁ of the X0 term.</summary>
    public double FractionX0Term { get; }

    /// <summary>Fraction of the energy between depths measured from the interaction point, given both in X0
    /// (<paramref name="x1"/>, <paramref name="x2"/>) and in λ_I (<paramref name="l1"/>, <paramref name="l2"/>).</summary>
    public double FractionBetween(double x1, double x2, double l1, double l2) =>
        FractionX0Term * (SpecialFunctions.RegularizedP(A, Bx * x2, _logGammaA) - SpecialFunctions.RegularizedP(A, Bx * x1, _logGammaA))
        + (1 - FractionX0Term) * (SpecialFunctions.RegularizedP(A, D * l2, _logGammaA) - SpecialFunctions.RegularizedP(A, D * l1, _logGammaA));

    /// <summary>Depth of the maximum along x in cm for a medium with X0 and λ (numerical, for validation).</summary>
    public double MeanDepthLambda(double x0Cm, double lambdaCm) =>
        // Mean of a gamma(a, rate) is a/rate: X0 term a/b X0, λ term a/d λ; convert to λ units.
        (FractionX0Term * A / Bx * x0Cm + (1 - FractionX0Term) * A / D * lambdaCm) / lambdaCm;
}

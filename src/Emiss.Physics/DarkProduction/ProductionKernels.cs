using Emiss.Core.Constants;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// The WW/IWW kernels of docs/physics/dark-production-ww.md#formula with the electron mass kept (BEST, PRD 80, 075018;
/// Gninenko et al., PLB 782, 406 (2018); DMG4, CPC 269, 108129 (2021), with the pitfalls listed in
/// docs/physics/dark-production.md#pitfalls-in-public-code corrected). Masses in GeV, U in GeV², x = E_X/E.
/// </summary>
public static class ProductionKernels
{
    /// <summary>α³, the coupling factor of every e Z → e Z X cross section at ε = 1 (docs/physics/dark-production-ww.md#formula).</summary>
    public const double Alpha3 = PhysicalConstants.Alpha * PhysicalConstants.Alpha * PhysicalConstants.Alpha;

    private const double Me = PhysicalConstants.ElectronMassGeV;
    private const double Me2 = Me * Me;

    /// <summary>u(x) = U(x, 0) = m²(1−x)/x + m_e² x, GeV² (docs/physics/dark-production.md#kinematics).</summary>
    public static double MinimalVirtuality(double x, double massGeV) =>
        massGeV * massGeV * (1.0 - x) / x + Me2 * x;

    /// <summary>β = sqrt(1 − m²/(xE)²); 0 below threshold.</summary>
    public static double Beta(double x, double leptonGeV, double massGeV)
    {
        double r = massGeV / (x * leptonGeV);
        return r >= 1.0 ? 0.0 : Math.Sqrt((1.0 - r) * (1.0 + r));
    }

    /// <summary>
    /// K(x, U) with d²σ/(dx dcosθ) = α³ε² E² x β χ · K (GeV⁻⁴ per unit χ). Vector: BEST with m_e kept
    /// (PLB 782, 406); S, P, A: DMG4 forms with the pseudoscalar 1/x and axial m_e²x²/(m²U²) corrections
    /// of docs/physics/dark-production-ww.md#formula. The C/U⁴ term is expanded as [(1−x)²m² + (1−x)m_e²x²]/U⁴ − x(1−x)/U³ so that
    /// no 1/(1−x) appears.
    /// </summary>
    public static double DoubleDifferentialKernel(Mediator mediator, double x, double u, double massGeV)
    {
        double m2 = massGeV * massGeV, w = 1.0 - x;
        double u2 = u * u;
        // (1−x)² C = (1−x)² m² − U x (1−x) + m_e² x² (1−x)
        double w2c = (w * w * m2 + w * Me2 * x * x) / (u2 * u2) - x * w / (u2 * u);
        return mediator switch
        {
            Mediator.Vector => 8.0 * ((1.0 - x + 0.5 * x * x) / u2 + (m2 + 2.0 * Me2) * w2c),
            Mediator.Scalar => 4.0 * (0.5 * x * x / u2 + (m2 - 4.0 * Me2) * w2c),
            Mediator.Pseudoscalar => 4.0 * (0.5 * x * x / u2 + m2 * w2c),
            Mediator.AxialVector => 8.0 * ((1.0 - x + 0.5 * x * x) / u2 + Me2 * x * x / (m2 * u2) + (m2 - 4.0 * Me2) * w2c),
            _ => throw new NotSupportedException($"mediator {mediator} has no WW kernel"),
        };
    }

    /// <summary>
    /// S(x) with the IWW single differential dσ/dx = α³ε² β χ · S(x) (GeV⁻²), the exact angular integral
    /// of <see cref="DoubleDifferentialKernel"/> at fixed χ (docs/physics/dark-production-iww.md#formula).
    /// </summary>
    public static double IwwShape(Mediator mediator, double x, double massGeV)
    {
        double u = MinimalVirtuality(x, massGeV), u2 = u * u, m2 = massGeV * massGeV;
        return mediator switch
        {
            Mediator.Vector => 2.0 / 3.0 * (2.0 * u * (3.0 - 3.0 * x + x * x) + Me2 * x * (x * x + 2.0 * x - 2.0)) / u2,
            Mediator.Scalar => 1.0 / 3.0 * x * (2.0 * x * u + Me2 * (2.0 - x) * (2.0 - x)) / u2,
            // Pitfall 1 of docs/physics/dark-production.md#pitfalls-in-public-code: no stray 1/x (x³/(1−x) at m ≫ m_e, as the double differential implies).
            Mediator.Pseudoscalar => 1.0 / 3.0 * x * x * (2.0 * u + Me2 * x) / u2,
            Mediator.AxialVector => 2.0 / 3.0 * ((2.0 * u * (3.0 - 3.0 * x + x * x) + Me2 * x * (2.0 - x) * (2.0 - x)) / u2
                                                 + 6.0 * Me2 * x * x / (m2 * u)),
            _ => throw new NotSupportedException($"mediator {mediator} has no IWW shape"),
        };
    }

    /// <summary>Leading-log prefactor C: σ_LL = C α³ε² χ_el β0 ln(1/δ)/m²; C_V = C_A = 4/3, C_S = C_P = 2/3 (BEST; docs/physics/dark-production-iww.md#leading-log-total).</summary>
    public static double LeadingLogPrefactor(Mediator mediator) => mediator switch
    {
        Mediator.Vector or Mediator.AxialVector => 4.0 / 3.0,
        Mediator.Scalar or Mediator.Pseudoscalar => 2.0 / 3.0,
        _ => throw new NotSupportedException($"mediator {mediator} has no leading-log prefactor"),
    };

    /// <summary>Short run-card stem of a mediator: "vector", "scalar", "pseudoscalar", "axial".</summary>
    public static string Stem(Mediator mediator) => mediator switch
    {
        Mediator.Vector => "vector",
        Mediator.Scalar => "scalar",
        Mediator.Pseudoscalar => "pseudoscalar",
        Mediator.AxialVector => "axial",
        _ => throw new NotSupportedException($"mediator {mediator} has no name"),
    };
}

using Emiss.Core.Constants;
using Emiss.Physics.DarkProduction;
using Emiss.Core.Numerics;

namespace Emiss.Physics.MuonAnomaly;

/// <summary>
/// One-loop contributions of a light boson to a_μ. Vector: Δa_μ = (αε²/2π) F_V(m/m_μ),
/// F_V(r) = ∫₀¹ dz 2z(1−z)²/[(1−z)² + r²z] (Pospelov, PRD 80, 095002 (2009), Eq. 3). Scalar with
/// g²/4π = ε²α: Δa_μ = (g²/8π²) ∫₀¹ dz (1−z)²(1+z)/[(1−z)² + r²z] (Leveille, NPB 137, 63 (1978)).
/// </summary>
public static class MuonAnomalyCalculator
{
    private const int Panels = 24;
    private const double LogCut = -35.0;

    /// <summary>F_V(r); → 1 − πr for r → 0 and → 2/(3r²) for r → ∞.</summary>
    public static double VectorLoopFunction(double r) =>
        Integrate(z => 2.0 * z, r);

    /// <summary>F_S(r) = ∫₀¹ dz (1−z)²(1+z)/[(1−z)² + r²z]; → 3/2 for r → 0.</summary>
    public static double ScalarLoopFunction(double r) =>
        Integrate(z => 1.0 + z, r);

    /// <summary>
    /// ∫₀¹ dz g(z)(1−z)²/[(1−z)² + r²z]. The integrand has structure at 1−z ~ r (light bosons) and
    /// z ~ 1/r² (heavy ones), so each half of [0, 1] is integrated in the log of the distance to its
    /// end point, down to e^-35 (the integrand vanishes there at least linearly).
    /// </summary>
    private static double Integrate(Func<double, double> g, double r)
    {
        double r2 = r * r;
        double F(double z, double w) => g(z) * w * w / (w * w + r2 * z);
        double low = GaussLegendre.Integrate(l => { double z = Math.Exp(l); return z * F(z, 1.0 - z); }, LogCut, Math.Log(0.5), Panels);
        double high = GaussLegendre.Integrate(l => { double w = Math.Exp(l); return w * F(1.0 - w, w); }, LogCut, Math.Log(0.5), Panels);
        return low + high;
    }

    /// <summary>Δa_μ of a vector of mass m (GeV) and kinetic mixing ε.</summary>
    public static double VectorContribution(double massGeV, double epsilon) =>
        PhysicalConstants.Alpha * epsilon * epsilon / (2 * Math.PI) * VectorLoopFunction(massGeV / PhysicalConstants.MuonMassGeV);

    /// <summary>Δa_μ of a scalar of mass m (GeV) with g²/4π = ε²α, i.e. g²/8π² = αε²/2π.</summary>
    public static double ScalarContribution(double massGeV, double epsilon) =>
        PhysicalConstants.Alpha * epsilon * epsilon / (2 * Math.PI) * ScalarLoopFunction(massGeV / PhysicalConstants.MuonMassGeV);

    /// <summary>The vector ε giving Δa_μ = <paramref name="deltaAmu"/> at mass m (GeV); NaN for Δa_μ ≤ 0.</summary>
    public static double VectorEpsilonFor(double massGeV, double deltaAmu) =>
        deltaAmu > 0
            ? Math.Sqrt(deltaAmu * 2 * Math.PI / (PhysicalConstants.Alpha * VectorLoopFunction(massGeV / PhysicalConstants.MuonMassGeV)))
            : double.NaN;

    /// <summary>
    /// The coupling that gives Δa_μ = <paramref name="deltaAmu"/> at mass m (GeV) for a mediator, using Δa_μ ∝ ε²;
    /// null for pseudoscalar and axial-vector, whose one-loop contributions are negative (Leveille 1978) and
    /// cannot explain Δa_μ &gt; 0; NaN for Δa_μ ≤ 0.
    /// </summary>
    public static double? EpsilonFor(Mediator mediator, double massGeV, double deltaAmu)
    {
        double? unit = mediator switch
        {
            Mediator.Vector => VectorContribution(massGeV, 1.0),
            Mediator.Scalar => ScalarContribution(massGeV, 1.0),
            _ => null,
        };
        return unit is { } u ? (deltaAmu > 0 ? Math.Sqrt(deltaAmu / u) : double.NaN) : null;
    }

    /// <summary>The ±2σ band of vector couplings at mass m (GeV) for a measurement (default BNL 288 ± 80).</summary>
    public static MuonAnomalyBand VectorBand(double massGeV, MuonAnomalyMeasurement? measurement = null)
    {
        MuonAnomalyMeasurement d = measurement ?? MuonAnomalyMeasurement.For(MuonG2Era.Bnl2016);
        double lo = d.Central - 2 * d.Sigma;
        return new MuonAnomalyBand(massGeV, lo > 0 ? VectorEpsilonFor(massGeV, lo) : 0.0,
                                   VectorEpsilonFor(massGeV, d.Central), VectorEpsilonFor(massGeV, d.Central + 2 * d.Sigma));
    }
}

using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Processes;

/// <summary>Hydrogen's screening functions from its exact form factors (docs/physics/bremsstrahlung.md#hydrogen).</summary>
public sealed class HydrogenScreeningTests
{
    [Fact]
    public void Complete_screening_gives_tsais_radiation_logarithms_for_hydrogen()
    {
        // Tsai, RMP 46, 815 (1974), Table B.2, Z = 1: L_rad = 5.31, L′_rad = 6.144 (to the digits printed).
        (double phi1, double phi12, double psi1, double psi12) = HydrogenScreening.At(1e-12);
        Tolerance.Abs(0.005, "Tsai Table B.2 prints 5.31").AssertClose(5.31, phi1 / 4.0, "L_rad(H)");
        Tolerance.Abs(0.0005, "Tsai Table B.2 prints 6.144").AssertClose(6.144, psi1 / 4.0, "L′_rad(H)");
        // φ1 − φ2 = ψ1 − ψ2 = 2/3 at complete screening (the (1/9)(1 − y) term of Tsai's eq. 3.83).
        Tolerance.Abs(1e-3, "complete-screening limit of the φ2 kernel").AssertClose(2.0 / 3.0, phi12, "φ1 − φ2");
        Tolerance.Abs(1e-3, "complete-screening limit of the ψ2 kernel").AssertClose(2.0 / 3.0, psi12, "ψ1 − ψ2");
    }

    [Fact]
    public void Without_screening_the_functions_are_bethe_heitlers()
    {
        // δ well above the atom's momentum scale 2α: the integrals with F = 0 in closed form,
        // φ1 = 4 ln(1/δ) − 2 + 8δ − 2δ², φ2 = 4 ln(1/δ) − 2 + 12δ² ln(1/δ) + (16/3)δ³, and ψ the same.
        foreach (double delta in new[] { 0.2, 0.5 })
        {
            (double phi1, double phi12, double psi1, double psi12) = HydrogenScreening.At(delta);
            double l = Math.Log(1.0 / delta);
            double bare1 = 4.0 * l - 2.0 + 8.0 * delta - 2.0 * delta * delta;
            double bare2 = 4.0 * l - 2.0 + 12.0 * delta * delta * l + 16.0 / 3.0 * delta * delta * delta;
            var tol = Tolerance.Abs(2e-3, "residual screening, ∫(2F) dq/q from δ on ≈ 2(2α/δ)⁴/4 < 10⁻⁴, plus interpolation");
            tol.AssertClose(bare1, phi1, $"φ1({delta})");
            tol.AssertClose(bare1, psi1, $"ψ1({delta})");
            tol.AssertClose(bare1 - bare2, phi12, $"φ1 − φ2 ({delta})");
            tol.AssertClose(bare1 - bare2, psi12, $"ψ1 − ψ2 ({delta})");
        }
    }

    [Fact]
    public void Screening_terms_fall_with_delta_and_the_differences_are_bounded_from_above()
    {
        // TsaiBracketBoundAbove relies on φ1 and ψ1 decreasing with the photon energy, i.e. with δ, and on the bound of
        // the differences over all larger δ (for hydrogen they dip slightly below zero at δ ≈ 0.002–0.005 and rise to
        // ≈ 0.7 without screening).
        double previousPhi = double.MaxValue, previousPsi = double.MaxValue;
        for (double lnDelta = Math.Log(1e-9); lnDelta < Math.Log(0.999); lnDelta += 0.01)
        {
            double delta = Math.Exp(lnDelta);
            (double phi1, _, double psi1, _) = HydrogenScreening.At(delta);
            Assert.True(phi1 <= previousPhi && psi1 <= previousPsi, $"φ1 or ψ1 rises at δ = {delta}");
            (previousPhi, previousPsi) = (phi1, psi1);
            for (double later = delta; later < 1.0; later *= 1.05)
            {
                (_, double p12, _, double s12) = HydrogenScreening.At(later);
                (double b12, double c12) = HydrogenScreening.DifferencesBoundFrom(delta);
                Assert.True(p12 <= b12 + 1e-12 && s12 <= c12 + 1e-12, $"difference bound from δ = {delta} exceeded at {later}");
            }
        }
    }
}

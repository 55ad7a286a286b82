namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// End point and direction of a condensed-history step that is split into two halves, each with its own sampled
/// multiple-scattering deflection: the electron-step algorithm of Kawrakow and Bielajew (NIM B 142, 253 (1998);
/// I. Kawrakow, Med. Phys. 27, 485 (2000), the PRESTA-II algorithm of EGSnrc). The end point is a four-segment path of
/// length s: (1 − η)/2 along the initial direction, ηδ along the direction after the first deflection, η(1 − δ)
/// along the second half's deflection (its polar part taken relative to the initial axis), and (1 − η)/2 along the final
/// direction, with η drawn from p(η) = 2η and
/// δ = ½ + 1/√6 − (1/(4√6) − (4 − √6)/(24√6) · G2/G1) τ chosen so that the first and second moments of the position
/// (⟨z⟩, ⟨z²⟩, ⟨x² + y²⟩, ⟨x·u⟩) are those of the exact Goudsmit–Saunderson transport to second order in τ = s/λ1.
/// Unlike Urban's mean projection, where the particle ends at ⟨z⟩ whatever direction it leaves with, the depth reached is
/// correlated with the final direction, which is what backscattering and the crossing of thin layers depend on.
/// </summary>
public static class ElectronStepPosition
{
    // δ(τ) = 0.9082483 − (0.1020621 − 0.0263747 G2/G1) τ: ½ + √6/6, 1/(4√6) and (4 − √6)/(24√6) (Kawrakow 2000, without
    // the energy-loss terms; the two half-steps here are sampled with their own energies instead).
    private const double DeltaZero = 0.9082483, DeltaSlope = 0.1020621, DeltaG2Slope = 0.0263747;

    /// <summary>
    /// The end point (in units of the true path s) and the final direction, both in the frame where the initial direction
    /// is +z, for half-step deflections <paramref name="first"/> and <paramref name="second"/> (each θ relative to the
    /// direction at the start of its half, φ about it), τ = s/λ1 of the whole step, G2/G1 of the elastic cross section
    /// (<paramref name="g2OverG1"/>) and a uniform random number <paramref name="uniform"/> ∈ [0, 1).
    /// </summary>
    public static (double X, double Y, double Z, double Ux, double Uy, double Uz) Sample(in ScatteringSample first,
        in ScatteringSample second, double tau, double g2OverG1, double uniform)
    {
        // Final direction: the second deflection applied in the frame of the direction after the first.
        double u2 = second.SinTheta * second.CosPhi, v2 = second.SinTheta * second.SinPhi;
        double u2p = first.CosTheta * u2 + first.SinTheta * second.CosTheta;
        double ux = u2p * first.CosPhi - v2 * first.SinPhi;
        double uy = u2p * first.SinPhi + v2 * first.CosPhi;
        double uz = first.CosTheta * second.CosTheta - first.SinTheta * u2;
        double eta = Math.Sqrt(uniform);
        double eta1 = 0.5 * (1.0 - eta);
        // δ ∈ [0, 1] keeps the segment lengths non-negative; it leaves [0, 1] only for τ ≳ 9, where the direction is
        // already isotropic and the end point no longer correlated with it.
        double delta = Math.Clamp(DeltaZero - (DeltaSlope - DeltaG2Slope * g2OverG1) * tau, 0.0, 1.0);
        double b = eta * delta, c = eta * (1.0 - delta);
        double w1v2 = first.CosTheta * v2;
        double x = b * first.SinTheta * first.CosPhi + c * (first.CosPhi * u2 - first.SinPhi * w1v2) + eta1 * ux;
        double y = b * first.SinTheta * first.SinPhi + c * (first.SinPhi * u2 + first.CosPhi * w1v2) + eta1 * uy;
        double z = eta1 + b * first.CosTheta + c * second.CosTheta + eta1 * uz;
        return (x, y, z, ux, uy, uz);
    }

    /// <summary>
    /// G2/G1 of the screened (Wentzel) Rutherford cross section with screening parameter <paramref name="screening"/> A,
    /// where G_l = ∫(1 − P_l(cos θ)) dσ/dΩ dΩ / σ: G1 = 2A[(1 + A) ln(1 + 1/A) − 1], G2 = 6A(1 + A)[(1 + 2A) ln(1 + 1/A) − 2]
    /// (Kawrakow and Bielajew 1998). It tends to 3 (ln(1/A) − 2)/(ln(1/A) − 1) for A → 0 and to 1 for A → ∞ (isotropic
    /// scattering, where every G_l = 1).
    /// </summary>
    public static double G2OverG1(double screening)
    {
        double a = screening, l = Math.Log(1.0 + 1.0 / a);
        return 3.0 * (1.0 + a) * ((1.0 + 2.0 * a) * l - 2.0) / ((1.0 + a) * l - 1.0);
    }
}

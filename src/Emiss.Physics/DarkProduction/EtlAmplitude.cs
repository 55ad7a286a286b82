namespace Emiss.Physics.DarkProduction;

/// <summary>
/// The φ_q-dependence of the squared amplitude at one (x, y): Φ(s̃)·(8M²)⁻¹ = A₀ + A₁s̃ + A₋₁/s̃ + A₋₂/s̃², s̃ = (p′ + k)² − m_l²,
/// with A₋₂ = a20 + a21 t, A₋₁ = b0 + b1 t + b2 t², A₀ = c0 + c1 t (1/(8M²) folded in). Φ is half the spin-summed lepton
/// trace contracted with the nucleus current (P + P′) and, for the vector and axial vector, summed over polarisations
/// (docs/physics/dark-production-etl.md#kinematics-and-amplitude, #spin-0-amplitudes, #axial-vector-amplitude).
/// </summary>
internal readonly record struct EtlAmplitude(double A20, double A21, double A1, double B0, double B1, double B2, double C0, double C1)
{
    /// <summary>Φ(s̃)/(8M²) at momentum transfer t.</summary>
    public double PhiOver8M2(double t, double s) => C0 + C1 * t + A1 * s + (B0 + t * (B1 + t * B2)) / s + (A20 + A21 * t) / (s * s);

    /// <summary>Φ/(8M²) averaged over φ_q, s̃ = Y + b cos φ_q: ⟨s̃⟩ = Y, ⟨1/s̃⟩ = 1/√W, ⟨1/s̃²⟩ = Y/W^{3/2}, W = Y² − b².</summary>
    public double PhiAveraged(double t, double y, double invSqrtW) =>
        C0 + C1 * t + y * A1 + (B0 + t * (B1 + t * B2)) * invSqrtW + y * (A20 + A21 * t) * invSqrtW * invSqrtW * invSqrtW;

    /// <summary>The coefficients for lepton energy E and mass m_l, boson mass m, nucleus mass M, w = 1 − x and ũ = (p − k)² − m_l².</summary>
    public static EtlAmplitude For(Mediator mediator, double e, double ml, double m, double bigM, double w, double ut)
    {
        double x = 1.0 - w, m2 = m * m, ml2 = ml * ml;
        double a20, a21, a1, b0, b1, b2, c0, c1;
        double m2Big = bigM * bigM, e2 = e * e, eM = e * bigM;
        double invUt = 1.0 / ut;
        double inv8M2 = 1.0 / (8.0 * m2Big);
        if (mediator == Mediator.Vector)
        {
            double mu = m2 + 2.0 * ml2;
            // The amplitude coefficients of docs/physics/dark-production-etl.md#kinematics-and-amplitude expanded in powers of t (x − 1 = −w), so the
            // t loop evaluates polynomials:
            //   A₋₂ = −8Mμ[4E²M − t(2E + M)]                     = a20 + a21 t
            //   A₁  = 8M²/ũ
            //   A₋₁ = (8/ũ)(b0 + b1 t + b2 t²),  b0 = M²(ũ² − 8E²wμ),
            //         b1 = M²(2ũ − 4E²(x² − 2x + 2) + 4m_l² − 2m²) − 2EM(wũ + (x − 2)μ),  b2 = 2M² − 2EM(x − 2) + ũ − m²
            //   A₀  = (8/ũ²)(c0 + c1 t),  c0 = −4M²E²w²μ,  c1 = M²(2ũ + μ) + 2EM(ũ + wμ)
            // and Φ = [A₀ + Y A₁ + A₋₁/√W + Y A₋₂/W^{3/2}]/(8M²) is assembled with 1/(8M²) folded in.
            a20 = -32.0 * bigM * mu * e2 * bigM * inv8M2;
            a21 = 8.0 * bigM * mu * (2.0 * e + bigM) * inv8M2;
            a1 = 8.0 * m2Big * invUt * inv8M2;
            double bScale = 8.0 * invUt * inv8M2;
            b0 = bScale * m2Big * (ut * ut - 8.0 * e2 * w * mu);
            b1 = bScale * (m2Big * (2.0 * ut - 4.0 * e2 * (x * x - 2.0 * x + 2.0) + 4.0 * ml2 - 2.0 * m2)
                           - 2.0 * eM * (w * ut + (x - 2.0) * mu));
            b2 = bScale * (2.0 * m2Big - 2.0 * eM * (x - 2.0) + ut - m2);
            double cScale = 8.0 * invUt * invUt * inv8M2;
            c0 = cScale * (-4.0 * m2Big * e2 * w * w * mu);
            c1 = cScale * (m2Big * (2.0 * ut + mu) + 2.0 * eM * (ut + w * mu));
        }
        else if (mediator == Mediator.AxialVector)
        {
            // Axial vector (docs/physics/dark-production-etl.md#axial-vector-amplitude): vertex γ^α γ⁵, polarisation sum
            // −g^{αβ} + k^α k^β/m² (the axial current is not conserved for massive leptons), Φ = T/2; ν = m² − 4m_l²,
            // μ = m² + 2m_l², r = m_l²/m²:
            //   A₋₂ = −8Mν[4E²M − t(2E + M)],  A₁ = (8M²/ũ)(μ/m²),
            //   A₋₁ = (8M²/ũ)(ũ²μ/m² − 8E²wν) − (16M/ũ) t [2E²M(1 + w²) + 4E²M r x² − E(1 + w)ν + Eũ(μw − 2m_l²)/m² + M(ν − ũ)]
            //         + (8/ũ) t² [2EM(1 + w) + 2M² − ν + ũ],
            //   A₀  = (32M²/ũ²)(r ũ² − E²w²ν) + (8M/ũ²) t [2Ewν + 2Eũ + 4E r ũ x + Mν + 2Mũ]
            double nu = m2 - 4.0 * ml2, mu = m2 + 2.0 * ml2, r = ml2 / m2;
            a20 = -32.0 * m2Big * nu * e2 * inv8M2;
            a21 = 8.0 * bigM * nu * (2.0 * e + bigM) * inv8M2;
            a1 = 8.0 * m2Big * invUt * (mu / m2) * inv8M2;
            b0 = 8.0 * m2Big * invUt * (ut * ut * mu / m2 - 8.0 * e2 * w * nu) * inv8M2;
            b1 = -16.0 * bigM * invUt * (2.0 * e2 * bigM * (1.0 + w * w) + 4.0 * e2 * bigM * r * x * x - e * (1.0 + w) * nu
                                        + e * ut * (mu * w - 2.0 * ml2) / m2 + bigM * (nu - ut)) * inv8M2;
            b2 = 8.0 * invUt * (2.0 * eM * (1.0 + w) + 2.0 * m2Big - nu + ut) * inv8M2;
            c0 = 32.0 * m2Big * invUt * invUt * (r * ut * ut - e2 * w * w * nu) * inv8M2;
            c1 = 8.0 * bigM * invUt * invUt * (2.0 * e * w * nu + 2.0 * e * ut + 4.0 * e * r * ut * x + bigM * nu + 2.0 * bigM * ut) * inv8M2;
        }
        else
        {
            // Spin 0 (docs/physics/dark-production-etl.md#spin-0-amplitudes): half the lepton trace, Φ = T/2 as for the vector,
            // with ν = m² − 4m_l² (scalar) or m² (pseudoscalar):
            //   A₋₂ = −4Mν[4E²M − t(2E + M)],  A₁ = 4M²/ũ,
            //   A₋₁ = (4M/ũ){M(ũ² − 8E²wν) + t[2Eũx + 2Mν − 4E²Mx² − 2E(x − 2)ν]},
            //   A₀  = (4M/ũ²){2M(ũ² − 2E²w²ν) + t[2Ewν + 2Eũx + Mν]}
            double nu = mediator == Mediator.Scalar ? m2 - 4.0 * ml2 : m2;
            a20 = -16.0 * m2Big * nu * e2 * inv8M2;
            a21 = 4.0 * bigM * nu * (2.0 * e + bigM) * inv8M2;
            a1 = 4.0 * m2Big * invUt * inv8M2;
            double bScale = 4.0 * bigM * invUt * inv8M2;
            b0 = bScale * bigM * (ut * ut - 8.0 * e2 * w * nu);
            b1 = bScale * (2.0 * e * ut * x + 2.0 * bigM * nu - 4.0 * e2 * bigM * x * x - 2.0 * e * (x - 2.0) * nu);
            b2 = 0.0;
            double cScale = 4.0 * bigM * invUt * invUt * inv8M2;
            c0 = cScale * 2.0 * bigM * (ut * ut - 2.0 * e2 * w * w * nu);
            c1 = cScale * (2.0 * e * w * nu + 2.0 * e * ut * x + bigM * nu);
        }
        return new EtlAmplitude(a20, a21, a1, b0, b1, b2, c0, c1);
    }
}

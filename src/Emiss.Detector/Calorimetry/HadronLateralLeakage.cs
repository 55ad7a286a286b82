namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Lateral containment of a hadron shower on the HCAL face (docs/physics/hadron-response.md#leakage): the transverse
/// energy density is the one-component form R²/(π(r² + R²)²) of <see cref="LateralProfile"/>, with R chosen so that
/// 95 % lies within one interaction length (PDG review "Calorimetry": a hadron shower is 95 % contained laterally in
/// a cylinder of radius ≈ λ_I), R = λ_I/√19. A shower that starts in the ECAL crosses the ECAL–HCAL gap before the
/// HCAL: its radius grows by the gap times the typical opening angle of the shower secondaries, R/λ_I ≈ 0.23
/// [assumed: the halo's size over its depth].
/// </summary>
internal static class HadronLateralLeakage
{
    /// <summary>R/λ_I for 95 % containment within λ_I: F(λ) = λ²/(λ² + R²) = 0.95.</summary>
    public static readonly double RadiusPerLambda = 1 / Math.Sqrt(19);

    /// <summary>Fraction of a shower centred at (x, y) inside the square HCAL face of half-width <paramref name="halfWidthCm"/>,
    /// for the HCAL's λ_I and a gap <paramref name="gapCm"/> crossed after starting upstream (0 if it starts in the HCAL).</summary>
    public static double ContainedFraction(double x, double y, double halfWidthCm, double lambdaCm, double gapCm)
    {
        double r = RadiusPerLambda * (lambdaCm + gapCm);
        return LateralProfile.RectangleFraction(-halfWidthCm - x, halfWidthCm - x, -halfWidthCm - y, halfWidthCm - y, r);
    }
}

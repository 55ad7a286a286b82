using Emiss.Core.Random;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Multiple Coulomb scattering of a muon crossing one region of the parametrised stack
/// (docs/physics/muon-pairs.md#multiple-scattering). The projected angular width is Highland's formula as corrected by
/// Lynch and Dahl, θ0 = 13.6 MeV/(βcp) √(x/X0) [1 + 0.038 ln(x/(X0 β²))] (PDG review "Passage of particles through matter",
/// §34.3; accurate to 11 % for 10⁻³ &lt; x/X0 &lt; 100; G. R. Lynch and O. I. Dahl, NIM B 58 (1991) 6), and in each
/// projected plane the displacement and the angle after a thickness x are the correlated Gaussian pair
/// y = z₁ x θ0/√12 + z₂ x θ0/2, θ = z₂ θ0 with independent standard normals z₁, z₂ (same section). A region is crossed in
/// one step at the momentum of its middle: the regions are at most ≈ 80 X0 thick, where one Highland step and many
/// agree within the formula's accuracy for a muon that keeps most of its momentum.
/// </summary>
public static class MuonScattering
{
    /// <summary>Highland–Lynch–Dahl width θ0 (rad) of the projected angle of a singly charged particle of momentum
    /// <paramref name="momentumGeV"/> and mass <paramref name="massGeV"/> after <paramref name="x0Thickness"/> radiation lengths.</summary>
    public static double HighlandWidthRad(double momentumGeV, double massGeV, double x0Thickness)
    {
        if (!(momentumGeV > 0)) throw new ArgumentOutOfRangeException(nameof(momentumGeV), momentumGeV, "the momentum must be positive");
        if (!(x0Thickness > 0)) return 0;
        double e = Math.Sqrt(momentumGeV * momentumGeV + massGeV * massGeV), beta = momentumGeV / e;
        return 0.0136 / (beta * momentumGeV) * Math.Sqrt(x0Thickness) * (1 + 0.038 * Math.Log(x0Thickness / (beta * beta)));
    }

    /// <summary>Moves a particle at transverse position <paramref name="x"/> (cm) with slope <paramref name="slope"/> through
    /// <paramref name="thicknessCm"/> of material in one projected plane: straight flight plus the correlated scattering
    /// displacement and deflection of width <paramref name="theta0"/>.</summary>
    public static void Cross(double thicknessCm, double theta0, ref double x, ref double slope, ref EventRng rng)
    {
        double z1 = rng.NextGaussian(), z2 = rng.NextGaussian();
        x += slope * thicknessCm + thicknessCm * theta0 * (z1 / Math.Sqrt(12) + 0.5 * z2);
        slope += z2 * theta0;
    }
}

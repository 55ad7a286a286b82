using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Physics.Widths;

namespace Emiss.Signal.VisibleDecays;

/// <summary>
/// A′ → e⁺e⁻ for visible-mode studies (PHYSICS.md §2.3): lab decay length L = (p/m) ħc/Γ_ee with
/// Γ_ee = (αε²m/3)(1 + 2m_e²/m²)√(1 − 4m_e²/m²) (BR = 1: no dark sector), the exponential decay point and the pair
/// (isotropic in the A′ rest frame, boosted along the A′ direction). Not used in invisible mode, where the A′
/// leaves the detector.
/// </summary>
public static class VisibleDecay
{
    /// <summary>Mean lab decay length of an A′ of energy <paramref name="energyGeV"/>, mass <paramref name="massGeV"/>, coupling ε, cm.</summary>
    public static double LabDecayLengthCm(double energyGeV, double massGeV, double epsilon)
    {
        double gamma = DarkPhotonWidths.ToLeptonPair(massGeV, epsilon);
        if (!(gamma > 0)) return double.PositiveInfinity;
        double p = Math.Sqrt(Math.Max(0.0, (energyGeV - massGeV) * (energyGeV + massGeV)));
        return p / massGeV * PhysicalConstants.HbarCGeVCm / gamma;
    }

    /// <summary>Samples the decay distance along the flight path, cm (exponential with <see cref="LabDecayLengthCm"/>).</summary>
    public static double SampleDecayDistanceCm(double energyGeV, double massGeV, double epsilon, ref EventRng rng) =>
        LabDecayLengthCm(energyGeV, massGeV, epsilon) * rng.NextExponential();

    /// <summary>
    /// Samples the lab energies and polar angles (to the A′ direction) of e⁻ and e⁺ from an A′ decay: isotropic in
    /// the rest frame (the angular distribution of a transversely polarised A′ differs by a 1 + cos²θ* factor that
    /// does not change the energy sum, neglected here). Returns (E₋, θ₋, E₊, θ₊) in GeV and rad.
    /// </summary>
    public static (double EMinus, double ThetaMinus, double EPlus, double ThetaPlus) SamplePair(double energyGeV, double massGeV, ref EventRng rng)
    {
        const double me = PhysicalConstants.ElectronMassGeV;
        if (!(massGeV > 2 * me)) throw new ArgumentOutOfRangeException(nameof(massGeV), massGeV, "A′ → e⁺e⁻ needs m > 2 m_e");
        double gamma = energyGeV / massGeV, beta = Math.Sqrt(Math.Max(0.0, 1 - 1 / (gamma * gamma)));
        double eStar = 0.5 * massGeV, pStar = Math.Sqrt(eStar * eStar - me * me);
        double c = 2 * rng.NextDouble() - 1, s = Math.Sqrt(1 - c * c);
        (double E, double Theta) Boost(double cosStar)
        {
            double pz = gamma * (pStar * cosStar + beta * eStar), pt = pStar * s;
            double e = gamma * (eStar + beta * pStar * cosStar);
            return (e, Math.Atan2(pt, pz));
        }
        (double em, double tm) = Boost(c);
        (double ep, double tp) = Boost(-c);
        return (em, tm, ep, tp);
    }
}

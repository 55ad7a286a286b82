using Emiss.Core.Numerics;
using Emiss.Core.Random;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Longitudinal EM profile in GFlash form (Grindhammer, Rudowicz &amp; Peters, NIM A290 (1990) 469; Grindhammer &amp;
/// Peters, hep-ex/0001020): dE/dt = E₀ β(βt)^{α−1}e^{−βt}/Γ(α), t in radiation lengths, β = (α − 1)/T, with T (the depth of
/// the maximum) and α drawn per shower from a correlated log-normal pair. Parameters: the Geant4 homogeneous-media tuning
/// (GVFlashHomoShowerTuning; docs/physics/validation-anchors.md#v7), y = E₀/E_c:
/// ⟨ln T⟩ = ln(ln y − 0.812), ⟨ln α⟩ = ln(0.81 + (0.458 + 2.26/Z) ln y), σ(ln T) = 1/(−1.4 + 1.26 ln y),
/// σ(ln α) = 1/(−0.58 + 0.86 ln y), ρ(ln T, ln α) = 0.705 − 0.023 ln y. It replaces the PDG form (b = 0.5 fixed,
/// t_max = ln y − 0.5), which started showers in the Pb/Sc ECAL too deep: its preshower read 0.835 of the shower engine's
/// (issue 13); the GFlash form, evaluated with the ECAL's effective E_c, Z and X0, agrees with the engine
/// (docs/physics/calorimeter-parametrised.md#em-longitudinal-profile). GFlash parametrises e± showers; a photon keeps
/// the rule of the PDG form, its maximum one radiation length deeper (C_γ − C_e = +0.5 − (−0.5); <see cref="PhotonDelayX0"/>).
/// </summary>
public static class EmLongitudinalProfile
{
    /// <summary>GFlash t₁: ⟨ln T⟩ = ln(ln y + t₁) (Geant4 homogeneous tuning).</summary>
    public const double TmaxOffset = -0.812;

    /// <summary>Depth of a photon shower's maximum behind an electron's of the same energy, X0 (PDG C_γ − C_e). Not an
    /// exponential conversion depth: the signal event deposits all the energy its emitter radiated as one photon, and
    /// one drawn conversion would make that sum fluctuate like a single photon
    /// (docs/physics/calorimeter-parametrised.md#photons).</summary>
    public const double PhotonDelayX0 = 1.0;

    /// <summary>exp⟨ln T⟩, the median depth of the maximum in X0 for an e± shower of <paramref name="energyGeV"/>;
    /// floored at 0.1 X0 as GFlash does.</summary>
    public static double MedianTmax(double energyGeV, double criticalEnergyGeV) =>
        Math.Max(Math.Log(energyGeV / criticalEnergyGeV) + TmaxOffset, 0.1);

    /// <summary>exp⟨ln α⟩ for a medium of (effective) atomic number <paramref name="z"/>; at least 1.1 (GFlash's floor,
    /// which keeps β = (α − 1)/T positive).</summary>
    public static double MedianAlpha(double energyGeV, double criticalEnergyGeV, double z) =>
        Math.Max(0.81 + (0.458 + 2.26 / z) * Math.Log(energyGeV / criticalEnergyGeV), 1.1);

    /// <summary>σ of ln T (GFlash), clamped to [0.05, 0.5]; 0.5 where the fit is undefined (y ≲ 10).</summary>
    public static double SigmaLnTmax(double energyGeV, double criticalEnergyGeV) => InverseSigma(-1.4 + 1.26 * Math.Log(energyGeV / criticalEnergyGeV));

    /// <summary>σ of ln α (GFlash), clamped as <see cref="SigmaLnTmax"/>.</summary>
    public static double SigmaLnAlpha(double energyGeV, double criticalEnergyGeV) => InverseSigma(-0.58 + 0.86 * Math.Log(energyGeV / criticalEnergyGeV));

    /// <summary>Correlation of ln T and ln α (GFlash), in [0, 0.9].</summary>
    public static double Correlation(double energyGeV, double criticalEnergyGeV) =>
        Math.Clamp(0.705 - 0.023 * Math.Log(energyGeV / criticalEnergyGeV), 0.0, 0.9);

    /// <summary>The shape at the median parameters (no shower-to-shower fluctuation) in <paramref name="medium"/>.</summary>
    public static GammaShape Median(double energyGeV, in ShowerMedium medium, bool photon = false) =>
        GammaShape.FromTmax(Math.Max(MedianAlpha(energyGeV, medium.CriticalEnergyGeV, medium.Z) + (photon ? medium.PhotonAlpha : medium.AlphaShift), 1.1),
                            Math.Max(MedianTmax(energyGeV, medium.CriticalEnergyGeV) + medium.TmaxShiftX0, 0.1) + (photon ? PhotonDelayX0 : 0.0));

    /// <summary>One shower's shape in <paramref name="medium"/>, started by an e± or (<paramref name="photon"/>) a photon:
    /// ln T and ln α Gaussian around the median shape with the GFlash widths and correlation (two normal draws).</summary>
    public static GammaShape Draw(double energyGeV, in ShowerMedium medium, bool photon, ref EventRng rng)
    {
        double ec = medium.CriticalEnergyGeV, rho = Correlation(energyGeV, ec);
        GammaShape median = Median(energyGeV, medium, photon);
        double g1 = rng.NextGaussian(), g2 = rng.NextGaussian();
        double tmax = median.Tmax * Math.Exp(SigmaLnTmax(energyGeV, ec) * g1);
        double alpha = median.Alpha * Math.Exp(SigmaLnAlpha(energyGeV, ec) * (rho * g1 + Math.Sqrt(1 - rho * rho) * g2));
        return GammaShape.FromTmax(Math.Max(alpha, 1.1), tmax);
    }

    /// <summary>Fraction of the energy deposited between depths t1 and t2 (X0) for <paramref name="shape"/>.</summary>
    public static double FractionBetween(in GammaShape shape, double t1, double t2) =>
        SpecialFunctions.RegularizedP(shape.Alpha, shape.Beta * t2) - SpecialFunctions.RegularizedP(shape.Alpha, shape.Beta * Math.Max(0, t1));

    private static double InverseSigma(double denominator) => denominator > 2.0 ? Math.Clamp(1.0 / denominator, 0.05, 0.5) : 0.5;
}

/// <summary>A gamma-function longitudinal profile: shape α and slope β per radiation length.</summary>
/// <param name="Alpha">Shape parameter α (&gt; 1).</param>
/// <param name="Beta">Slope β, 1/X0.</param>
public readonly record struct GammaShape(double Alpha, double Beta)
{
    /// <summary>Depth of the maximum (α − 1)/β, X0.</summary>
    public double Tmax => (Alpha - 1) / Beta;

    /// <summary>The shape with maximum at <paramref name="tmax"/> X0: β = (α − 1)/T.</summary>
    public static GammaShape FromTmax(double alpha, double tmax) => new(alpha, (alpha - 1) / tmax);
}

/// <summary>The medium a shower develops in: effective critical energy and Z, and the shifts of the median T and α from the
/// homogeneous-media values that a sampling calorimeter needs (GFlash shifts both for sampling structures, Grindhammer &amp;
/// Peters hep-ex/0001020; <see cref="NA64PbScTmaxShiftX0"/> and <see cref="NA64PbScAlphaShift"/> hold the values tuned against the
/// shower engine, the defaults of the set-up card's <c>ecal.profileTmaxShiftX0</c> and <c>ecal.profileAlphaShift</c>).</summary>
/// <param name="CriticalEnergyGeV">Effective critical energy E_c, GeV.</param>
/// <param name="Z">Effective atomic number.</param>
/// <param name="TmaxShiftX0">Added to the median depth of the maximum, X0.</param>
/// <param name="AlphaShift">Added to the median α.</param>
/// <param name="PhotonAlphaShift">Added to the median α of a photon's shower instead of <paramref name="AlphaShift"/>; null:
/// the same as an electron's. A photon's shower in the Pb/Sc ECAL is narrower than the electron shape moved one X0 deeper
/// (docs/physics/calorimeter-parametrised.md#photons).</param>
public readonly record struct ShowerMedium(double CriticalEnergyGeV, double Z, double TmaxShiftX0 = 0.0, double AlphaShift = 0.0, double? PhotonAlphaShift = null)
{
    /// <summary>The α shift a photon's shower takes: <see cref="PhotonAlphaShift"/>, else <see cref="AlphaShift"/>.</summary>
    public double PhotonAlpha => PhotonAlphaShift ?? AlphaShift;

    /// <summary>Shift of T for the NA64 Pb/Sc ECAL (1.5 mm Pb + 1.5 mm Sc), fitted to the shower engine's layer profiles
    /// of 10–100 GeV electrons by <c>emiss study ecal-profile</c> (<see cref="EcalProfileTune"/>; 2026-12-04: χ² 44.0 for 22
    /// dof against 50.7 for the earlier −0.10; docs/physics/calorimeter-parametrised.md#tuning-the-shifts). GFlash's own sampling
    /// correction (Geant4: t₁/F_S + t₂(1 − ê) = −0.59/3.7 − 0.53·0.36 ≈ −0.35 X0, α −0.444/F_S ≈ −0.12) overshoots the
    /// engine's preshower by 11–15 %.</summary>
    public const double NA64PbScTmaxShiftX0 = -0.15;

    /// <summary>Shift of α for the NA64 Pb/Sc ECAL (same fit as <see cref="NA64PbScTmaxShiftX0"/>).</summary>
    public const double NA64PbScAlphaShift = -0.10;

    /// <summary>Shift of α for photon showers in the NA64 Pb/Sc ECAL, ΔT held at <see cref="NA64PbScTmaxShiftX0"/> (the photon's
    /// maximum <see cref="EmLongitudinalProfile.PhotonDelayX0"/> deeper): the electron's −0.10 made photon showers too wide
    /// (χ² 337 for 22 dof on the engine's 10–100 GeV photon profiles of seed 47, <c>emiss study ecal-profile --photon</c>); the
    /// conditional optimum from the fitted quadratic is +0.60 on that sample and +0.46 on the validation sample (stream 31);
    /// χ² 31.6 at +0.5 on seed 47 (2026-12-04; docs/physics/calorimeter-parametrised.md#photons).</summary>
    public const double NA64PbScPhotonAlphaShift = 0.5;
}

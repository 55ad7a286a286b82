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
/// (docs/physics/calorimeter-parametrised.md#em-longitudinal-profile). GFlash parametrises e± showers; a photon's shower is the
/// e± shape with the photon's own shifts started at an exponentially distributed conversion depth (<see cref="ShowerMedium.PhotonConversion"/>,
/// <see cref="GammaShape.ConversionPerX0"/>), or in a medium without a conversion rate the PDG form's rule, the e± maximum one
/// radiation length deeper (C_γ − C_e = +0.5 − (−0.5); <see cref="PhotonDelayX0"/>).
/// </summary>
public static class EmLongitudinalProfile
{
    /// <summary>GFlash t₁: ⟨ln T⟩ = ln(ln y + t₁) (Geant4 homogeneous tuning).</summary>
    public const double TmaxOffset = -0.812;

    /// <summary>Depth of a photon shower's maximum behind an electron's of the same energy, X0 (PDG C_γ − C_e), in a medium without a
    /// conversion rate (the HCAL's, or the ECAL's with <c>ecal.profilePhotonConversion: false</c>). Neither rule draws a conversion
    /// depth per shower: the signal event deposits all the energy its emitter radiated as one photon, and one drawn conversion
    /// would make that sum fluctuate like a single photon (docs/physics/calorimeter-parametrised.md#photons).</summary>
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
    public static GammaShape Median(double energyGeV, in ShowerMedium medium, bool photon = false)
    {
        double conversion = photon && medium.PhotonConversion is { } c ? c.PerX0At(energyGeV) : 0.0;
        double delay = photon && conversion == 0.0 ? PhotonDelayX0 : 0.0;
        return GammaShape.FromTmax(Math.Max(MedianAlpha(energyGeV, medium.CriticalEnergyGeV, medium.Z) + medium.AlphaShiftAt(energyGeV, photon), 1.1),
                                   Math.Max(MedianTmax(energyGeV, medium.CriticalEnergyGeV) + (photon ? medium.PhotonTmax : medium.TmaxShiftX0), 0.1) + delay)
            .WithTail(medium.TailFractionAt(energyGeV, photon), medium.TailSlopePerX0) with { ConversionPerX0 = conversion };
    }

    /// <summary>One shower's shape in <paramref name="medium"/>, started by an e± or (<paramref name="photon"/>) a photon:
    /// ln T and ln α Gaussian around the median shape with the GFlash widths and correlation (two normal draws).</summary>
    public static GammaShape Draw(double energyGeV, in ShowerMedium medium, bool photon, ref EventRng rng)
    {
        double ec = medium.CriticalEnergyGeV, rho = Correlation(energyGeV, ec);
        GammaShape median = Median(energyGeV, medium, photon);
        double g1 = rng.NextGaussian(), g2 = rng.NextGaussian();
        double tmax = median.Tmax * Math.Exp(SigmaLnTmax(energyGeV, ec) * g1);
        double alpha = median.Alpha * Math.Exp(SigmaLnAlpha(energyGeV, ec) * (rho * g1 + Math.Sqrt(1 - rho * rho) * g2));
        return GammaShape.FromTmax(Math.Max(alpha, 1.1), tmax).WithTail(median.TailFraction, median.TailSlopePerX0) with { ConversionPerX0 = median.ConversionPerX0 };
    }

    /// <summary>Fraction of the energy deposited between depths t1 and t2 (X0) for <paramref name="shape"/>.</summary>
    public static double FractionBetween(in GammaShape shape, double t1, double t2) => Cumulative(shape, t2) - Cumulative(shape, t1);

    /// <summary>Fraction of the energy deposited before depth <paramref name="t"/> (X0): (1 − w) P(α, βt) + w F_tail(t), where
    /// the tail's F_tail is the distribution of the depth of a gamma-distributed point plus an exponential path of slope μ
    /// (the gamma profile convolved with the attenuation of penetrating photons; docs/physics/calorimeter-parametrised.md#deep-tail):
    /// F_tail(t) = P(α, βt) − e^{−μt} (βt)^α/Γ(α) ∫₀¹ u^{α−1} e^{−(β−μ)t u} du.</summary>
    public static double Cumulative(in GammaShape shape, double t) => t <= 0 ? 0 : Cumulative(shape, t, SpecialFunctions.LogGamma(shape.Alpha));

    /// <summary><see cref="Cumulative(in GammaShape, double)"/> with ln Γ(α) = <paramref name="logGammaAlpha"/> given
    /// (<see cref="SpecialFunctions.LogGamma"/> of the shape's α), for a caller that evaluates one shower at several depths:
    /// the same value bit for bit, with one ln Γ per shower instead of up to three per depth.</summary>
    public static double Cumulative(in GammaShape shape, double t, double logGammaAlpha)
    {
        if (t <= 0) return 0;
        double a = shape.Alpha, b = shape.Beta, w = shape.TailFraction, mt = shape.TailSlopePerX0, mc = shape.ConversionPerX0;
        double gln = logGammaAlpha;
        double p = SpecialFunctions.RegularizedP(a, b * t, gln);
        if (mc == 0)
            return w == 0 ? p : (1 - w) * p + w * (p - AttenuatedPart(a, b, mt, t, gln));
        // The shape starts at an exponentially distributed conversion depth (slope mc): each component is convolved once more.
        // The gamma part becomes gamma ∗ exp(mc); the tail part, gamma ∗ exp(mt) ∗ exp(mc), whose distribution function is
        // (mc·H(mt) − mt·H(mc))/(mc − mt) with H(m) that of gamma ∗ exp(m) (partial fractions of the two exponentials).
        double hc = p - AttenuatedPart(a, b, mc, t, gln);
        if (w == 0) return hc;
        // Equal slopes (a card may set the tail's to the conversion's) make the partial fractions 0/0: the tail's slope is then
        // taken 10⁻³ higher, which moves F by ≲ 10⁻⁴ (PhotonConversionTests) and keeps the rounding of the difference ≲ 10⁻¹².
        if (Math.Abs(mc - mt) < 1e-3 * mc) mt = mc * 1.001;
        double ht = p - AttenuatedPart(a, b, mt, t, gln);
        return (1 - w) * hc + w * (mc * ht - mt * hc) / (mc - mt);
    }

    /// <summary>e^{−μt} (βt)^a/Γ(a) ∫₀¹ u^{a−1} e^{−z u} du with z = (β − μ)t. For z &gt; 1 the integral is Γ(a) P(a, z)/z^a and
    /// Γ(a) cancels: e^{−μt} (β/(β − μ))^a P(a, z). For z ≤ 1 (including the negative z of a shape whose β lies below the
    /// tail's slope) the series Σ (−z)ⁿ/(n! (a + n)), whose terms do not cancel badly (|z| ≤ 1) or all share one sign (z &lt; 0).</summary>
    private static double AttenuatedPart(double a, double beta, double mu, double t, double logGammaA)
    {
        double z = (beta - mu) * t;
        if (z > 1) return Math.Exp(-mu * t + a * Math.Log(beta / (beta - mu))) * SpecialFunctions.RegularizedP(a, z, logGammaA);
        double sum = 0, power = 1;   // power = (−z)ⁿ/n!
        for (int n = 0; n < 500; n++)
        {
            double term = power / (a + n);
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum)) break;
            power *= -z / (n + 1);
        }
        return Math.Exp(-mu * t + a * Math.Log(beta * t) - logGammaA) * sum;
    }

    private static double InverseSigma(double denominator) => denominator > 2.0 ? Math.Clamp(1.0 / denominator, 0.05, 0.5) : 0.5;
}

/// <summary>A gamma-function longitudinal profile, shape α and slope β per radiation length, optionally with a fraction of
/// its energy carried deeper by penetrating photons (<see cref="EmLongitudinalProfile.Cumulative(in GammaShape, double)"/>).</summary>
/// <param name="Alpha">Shape parameter α (&gt; 1).</param>
/// <param name="Beta">Slope β, 1/X0.</param>
/// <param name="TailFraction">Fraction w of the energy in the attenuated tail (0: the plain gamma profile).</param>
/// <param name="TailSlopePerX0">Attenuation μ of the tail per radiation length.</param>
/// <param name="ConversionPerX0">Slope of an exponentially distributed start depth per radiation length (a photon's conversion
/// probability per X0); 0: the shape starts at depth 0.</param>
public readonly record struct GammaShape(double Alpha, double Beta, double TailFraction = 0.0, double TailSlopePerX0 = 0.0, double ConversionPerX0 = 0.0)
{
    /// <summary>This shape with the tail of fraction <paramref name="fraction"/> and slope <paramref name="slopePerX0"/>.</summary>
    public GammaShape WithTail(double fraction, double slopePerX0) => this with { TailFraction = fraction, TailSlopePerX0 = slopePerX0 };

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
/// the same as an electron's. A photon's shower in the Pb/Sc ECAL starts like a pair of showers that share its energy: shallower and
/// wider than an electron's of the full energy
/// (docs/physics/calorimeter-parametrised.md#photons).</param>
/// <param name="TailFraction">Fraction of a shower's energy carried beyond the gamma profile by the most penetrating photons
/// (0: none; docs/physics/calorimeter-parametrised.md#deep-tail).</param>
/// <param name="TailSlopePerX0">Attenuation of that tail per radiation length: the medium's minimum photon attenuation
/// coefficient (near 4 MeV in lead) in units of 1/X0.</param>
/// <param name="AlphaShiftByEnergy">An energy-dependent α shift added to <paramref name="AlphaShift"/> at the shower's energy (a
/// photon with its own <paramref name="PhotonAlphaShift"/> does not take it); null: none
/// (docs/physics/calorimeter-parametrised.md#energy-dependent-alpha).</param>
/// <param name="PhotonTmaxShiftX0">Added to the median depth of a photon's shower maximum instead of <paramref name="TmaxShiftX0"/>
/// (on top of the conversion depth, or of <see cref="EmLongitudinalProfile.PhotonDelayX0"/>); null: the same as an electron's.</param>
/// <param name="PhotonConversion">A photon's conversion probability per radiation length: its shower is the e± shape (with the
/// photon's shifts) started at an exponentially distributed depth of that slope at the photon's energy, instead of moved
/// <see cref="EmLongitudinalProfile.PhotonDelayX0"/> deeper; null: the delay rule.</param>
/// <param name="TailFractionByEnergy">The tail fraction at an e± shower's energy, and at half a photon's (a converted photon is a pair of
/// showers sharing its energy), instead of <paramref name="TailFraction"/>; null: <paramref name="TailFraction"/> at every energy
/// (docs/physics/calorimeter-parametrised.md#tail-fraction-per-energy).</param>
/// <param name="PhotonTailFractionByEnergy">The tail fraction at a photon shower's own energy, instead of the electrons' at half of it
/// (fitted on photon showers: a photon's pair of showers does not share its energy evenly, and the photons' deep tail at 5 GeV
/// came out 10 % above the half-energy rule; docs/physics/calorimeter-parametrised.md#photon-tail-fraction); null: the half-energy rule.</param>
public readonly record struct ShowerMedium(double CriticalEnergyGeV, double Z, double TmaxShiftX0 = 0.0, double AlphaShift = 0.0, double? PhotonAlphaShift = null,
    double TailFraction = 0.0, double TailSlopePerX0 = 0.0, AlphaShiftTable? AlphaShiftByEnergy = null, double? PhotonTmaxShiftX0 = null,
    PhotonConversionRate? PhotonConversion = null, TailFractionTable? TailFractionByEnergy = null, TailFractionTable? PhotonTailFractionByEnergy = null)
{
    /// <summary>The tail fraction of an e± shower of <paramref name="energyGeV"/>: <see cref="TailFractionByEnergy"/> there, else
    /// <see cref="TailFraction"/> (a photon's median shape takes it at half the photon's energy).</summary>
    public double TailFractionAt(double energyGeV) => TailFractionByEnergy?.At(energyGeV) ?? TailFraction;

    /// <summary>The tail fraction of a shower of <paramref name="energyGeV"/> started by an e± or (<paramref name="photon"/>) a photon:
    /// a photon takes <see cref="PhotonTailFractionByEnergy"/> at its energy, else the e± value at half its energy.</summary>
    public double TailFractionAt(double energyGeV, bool photon) =>
        photon ? PhotonTailFractionByEnergy?.At(energyGeV) ?? TailFractionAt(energyGeV / 2) : TailFractionAt(energyGeV);

    /// <summary>The photon's constant α shift: <see cref="PhotonAlphaShift"/>, else <see cref="AlphaShift"/>.</summary>
    public double PhotonAlpha => PhotonAlphaShift ?? AlphaShift;

    /// <summary>The ΔT a photon's shower takes: <see cref="PhotonTmaxShiftX0"/>, else <see cref="TmaxShiftX0"/>.</summary>
    public double PhotonTmax => PhotonTmaxShiftX0 ?? TmaxShiftX0;

    /// <summary>The whole α shift of a shower of <paramref name="energyGeV"/> started by an e± or (<paramref name="photon"/>) a
    /// photon: <see cref="AlphaShift"/> plus <see cref="AlphaShiftByEnergy"/> at that energy; a photon with its own
    /// <see cref="PhotonAlphaShift"/> takes that alone (fitted as the photon's whole shift: the electrons' table made the photon
    /// fit worse, and the photon's own per-energy shifts are flat; docs/physics/calorimeter-parametrised.md#photons), one
    /// without takes the electron's.</summary>
    public double AlphaShiftAt(double energyGeV, bool photon = false) =>
        photon && PhotonAlphaShift is { } p ? p : AlphaShift + (AlphaShiftByEnergy?.At(energyGeV) ?? 0.0);

    /// <summary>Shift of T for the NA64 Pb/Sc ECAL (1.5 mm Pb + 1.5 mm Sc), fitted with <see cref="NA64PbScAlphaShift"/>, the α table and
    /// the tail fractions per energy to the shower engine's layer profiles of 2–100 GeV electrons over the whole ECAL
    /// (<see cref="EcalProfileTune"/>, seed 47, five times the default showers, each energy on its own seed; 2026-12-06, with the
    /// photoabsorption above 0.8 MeV in Sauter's shape: <c>--alpha-per-energy</c> ΔT −0.344 ± 0.010, <c>--tail-per-energy</c>
    /// (−0.359 ± 0.017, −0.088 ± 0.019); the card's χ² 155.3 for 58 dof; −0.30 and 0 before;
    /// docs/physics/calorimeter-parametrised.md#re-tune-with-the-photoabsorption-change). GFlash's own sampling correction (Geant4: t₁/F_S + t₂(1 − ê)
    /// = −0.59/3.7 − 0.53·0.36 ≈ −0.35 X0, α −0.444/F_S ≈ −0.12) lies near it.</summary>
    public const double NA64PbScTmaxShiftX0 = -0.35;

    /// <summary>Shift of α for the NA64 Pb/Sc ECAL (same fit as <see cref="NA64PbScTmaxShiftX0"/>).</summary>
    public const double NA64PbScAlphaShift = -0.10;

    /// <summary>Node energies of the NA64 Pb/Sc ECAL's energy-dependent α shift (the tune's energies), GeV.</summary>
    public static IReadOnlyList<double> NA64PbScAlphaShiftEnergiesGeV { get; } = [2, 5, 10, 20, 50, 100];

    /// <summary>The α shift at each of <see cref="NA64PbScAlphaShiftEnergiesGeV"/>, fitted per energy with ΔT common
    /// (<c>emiss study ecal-profile --alpha-per-energy</c>, seed 47, 2026-12-04: ΔT −0.30 X0, χ² 81.9 for 53 dof against 154.9
    /// for 58 with one common Δα; each ±0.02–0.05; docs/physics/calorimeter-parametrised.md#energy-dependent-alpha).</summary>
    public static IReadOnlyList<double> NA64PbScAlphaShiftsByEnergy { get; } = [-0.09, -0.03, -0.03, -0.08, 0.03, 0.22];

    /// <summary>Shift of T for photon showers in the NA64 Pb/Sc ECAL, on top of the conversion depth (<see cref="PhotonConversionRate"/>),
    /// fitted with <see cref="NA64PbScPhotonAlphaShift"/> and the photons' tail fraction to the engine's 2–100 GeV photon profiles over
    /// the whole ECAL (<c>emiss study ecal-profile --photon --tail-per-energy --showers-scale 3</c>, seed 47, each energy on its own
    /// seed, 2026-12-06: (−0.845 ± 0.035, −0.495 ± 0.036) with one photon tail fraction, χ² 127.0 for 57 dof; −0.95 before the
    /// photoabsorption change; docs/physics/calorimeter-parametrised.md#re-tune-with-the-photoabsorption-change). 0.5 X0 shallower than the electrons' ΔT: a converted photon is a pair of showers sharing its energy, and
    /// a shower of half the energy peaks ln 2 ≈ 0.69 X0 earlier (docs/physics/calorimeter-parametrised.md#photons).</summary>
    public const double NA64PbScPhotonTmaxShiftX0 = -0.85;

    /// <summary>Shift of α for photon showers in the NA64 Pb/Sc ECAL (same fit as <see cref="NA64PbScPhotonTmaxShiftX0"/>); the photon does
    /// not take the electrons' table (with it the same fit gave χ² 139.1; docs/physics/calorimeter-parametrised.md#photons).</summary>
    public const double NA64PbScPhotonAlphaShift = -0.50;

    /// <summary>Fraction of the energy in the attenuated tail for the NA64 Pb/Sc ECAL, fitted with the shifts (profile χ²
    /// parabola 0.083 ± 0.019 on the scan 0, 0.02, …, 0.20; docs/physics/calorimeter-parametrised.md#deep-tail).</summary>
    public const double NA64PbScTailFraction = 0.08;

    /// <summary>Node energies of the NA64 Pb/Sc ECAL's tail fraction per energy, GeV: the α table's (<see cref="NA64PbScAlphaShiftEnergiesGeV"/>),
    /// since both are fitted at the tune's energies.</summary>
    public static IReadOnlyList<double> NA64PbScTailFractionEnergiesGeV => NA64PbScAlphaShiftEnergiesGeV;

    /// <summary>The tail fraction at each of <see cref="NA64PbScTailFractionEnergiesGeV"/>, used instead of
    /// <see cref="NA64PbScTailFraction"/>: the weighted means (± 0.006–0.007) of <c>emiss study ecal-profile --tail-per-energy
    /// --showers-scale 5</c> on seeds 47 and 48 (each energy on its own seed, 2026-12-06, with ΔT and Δα common: χ² 170.0 and 156.5
    /// for 52 dof against 271.8 and 264.9 for 57 with one fraction; bootstrap errors ± 0.008–0.012;
    /// docs/physics/calorimeter-parametrised.md#re-tune-with-the-photoabsorption-change).</summary>
    public static IReadOnlyList<double> NA64PbScTailFractionsByEnergy { get; } = [0.040, 0.061, 0.065, 0.053, 0.064, 0.097];

    /// <summary>The photon showers' own tail fraction at each of <see cref="NA64PbScTailFractionEnergiesGeV"/>, at the photon's energy
    /// (<c>emiss study ecal-profile --photon --tail-per-energy --showers-scale 3</c>, seed 47, each energy on its own seed, 2026-12-06):
    /// one fraction for all energies, 0.048 ± 0.011 (bootstrap), with the shifts (−0.85, −0.50); a fraction per energy hit the scan's edge
    /// (0) at 2 and 5 GeV and missed 5 GeV photons of an independent sample by 11 % in layers 75–89
    /// (docs/physics/calorimeter-parametrised.md#re-tune-with-the-photoabsorption-change).</summary>
    public static IReadOnlyList<double> NA64PbScPhotonTailFractionsByEnergy { get; } = [0.048, 0.048, 0.048, 0.048, 0.048, 0.048];

    /// <summary>Slope of the tail for the NA64 Pb/Sc ECAL, 1/X0: the minimum of the photon attenuation per layer over the
    /// layer's radiation length, 1.5 mm Pb × 11.35 g/cm³ × 0.04197 cm²/g + 1.5 mm polystyrene × 1.032 g/cm³ × 0.0330 cm²/g
    /// (NIST mass attenuation coefficients at 4 MeV, Hubbell &amp; Seltzer, NISTIR 5632, Tables 3 and 4) = 0.0766 over
    /// 0.2708 X0. The shower engine's own tail at 10 GeV falls with ≈ 0.285 per X0 between 21 and 35 X0
    /// (docs/physics/calorimeter-parametrised.md#deep-tail).</summary>
    public const double NA64PbScTailSlopePerX0 = 0.283;

    /// <summary>Sampling fraction of the NA64 Pb/Sc ECAL's last quarter of layers (113–149, 30.6–40.6 X0) over its mean for a
    /// whole shower: 0.806 ± 0.024, 0.811 ± 0.015 and 0.843 ± 0.017 for 10, 30 and 50 GeV e⁻ in the shower engine, mean
    /// 0.820 ± 0.011 (<c>emiss study ecal-leakage</c>, 1600, 600 and 300 showers, seed 65, 2026-12-05, with the photoabsorption
    /// above 0.8 MeV in Sauter's shape; seed 66: 0.824 ± 0.011; 0.831 ± 0.010 before that change). Deep in a shower the
    /// energy is carried by MeV photons, which deposit it mostly in the lead, so a unit of signal there stands for more
    /// energy than on average (the depth dependence of e/mip that GFlash's (1 − ê) sampling correction describes, Grindhammer
    /// &amp; Peters, hep-ex/0001020). The profile is fitted on the signal, so what flows out of the ECAL's back is the
    /// profile's share divided by this ratio (docs/physics/calorimeter-parametrised.md#past-the-ecals-back).</summary>
    public const double NA64PbScDeepSamplingRatio = 0.82;

    /// <summary>Energy a continuation of the NA64 Pb/Sc stack absorbs behind the ECAL's back plane over the energy that flows
    /// forward through that plane: 0.851 ± 0.043, 0.818 ± 0.048 and 0.826 ± 0.061 for 10, 30 and 50 GeV e⁻ in the shower
    /// engine, mean 0.831 ± 0.030 on seed 65 and 0.915 ± 0.034 on seed 66, together 0.868 ± 0.022 (0.894 ± 0.030 on seed 65 with each
    /// energy on its own seed, 2026-12-06; a 300-layer stack against
    /// the 150-layer ECAL on the same streams, same study as <see cref="NA64PbScDeepSamplingRatio"/>; 0.924 ± 0.031 before the
    /// photoabsorption change); the rest comes back through the plane or leaves sideways. The profile's tail,
    /// fitted inside the ECAL and extrapolated past its back, stands for that absorbed energy, so the flow into what lies
    /// behind is its share divided by this fraction too (docs/physics/calorimeter-parametrised.md#past-the-ecals-back).</summary>
    public const double NA64PbScBackFlowAbsorbedFraction = 0.87;
}

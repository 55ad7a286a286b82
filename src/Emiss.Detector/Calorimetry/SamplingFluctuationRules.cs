using Emiss.Core.Materials;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Stochastic terms of a sampling calorimeter from its layer structure (docs/physics/hadron-response.md#sampling-terms):
/// <list type="bullet">
/// <item>electromagnetic showers: σ/E = 2.7 % √(d/f_mip)/√E with d the active layer's thickness in mm and f_mip the
/// sampling fraction of a minimum-ionising particle (G. Livan, V. Vercesi, R. Wigmans, CERN 95-02 (1995); R. Wigmans,
/// <i>Calorimetry</i>, 2nd ed., OUP 2017, §4.8);</item>
/// <item>hadron showers: σ/E = 11.5 % √(ΔE/MeV)/√E with ΔE the minimum-ionising loss in one absorber + active layer
/// (C. W. Fabjan, in <i>Experimental Techniques in High Energy Physics</i>, ed. T. Ferbel, Addison-Wesley 1987).</item>
/// </list>
/// Both are sampling fluctuations only; the intrinsic ones (electromagnetic fraction, invisible energy) are drawn
/// separately (<see cref="HadronFluctuations"/>).
/// </summary>
public static class SamplingFluctuationRules
{
    private const double EmCoefficient = 0.027;        // per √(mm), Livan–Vercesi–Wigmans
    private const double HadronCoefficient = 0.115;    // per √MeV, Fabjan

    /// <summary>Minimum-ionising loss in one layer of <paramref name="material"/> <paramref name="thicknessCm"/> thick, MeV.</summary>
    public static double MipLossMeV(Material material, double thicknessCm)
    {
        ArgumentNullException.ThrowIfNull(material);
        return 1e3 * material.MinimumIonisationGeVCm2PerG * material.DensityGPerCm3 * thicknessCm;
    }

    /// <summary>Electromagnetic stochastic term a (σ/E = a/√(E/GeV)) of a stack of absorber and active layers.</summary>
    public static double ElectromagneticTerm(Material absorber, double absorberCm, Material active, double activeCm)
    {
        double passive = MipLossMeV(absorber, absorberCm), sampled = MipLossMeV(active, activeCm);
        double fMip = sampled / (passive + sampled);
        return EmCoefficient * Math.Sqrt(10.0 * activeCm / fMip);
    }

    /// <summary>Stochastic term of the hadronic sampling fluctuations in the same stack (Fabjan's rule). The calorimeter model
    /// applies it to the non-electromagnetic part of a hadron shower (σ² = a_em² f_em S + a_h² (1 − f_em) S).</summary>
    public static double HadronicTerm(Material absorber, double absorberCm, Material active, double activeCm) =>
        HadronCoefficient * Math.Sqrt(MipLossMeV(absorber, absorberCm) + MipLossMeV(active, activeCm));
}

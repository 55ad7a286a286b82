using Emiss.Core.Constants;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.PairProduction;

namespace Emiss.Shower.Processes.Photoelectric;

/// <summary>
/// Photoelectric cross sections. For Pb: total mass attenuation μ/ρ (docs/physics/photoelectric.md#lead, approximate XCOM values,
/// ±5 %) minus Klein–Nishina and pair, log–log interpolated for 0.1–1 MeV; above 1 MeV the 1 MeV value falls as
/// k^−1.6 (XCOM slope between 1 and 5 MeV, where the subtraction is unstable). Below 100 keV: the K edge at
/// 88.0 keV and the L-shell-only values below it, from XCOM (NIST XCOM, Pb photoelectric, approximate: 88.0 keV
/// 1.91 cm²/g, 80 keV 2.42, 60 keV 5.02, 50 keV 8.04, 40 keV 14.4, 30 keV 30.3, 20 keV 86.4, 15 keV 112), which
/// matters because photons just below the edge travel millimetres in Pb and reach the active layers.
/// Other elements: the above-edge Pb curve (extrapolated as k^−3 below 100 keV) scaled as (Z/82)^4 per atom
/// (the usual Z^{4–5} law; within a factor ~2 of XCOM), divided by a K-jump ratio of 5 below the element's K edge
/// E_K ≈ 13.6 eV (Z − 1)² (Moseley); photoabsorption outside Pb matters little for deposits (docs/physics/photoelectric.md#other-elements).
/// </summary>
public static class PhotoelectricData
{
    private static readonly double[] PbEnergiesGeV = [1e-4, 1.5e-4, 2e-4, 3e-4, 5e-4, 1e-3, 2e-3, 5e-3];
    private static readonly double[] PbMuRhoCm2PerG = [5.55, 2.01, 1.00, 0.403, 0.161, 0.071, 0.046, 0.043];

    /// <summary>Pb total mass attenuation μ/ρ (docs/physics/photoelectric.md#lead table), cm²/g, at the tabulated energies.</summary>
    public static IReadOnlyList<double> PbTotalAttenuationCm2PerG => PbMuRhoCm2PerG;

    /// <summary>Tabulated photon energies, GeV.</summary>
    public static IReadOnlyList<double> PbTableEnergiesGeV => PbEnergiesGeV;

    private static readonly double[] PbBelowEdgeGeV = [1.5e-5, 2e-5, 3e-5, 4e-5, 5e-5, 6e-5, 8e-5, 8.8e-5];
    private static readonly double[] PbBelowEdgeCm2PerG = [112.0, 86.4, 30.3, 14.4, 8.04, 5.02, 2.42, 1.91];

    /// <summary>Pb K-shell binding energy, GeV (88.0 keV).</summary>
    public const double LeadKEdgeGeV = 8.8e-5;

    /// <summary>Per-atom photoelectric cross section of Pb, cm² (with the K edge).</summary>
    public static double LeadCrossSectionCm2(double kGeV)
    {
        if (kGeV < LeadKEdgeGeV) return BelowEdge(kGeV);
        return AboveEdgeCm2(kGeV);
    }

    private static double BelowEdge(double kGeV)
    {
        const double toCm2 = 207.2 / PhysicalConstants.AvogadroPerMol;
        double[] e = PbBelowEdgeGeV, v = PbBelowEdgeCm2PerG;
        if (kGeV <= e[0]) return v[0] * toCm2 * Math.Pow(e[0] / kGeV, 3.0);
        int i = 0;
        while (e[i + 1] < kGeV) i++;
        double f = Math.Log(kGeV / e[i]) / Math.Log(e[i + 1] / e[i]);
        return Math.Exp(Math.Log(v[i]) + (Math.Log(v[i + 1]) - Math.Log(v[i])) * f) * toCm2;
    }

    /// <summary>The Pb photoelectric cross section with all shells open (k^−3 below 100 keV), cm²: the template scaled to other Z.</summary>
    private static double AboveEdgeCm2(double kGeV)
    {
        if (kGeV <= PbEnergiesGeV[0]) return AtTablePoint(0) * Math.Pow(PbEnergiesGeV[0] / kGeV, 3.0);
        if (kGeV >= 1e-3) return AtTablePoint(5) * Math.Pow(1e-3 / kGeV, 1.6);
        int i = 0;
        while (PbEnergiesGeV[i + 1] < kGeV) i++;
        double a = Math.Log(AtTablePoint(i)), b = Math.Log(AtTablePoint(i + 1));
        double f = Math.Log(kGeV / PbEnergiesGeV[i]) / Math.Log(PbEnergiesGeV[i + 1] / PbEnergiesGeV[i]);
        return Math.Exp(a + (b - a) * f);
    }

    /// <summary>Per-atom photoelectric cross section of element Z, cm².</summary>
    public static double CrossSectionCm2(int z, double kGeV)
    {
        if (z == 82) return LeadCrossSectionCm2(kGeV);
        double s = AboveEdgeCm2(kGeV) * Math.Pow(z / 82.0, 4.0);
        double kEdge = 13.6e-9 * (z - 1.0) * (z - 1.0);
        return kGeV < kEdge ? s / 5.0 : s;
    }

    private static double AtTablePoint(int i)
    {
        const double aPb = 207.2;
        double k = PbEnergiesGeV[i];
        double total = PbMuRhoCm2PerG[i] * aPb / PhysicalConstants.AvogadroPerMol;
        double other = 82 * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(k)
            + PairProductionXsCalculator.CrossSectionCm2(BremsstrahlungElement.For(82), k);
        return Math.Max(total - other, 0.02 * total);
    }
}

using Emiss.Core.Constants;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.PairProduction;

namespace Emiss.Shower.Processes.Photoelectric;

/// <summary>
/// Photoelectric cross sections. For Pb: total mass attenuation μ/ρ (PHYSICS.md §3.4, approximate XCOM values,
/// ±5 %) minus Klein–Nishina and pair, log–log interpolated for 0.1–1 MeV; above 1 MeV the 1 MeV value falls as
/// k^−1.6 (XCOM slope between 1 and 5 MeV, where the subtraction is unstable); below 0.1 MeV as k^−3.
/// Other elements scale as (Z/82)^4 per atom (the usual Z^{4–5} law; within a factor ~2 of XCOM above the
/// K edges; photoabsorption outside Pb matters little for deposits, PHYSICS.md §3.4).
/// </summary>
public static class PhotoelectricData
{
    private static readonly double[] PbEnergiesGeV = [1e-4, 1.5e-4, 2e-4, 3e-4, 5e-4, 1e-3, 2e-3, 5e-3];
    private static readonly double[] PbMuRhoCm2PerG = [5.55, 2.01, 1.00, 0.403, 0.161, 0.071, 0.046, 0.043];

    /// <summary>Pb total mass attenuation μ/ρ (PHYSICS.md §3.4 table), cm²/g, at the tabulated energies.</summary>
    public static IReadOnlyList<double> PbTotalAttenuationCm2PerG => PbMuRhoCm2PerG;

    /// <summary>Tabulated photon energies, GeV.</summary>
    public static IReadOnlyList<double> PbTableEnergiesGeV => PbEnergiesGeV;

    /// <summary>Per-atom photoelectric cross section of Pb, cm².</summary>
    public static double LeadCrossSectionCm2(double kGeV)
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
    public static double CrossSectionCm2(int z, double kGeV) => LeadCrossSectionCm2(kGeV) * Math.Pow(z / 82.0, 4.0);

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

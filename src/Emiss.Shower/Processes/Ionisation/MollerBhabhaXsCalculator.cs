using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Cross section per atomic electron for δ rays above the cut: Møller (e⁻e⁻) and Bhabha (e⁺e⁻), integrated forms of
/// docs/physics/ionisation.md#delta-rays as in Geant4 G4MollerBhabhaModel::ComputeCrossSectionPerElectron. (docs/physics/ionisation.md#delta-rays: Bhabha and Møller differ by less than 1 % on deposits, which would allow the Møller
/// form for e⁺; Bhabha is used because the Møller form diverges at ε → 1, which e⁺ can reach.)
/// </summary>
public static class MollerBhabhaXsCalculator
{
    /// <summary>σ(T; T_δ &gt; cut) per electron, cm².</summary>
    public static double CrossSectionPerElectronCm2(double kineticGeV, double cutGeV, bool positron)
    {
        double tmax = ElectronStoppingPower.MaxSecondaryGeV(kineticGeV, positron);
        if (cutGeV >= tmax) return 0.0;
        double xmin = cutGeV / kineticGeV, xmax = tmax / kineticGeV;
        double gam = kineticGeV / PhysicalConstants.ElectronMassGeV + 1.0, gamma2 = gam * gam, beta2 = 1.0 - 1.0 / gamma2;
        double cross;
        if (!positron)
        {
            double gg = (2.0 * gam - 1.0) / gamma2;
            cross = ((xmax - xmin) * (1.0 - gg + 1.0 / (xmin * xmax) + 1.0 / ((1.0 - xmin) * (1.0 - xmax)))
                - gg * Math.Log(xmax * (1.0 - xmin) / (xmin * (1.0 - xmax)))) / beta2;
        }
        else
        {
            (double b1, double b2, double b3, double b4) = BhabhaCoefficients(gam);
            cross = (xmax - xmin) * (1.0 / (beta2 * xmin * xmax) + b2 - 0.5 * b3 * (xmin + xmax)
                + b4 * (xmin * xmin + xmin * xmax + xmax * xmax) / 3.0) - b1 * Math.Log(xmax / xmin);
        }
        return Math.Max(cross, 0.0) * ElectronStoppingPower.TwoPiMcRe2 / kineticGeV;
    }

    /// <summary>Bhabha coefficients B1–B4 with y = 1/(1 + γ) (Bhabha, Proc. R. Soc. A 154, 195 (1936)).</summary>
    public static (double B1, double B2, double B3, double B4) BhabhaCoefficients(double gamma)
    {
        double y = 1.0 / (1.0 + gamma), y2 = y * y, y12 = 1.0 - 2.0 * y;
        double b1 = 2.0 - y2, b2 = y12 * (3.0 + y2), y122 = y12 * y12, b4 = y122 * y12, b3 = b4 + y122;
        return (b1, b2, b3, b4);
    }
}

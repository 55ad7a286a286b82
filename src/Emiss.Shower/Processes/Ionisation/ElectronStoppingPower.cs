using Emiss.Core.Constants;
using Emiss.Core.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Restricted collision stopping power of e± (Berger–Seltzer, ICRU 37; docs/physics/ionisation.md#electrons-and-positrons), in the restricted form of
/// Geant4 G4MollerBhabhaModel::ComputeDEDXPerVolume; with the cut at T_max it is the full formula of docs/physics/ionisation.md#electrons-and-positrons
/// (F⁻ for Møller, F⁺ for Bhabha) with the Sternheimer density effect.
/// </summary>
public static class ElectronStoppingPower
{
    /// <summary>2π m_e r_e², GeV·cm².</summary>
    public const double TwoPiMcRe2 = 2.0 * Math.PI * PhysicalConstants.ElectronMassGeV
        * PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm;

    /// <summary>Largest δ-ray energy: T/2 for e⁻ (identical particles), T for e⁺, GeV.</summary>
    public static double MaxSecondaryGeV(double kineticGeV, bool positron) => positron ? kineticGeV : 0.5 * kineticGeV;

    /// <summary>Restricted stopping power (energy transfers below <paramref name="cutGeV"/>), GeV/cm.</summary>
    public static double RestrictedGeVPerCm(Material material, double kineticGeV, double cutGeV, bool positron)
    {
        ArgumentNullException.ThrowIfNull(material);
        double me = PhysicalConstants.ElectronMassGeV;
        double tau = kineticGeV / me, gam = tau + 1.0, gamma2 = gam * gam, bg2 = tau * (tau + 2.0), beta2 = bg2 / gamma2;
        double eexc = material.MeanExcitationEnergyGeV / me, eexc2 = eexc * eexc;
        double d = Math.Min(cutGeV, MaxSecondaryGeV(kineticGeV, positron)) / me;
        double dedx;
        if (!positron)
        {
            dedx = Math.Log(2.0 * (tau + 2.0) / eexc2) - 1.0 - beta2 + Math.Log((tau - d) * d) + tau / (tau - d)
                + (0.5 * d * d + (2.0 * tau + 1.0) * Math.Log(1.0 - d / tau)) / gamma2;
        }
        else
        {
            double d2 = d * d * 0.5, d3 = d2 * d / 1.5, d4 = d3 * d * 0.75, y = 1.0 / (1.0 + gam);
            dedx = Math.Log(2.0 * (tau + 2.0) / eexc2) + Math.Log(tau * d)
                - beta2 * (tau + 2.0 * d - y * (3.0 * d2 + y * (d - d3 + y * (d2 - tau * d3 + d4)))) / tau;
        }
        dedx -= material.DensityEffect.Delta(Math.Sqrt(bg2));
        dedx *= TwoPiMcRe2 * material.ElectronDensityPerCm3 / beta2;
        return Math.Max(dedx, 0.0);
    }

    /// <summary>Unrestricted collision stopping power, GeV/cm.</summary>
    public static double TotalGeVPerCm(Material material, double kineticGeV, bool positron) =>
        RestrictedGeVPerCm(material, kineticGeV, double.MaxValue, positron);
}

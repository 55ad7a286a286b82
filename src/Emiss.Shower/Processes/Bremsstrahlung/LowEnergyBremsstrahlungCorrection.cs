using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// Correction of Tsai's screened Bethe–Heitler cross section below 50 MeV towards Seltzer and Berger's (At. Data
/// Nucl. Data Tables 35, 345 (1986)), whose radiative stopping powers ESTAR tabulates. Tsai's formula is a Born result
/// with the high-energy Coulomb correction; at 1 MeV it is 34 % low in Pb (the exact partial-wave results of Pratt et al.
/// exceed Born for high Z) and 10 % high in carbon (electron–electron bremsstrahlung is overestimated near threshold).
/// With x = ln(50 MeV/T) (0 above 50 MeV, held at its 1 MeV value below 1 MeV, where the fit stops):
/// <list type="bullet">
/// <item>nuclear (Z²) terms × A = 1 + 0.05 (αZ)^1.5 x^2.3;</item>
/// <item>electron (Z) terms × B = 1/(1 + 0.08 x²).</item>
/// </list>
/// The four constants were fitted (tools/seltzer_berger/fit_correction.py) to the Seltzer–Berger radiative stopping
/// powers of Pb and polystyrene at 1, 2, 5, 10, 20, 50 MeV (largest residual 1.0 %); iron, left out of the fit, comes
/// out within 1.5 % (docs/physics/bremsstrahlung.md#low-energy-correction). The photon spectrum keeps Tsai's shape.
/// </summary>
public static class LowEnergyBremsstrahlungCorrection
{
    private const double UpperMeV = 50.0, LowerMeV = 1.0;
    private const double NuclearScale = 0.05, NuclearZPower = 1.5, NuclearXPower = 2.3;
    private const double ElectronScale = 0.08, ElectronXPower = 2.0;

    private static double X(double totalEnergyGeV)
    {
        double tMeV = Math.Max((totalEnergyGeV - PhysicalConstants.ElectronMassGeV) * 1e3, LowerMeV);
        return tMeV >= UpperMeV ? 0.0 : Math.Log(UpperMeV / tMeV);
    }

    /// <summary>Factor A on the nuclear (Z²) terms of Tsai's bracket for an electron of total energy E.</summary>
    public static double NuclearFactor(double z, double totalEnergyGeV)
    {
        double x = X(totalEnergyGeV);
        return x > 0.0 ? 1.0 + NuclearScale * Math.Pow(PhysicalConstants.Alpha * z, NuclearZPower) * Math.Pow(x, NuclearXPower) : 1.0;
    }

    /// <summary>Factor B on the electron (Z) terms of Tsai's bracket for an electron of total energy E.</summary>
    public static double ElectronFactor(double totalEnergyGeV)
    {
        double x = X(totalEnergyGeV);
        return x > 0.0 ? 1.0 / (1.0 + ElectronScale * Math.Pow(x, ElectronXPower)) : 1.0;
    }

    /// <summary>Largest <see cref="NuclearFactor"/> over all energies (at and below 1 MeV).</summary>
    public static double MaxNuclearFactor(double z) => NuclearFactor(z, PhysicalConstants.ElectronMassGeV + LowerMeV * 1e-3);
}

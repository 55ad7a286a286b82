using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Compton;

/// <summary>Klein–Nishina cross section per free electron (docs/physics/compton.md#cross-section; Klein &amp; Nishina, Z. Phys. 52, 853 (1929)).</summary>
public static class KleinNishinaXsCalculator
{
    /// <summary>σ_KN(k) per electron, cm².</summary>
    public static double CrossSectionPerElectronCm2(double kGeV)
    {
        double kap = kGeV / PhysicalConstants.ElectronMassGeV;
        double re2 = PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm;
        if (kap < 1e-3) return 8.0 * Math.PI / 3.0 * re2 * (1.0 - 2.0 * kap);   // Thomson limit, avoids cancellation
        double l = Math.Log(1.0 + 2.0 * kap);
        return 2.0 * Math.PI * re2 * ((1.0 + kap) / (kap * kap) * (2.0 * (1.0 + kap) / (1.0 + 2.0 * kap) - l / kap)
            + l / (2.0 * kap) - (1.0 + 3.0 * kap) / ((1.0 + 2.0 * kap) * (1.0 + 2.0 * kap)));
    }
}

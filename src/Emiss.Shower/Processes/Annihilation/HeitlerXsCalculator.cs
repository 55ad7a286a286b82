using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.Annihilation;

/// <summary>Two-photon annihilation in flight per atomic electron (Heitler, <i>The Quantum Theory of Radiation</i>
/// (1954); docs/physics/annihilation.md#in-flight).</summary>
public static class HeitlerXsCalculator
{
    /// <summary>σ(e⁺e⁻ → γγ) per electron for a positron of kinetic energy T, cm².</summary>
    public static double CrossSectionPerElectronCm2(double kineticGeV)
    {
        double g = kineticGeV / PhysicalConstants.ElectronMassGeV + 1.0;
        double g21 = g * g - 1.0;
        if (g21 <= 1e-12) g21 = 1e-12;
        double sq = Math.Sqrt(g21);
        double re2 = PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm;
        return Math.PI * re2 / (g + 1.0) * ((g * g + 4.0 * g + 1.0) / g21 * Math.Log(g + sq) - (g + 3.0) / sq);
    }
}

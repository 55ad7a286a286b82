using Emiss.Core.Constants;
using Emiss.Core.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>Mean ionisation loss of heavy charged particles: Bethe formula with W_max and density effect
/// (PDG "Passage of particles through matter", eq. 34.5; docs/physics/ionisation.md#heavy-particles).</summary>
public static class MuonStoppingPower
{
    /// <summary>−dE/dx for a particle of mass <paramref name="massGeV"/> and kinetic energy T, GeV/cm.</summary>
    public static double GeVPerCm(Material material, double kineticGeV, double massGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        double me = PhysicalConstants.ElectronMassGeV;
        double gam = 1.0 + kineticGeV / massGeV, bg2 = gam * gam - 1.0, beta2 = bg2 / (gam * gam);
        double wmax = 2.0 * me * bg2 / (1.0 + 2.0 * gam * me / massGeV + me / massGeV * (me / massGeV));
        double i = material.MeanExcitationEnergyGeV;
        double bracket = 0.5 * Math.Log(2.0 * me * bg2 * wmax / (i * i)) - beta2 - 0.5 * material.DensityEffect.Delta(Math.Sqrt(bg2));
        return Math.Max(0.0, PhysicalConstants.IonisationKGeVCm2PerMol * material.ZOverA / beta2 * bracket * material.DensityGPerCm3);
    }
}

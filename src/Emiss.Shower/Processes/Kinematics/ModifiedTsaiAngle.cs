using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Kinematics;

/// <summary>
/// Polar angle of bremsstrahlung photons and pair leptons: Tsai's angular distribution as simplified in Geant4
/// G4ModifiedTsai (u = θ E/m_e from a sum of two exponentials; Tsai RMP 46, 815, eq. 3.5 approximated).
/// </summary>
public static class ModifiedTsaiAngle
{
    /// <summary>Samples cosθ for a particle of kinetic energy <paramref name="kineticGeV"/> (the radiating or produced lepton).</summary>
    public static double SampleCosTheta(double kineticGeV, ref EventRng rng)
    {
        double uMax = 2.0 * (1.0 + kineticGeV / PhysicalConstants.ElectronMassGeV);
        double u;
        // u_max ≥ 2 and P(u ≤ 2) > 0.5 for this mixture, so the bound is only reached by a bug.
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("modified-Tsai angle sampling", tries, rng, $"T = {kineticGeV} GeV");
            double uu = -Math.Log(rng.NextDoubleOpenZero() * rng.NextDoubleOpenZero());
            u = rng.NextDouble() < 0.25 ? uu * 1.6 : uu * (1.6 / 3.0);
            if (u <= uMax) break;
        }
        return 1.0 - 2.0 * u * u / (uMax * uMax);
    }
}

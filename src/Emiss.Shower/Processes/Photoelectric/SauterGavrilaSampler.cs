using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Photoelectric;

/// <summary>Photoelectron polar angle from the Sauter–Gavrila K-shell distribution (Sauter, Ann. Phys. 11, 454 (1931);
/// sampling as in Geant4 G4SauterGavrilaAngularDistribution).</summary>
public static class SauterGavrilaSampler
{
    /// <summary>Samples cosθ relative to the photon direction for a photoelectron of kinetic energy T.</summary>
    public static double SampleCosTheta(double kineticGeV, ref EventRng rng)
    {
        double tau = kineticGeV / PhysicalConstants.ElectronMassGeV;
        if (tau > 50.0) return 1.0;
        double gamma = tau + 1.0, beta = Math.Sqrt(tau * (tau + 2.0)) / gamma;
        double a = (1.0 - beta) / beta, ap2 = a + 2.0;
        double b = 0.5 * beta * gamma * (gamma - 1.0) * (gamma - 2.0);
        double grej = 2.0 * (1.0 + a * b) / a;
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double q = rng.NextDouble();
            double z = 2.0 * a * (2.0 * q + ap2 * Math.Sqrt(q)) / (ap2 * ap2 - 4.0 * q);
            double g = (2.0 - z) * (1.0 / (a + z) + b);
            if (g >= rng.NextDouble() * grej) return 1.0 - z;
        }
        throw LoopBound.Exceeded("Sauter–Gavrila sampling", LoopBound.SamplerTries, rng, $"T = {kineticGeV} GeV");
    }
}

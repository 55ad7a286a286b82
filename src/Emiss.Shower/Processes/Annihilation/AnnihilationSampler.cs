using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower.Processes.Kinematics;

namespace Emiss.Shower.Processes.Annihilation;

/// <summary>Final states of e⁺ annihilation: in flight from Heitler's distribution (sampling as in Geant4
/// G4eeToTwoGammaModel), at rest as two back-to-back isotropic 511 keV photons.</summary>
public static class AnnihilationSampler
{
    /// <summary>Samples the two photons of annihilation in flight; energies sum exactly to T + 2 m_e.</summary>
    public static (SecondaryParticle First, SecondaryParticle Second) InFlight(double kineticGeV, double ux, double uy, double uz, ref EventRng rng)
    {
        double me = PhysicalConstants.ElectronMassGeV;
        double tau = kineticGeV / me, gam = tau + 1.0, tau2 = tau + 2.0;
        double sqgrate = Math.Sqrt(tau / tau2) * 0.5, sqg2m1 = Math.Sqrt(tau * tau2);
        double epsMin = 0.5 - sqgrate, epsMax = 0.5 + sqgrate, lnQ = Math.Log(epsMax / epsMin);
        double eps;
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("annihilation-in-flight sampling", tries, rng, $"T = {kineticGeV} GeV");
            eps = epsMin * Math.Exp(lnQ * rng.NextDouble());
            double g = 1.0 - eps + (2.0 * gam * eps - 1.0) / (eps * tau2 * tau2);
            if (g >= rng.NextDouble()) break;
        }
        double total = kineticGeV + 2.0 * me;
        double k1 = eps * total;
        double cost = Math.Clamp((eps * tau2 - 1.0) / (eps * sqg2m1), -1.0, 1.0);
        (double ax, double ay, double az) = Direction.Deflect(ux, uy, uz, cost, 2.0 * Math.PI * rng.NextDouble());
        double p = Math.Sqrt(kineticGeV * (kineticGeV + 2.0 * me));
        (double bx, double by, double bz) = Direction.Normalize(p * ux - k1 * ax, p * uy - k1 * ay, p * uz - k1 * az);
        return (new SecondaryParticle(ShowerSpecies.Gamma, k1, ax, ay, az), new SecondaryParticle(ShowerSpecies.Gamma, total - k1, bx, by, bz));
    }

    /// <summary>Two back-to-back photons of m_e each, isotropic.</summary>
    public static (SecondaryParticle First, SecondaryParticle Second) AtRest(ref EventRng rng)
    {
        double me = PhysicalConstants.ElectronMassGeV;
        double cost = 2.0 * rng.NextDouble() - 1.0, sint = Math.Sqrt((1.0 - cost) * (1.0 + cost));
        (double s, double c) = Math.SinCos(2.0 * Math.PI * rng.NextDouble());
        double x = sint * c, y = sint * s;
        return (new SecondaryParticle(ShowerSpecies.Gamma, me, x, y, cost), new SecondaryParticle(ShowerSpecies.Gamma, me, -x, -y, -cost));
    }
}

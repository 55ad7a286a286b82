using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>Isotropic two-body decay in the parent's rest frame, boosted to the lab (exact kinematics).</summary>
public static class TwoBodyDecay
{
    /// <summary>Decays <paramref name="parent"/> (mass from its four-momentum) into daughters of PDG codes and masses given.</summary>
    public static (FinalStateParticle First, FinalStateParticle Second) Isotropic(
        in FinalStateParticle parent, int pdg1, double m1, int pdg2, double m2, ref EventRng rng)
    {
        double m = parent.Mass;
        if (m < m1 + m2) throw new ArgumentException($"parent mass {m} GeV below the threshold {m1 + m2} GeV", nameof(parent));
        // Daughter momentum in the rest frame: p* = √[(m² − (m1+m2)²)(m² − (m1−m2)²)]/(2m).
        double ps = Math.Sqrt((m * m - (m1 + m2) * (m1 + m2)) * (m * m - (m1 - m2) * (m1 - m2))) / (2 * m);
        double cos = 2 * rng.NextDouble() - 1, sin = Math.Sqrt(Math.Max(0, 1 - cos * cos));
        (double sp, double cp) = Math.SinCos(2 * Math.PI * rng.NextDouble());
        double qx = ps * sin * cp, qy = ps * sin * sp, qz = ps * cos;
        double e1 = Math.Sqrt(m1 * m1 + ps * ps), e2 = Math.Sqrt(m2 * m2 + ps * ps);
        return (Boost(pdg1, e1, qx, qy, qz, parent, m), Boost(pdg2, e2, -qx, -qy, -qz, parent, m));
    }

    /// <summary>Lorentz boost from the parent rest frame: β = p/E of the parent.</summary>
    private static FinalStateParticle Boost(int pdg, double e, double qx, double qy, double qz, in FinalStateParticle parent, double m)
    {
        double bx = parent.Px / parent.E, by = parent.Py / parent.E, bz = parent.Pz / parent.E;
        double gamma = parent.E / m;
        double bq = bx * qx + by * qy + bz * qz;
        double b2 = bx * bx + by * by + bz * bz;
        double f = b2 > 0 ? (gamma - 1) * bq / b2 + gamma * e : 0;
        return new FinalStateParticle(pdg, gamma * (e + bq), qx + f * bx, qy + f * by, qz + f * bz);
    }
}

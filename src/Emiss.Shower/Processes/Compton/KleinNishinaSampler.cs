using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Compton;

/// <summary>
/// Samples ε = k′/k from dσ/dε = (πr_e²/κ)(1/ε + ε)[1 − ε sin²θ/(1 + ε²)] by Butcher &amp; Messel's decomposition
/// (Nucl. Phys. 20, 15 (1960); as in EGS4 and Geant4 G4KleinNishinaCompton).
/// </summary>
public static class KleinNishinaSampler
{
    /// <summary>Samples ε and returns (ε, cosθ of the photon).</summary>
    public static (double Epsilon, double CosTheta) Sample(double kGeV, ref EventRng rng)
    {
        double kap = kGeV / PhysicalConstants.ElectronMassGeV;
        double eps0 = 1.0 / (1.0 + 2.0 * kap), eps0sq = eps0 * eps0;
        double alpha1 = -Math.Log(eps0), alpha2 = alpha1 + 0.5 * (1.0 - eps0sq);
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double eps, epssq;
            if (alpha1 > alpha2 * rng.NextDouble())
            {
                eps = Math.Exp(-alpha1 * rng.NextDouble());
                epssq = eps * eps;
            }
            else
            {
                epssq = eps0sq + (1.0 - eps0sq) * rng.NextDouble();
                eps = Math.Sqrt(epssq);
            }
            double oneCost = (1.0 - eps) / (eps * kap);
            double sint2 = oneCost * (2.0 - oneCost);
            double g = 1.0 - eps * sint2 / (1.0 + epssq);
            if (g >= rng.NextDouble()) return (eps, 1.0 - oneCost);
        }
        throw LoopBound.Exceeded("Klein–Nishina sampling", LoopBound.SamplerTries, rng, $"k = {kGeV} GeV");
    }
}

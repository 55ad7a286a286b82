using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower.Processes.Bremsstrahlung;

namespace Emiss.Shower.Processes.PairProduction;

/// <summary>Samples the energy sharing x = E/k of one lepton: x uniform on [m_e/k, ½], accepted on bracket/majorant, then mirrored
/// with probability ½. Below 2 MeV, where the ultrarelativistic bracket does not hold (it is clamped to 0 over much of the
/// range for heavy elements), x is uniform on [m_e/k, 1 − m_e/k], as Geant4's Bethe–Heitler model samples it
/// (docs/physics/pair-production.md#near-threshold).</summary>
public static class PairProductionSampler
{
    /// <summary>Photon energy below which x is sampled uniformly, GeV.</summary>
    public const double UniformBelowGeV = 0.002;

    /// <summary>Samples x (total-energy fraction of the positron), 0 &lt; x &lt; 1.</summary>
    public static double SampleX(in BremsstrahlungElement el, double kGeV, ref EventRng rng)
    {
        double xmin = PhysicalConstants.ElectronMassGeV / kGeV;
        if (kGeV < UniformBelowGeV) return xmin + (1.0 - 2.0 * xmin) * rng.NextDouble();
        double maj = PairProductionXsCalculator.Majorant(el, kGeV);
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double x = xmin + (0.5 - xmin) * rng.NextDouble();
            if (rng.NextDouble() * maj <= PairProductionXsCalculator.TsaiBracket(el, kGeV, x))
                return rng.NextDouble() < 0.5 ? x : 1.0 - x;
        }
        throw LoopBound.Exceeded("pair-production sampling", LoopBound.SamplerTries, rng, $"Z = {el.Z}, k = {kGeV} GeV");
    }
}

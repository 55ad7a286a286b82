using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>Samples the δ-ray energy fraction x = T_δ/T: proposal ∝ 1/x² on [x_min, x_max], rejection on the
/// Møller/Bhabha shape (as in Geant4 G4MollerBhabhaModel::SampleSecondaries).</summary>
public static class MollerBhabhaSampler
{
    /// <summary>Samples T_δ, GeV (requires cut &lt; T_max).</summary>
    public static double SampleDeltaEnergy(double kineticGeV, double cutGeV, bool positron, ref EventRng rng)
    {
        double tmax = ElectronStoppingPower.MaxSecondaryGeV(kineticGeV, positron);
        double xmin = cutGeV / kineticGeV, xmax = tmax / kineticGeV;
        double gam = kineticGeV / PhysicalConstants.ElectronMassGeV + 1.0, gamma2 = gam * gam, beta2 = 1.0 - 1.0 / gamma2;
        double x = xmin;
        if (!positron)
        {
            double gg = (2.0 * gam - 1.0) / gamma2, y0 = 1.0 - xmax;
            double grej = 1.0 - gg * xmax + xmax * xmax * (1.0 - gg + (1.0 - gg * y0) / (y0 * y0));
            for (int tries = 0; ; tries++)
            {
                if (tries == LoopBound.SamplerTries)
                    throw LoopBound.Exceeded("Møller sampling", tries, rng, $"T = {kineticGeV} GeV, cut = {cutGeV} GeV");
                double q = rng.NextDouble();
                x = xmin * xmax / (xmin * (1.0 - q) + xmax * q);
                double y = 1.0 - x;
                double z = 1.0 - gg * x + x * x * (1.0 - gg + (1.0 - gg * y) / (y * y));
                if (grej * rng.NextDouble() <= z) break;
            }
        }
        else
        {
            (double b1, double b2, double b3, double b4) = MollerBhabhaXsCalculator.BhabhaCoefficients(gam);
            double y0 = xmax * xmax;
            double grej = 1.0 + (y0 * y0 * b4 - xmin * xmin * xmin * b3 + y0 * b2 - xmin * b1) * beta2;
            for (int tries = 0; ; tries++)
            {
                if (tries == LoopBound.SamplerTries)
                    throw LoopBound.Exceeded("Bhabha sampling", tries, rng, $"T = {kineticGeV} GeV, cut = {cutGeV} GeV");
                double q = rng.NextDouble();
                x = xmin * xmax / (xmin * (1.0 - q) + xmax * q);
                double y = x * x;
                double z = 1.0 + (y * y * b4 - x * y * b3 + y * b2 - x * b1) * beta2;
                if (grej * rng.NextDouble() <= z) break;
            }
        }
        return x * kineticGeV;
    }
}

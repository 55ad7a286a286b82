using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// Samples the photon energy k ∈ (k_c, T]: proposal ∝ 1/k (uniform in ln k), accepted with probability
/// bracket(k)·suppression(k)/majorant (docs/physics/bremsstrahlung.md#sampling implementation note), the majorant being
/// <see cref="BremsstrahlungBracket.BoundAbove"/> at k_c: below 50 MeV the row maximum of Seltzer–Berger's
/// table, above it the smaller of the complete-screening bracket at y = 0 and Tsai's bound at k_c; both bound Tsai's
/// bracket on (k_c, T] because φ1, ψ1 and φ1 − φ2 decrease with γ and ε.
/// </summary>
public static class BremsstrahlungSampler
{
    /// <summary>Samples k, GeV.</summary>
    public static double SampleK(in BremsstrahlungElement el, double majorant, double kineticGeV, double kCutGeV,
        double lpmEnergyGeV, double plasmaEnergyGeV, bool lpm, bool dielectric, ref EventRng rng)
    {
        double e = kineticGeV + PhysicalConstants.ElectronMassGeV;
        double lnRatio = Math.Log(kineticGeV / kCutGeV);
        var bracket = new BremsstrahlungBracket(el, e);
        majorant = bracket.BoundAbove(kCutGeV, majorant);
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double k = kCutGeV * Math.Exp(rng.NextDouble() * lnRatio);
            if (k >= kineticGeV) k = kineticGeV * (1 - 1e-15);
            double w = bracket.At(k) * BremsstrahlungXsCalculator.Suppression(el, e, k, lpmEnergyGeV, plasmaEnergyGeV, lpm, dielectric);
            if (rng.NextDouble() * majorant <= w) return k;
        }
        throw LoopBound.Exceeded("bremsstrahlung sampling", LoopBound.SamplerTries, rng, $"Z = {el.Z}, T = {kineticGeV} GeV");
    }
}

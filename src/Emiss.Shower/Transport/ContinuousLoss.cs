using System.Runtime.CompilerServices;
using Emiss.Core.Random;

namespace Emiss.Shower.Transport;

/// <summary>
/// Continuous energy loss of a charged step: the step-function limit on the step length and the Bohr straggling of
/// the restricted loss.
/// </summary>
internal static class ContinuousLoss
{
    /// <summary>Step-function limit αR + ρ(1 − α)(2 − ρ/R) on a step with residual range R (Geant4 StepFunction(α, ρ),
    /// α = <paramref name="stepFraction"/>, ρ = <paramref name="finalRangeCm"/>; docs/physics/transport.md#step-limitation); the whole range below ρ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StepLimit(double rangeCm, double stepFraction, double finalRangeCm) =>
        rangeCm > finalRangeCm
            ? stepFraction * rangeCm + finalRangeCm * (1.0 - stepFraction) * (2.0 - finalRangeCm / rangeCm)
            : rangeCm;

    /// <summary>
    /// Mean loss <paramref name="meanLossGeV"/> smeared by Bohr straggling, σ² = (Bohr factor)·T_cut·s·(1 − β²/2)
    /// (Bohr's variance of the loss to δ rays below T_cut, with the relativistic factor of the Gaussian regime of
    /// Geant4 G4UniversalFluctuation), truncated symmetrically at [0, 2Δ] (capped at T) so that the mean is kept.
    /// </summary>
    public static double Straggle(double meanLossGeV, double kineticGeV, double massGeV, double tcutGeV, double bohrFactor,
        double stepCm, ref EventRng rng)
    {
        double e = kineticGeV + massGeV, beta2 = kineticGeV * (kineticGeV + 2 * massGeV) / (e * e);
        double sigma = Math.Sqrt(bohrFactor * tcutGeV * stepCm * (1.0 - 0.5 * beta2));
        double fl = meanLossGeV + sigma * rng.NextGaussian();
        return Math.Clamp(fl, 0.0, Math.Min(2.0 * meanLossGeV, kineticGeV));
    }
}

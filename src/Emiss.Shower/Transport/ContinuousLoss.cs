using System.Runtime.CompilerServices;

namespace Emiss.Shower.Transport;

/// <summary>
/// Continuous energy loss of a charged step: the step-function limit on the step length (the loss fluctuations are
/// <see cref="Processes.Ionisation.UrbanFluctuation"/>).
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
}

using Emiss.Core.Random;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>A multiple-scattering model: the angular deflection and lateral displacement accumulated over a step.</summary>
public interface IMultipleScattering
{
    /// <summary>
    /// Samples, in the frame of the initial direction, the projected angles (θx, θy, rad) at the end of the step and
    /// the lateral displacements (dx, dy, cm).
    /// </summary>
    /// <param name="stepCm">True step length t.</param>
    /// <param name="lambda1Cm">Transport mean free path λ1 for this step (from <see cref="TransportMeanFreePathCm"/>), so τ = t/λ1.</param>
    /// <param name="rng">Event random stream.</param>
    ScatteringSample Sample(double stepCm, double lambda1Cm, ref EventRng rng);

    /// <summary>
    /// Transport mean free path λ1 (cm) for a step of true length <paramref name="stepCm"/>: ⟨cos θ⟩ = exp(−t/λ1).
    /// Used for the true-to-geometric path-length conversion z = λ1(1 − e^{−t/λ1}).
    /// </summary>
    double TransportMeanFreePathCm(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm);
}

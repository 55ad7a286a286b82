using Emiss.Core.Random;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>A multiple-scattering model: the angular deflection and lateral displacement accumulated over a step.</summary>
public interface IMultipleScattering
{
    /// <summary>
    /// Samples, in the frame of the initial direction, the projected angles (θx, θy, rad) at the end of the step and
    /// the lateral displacements (dx, dy, cm).
    /// </summary>
    /// <param name="kineticGeV">Kinetic energy at the start of the step.</param>
    /// <param name="massGeV">Particle mass.</param>
    /// <param name="stepCm">Step length.</param>
    /// <param name="radiationLengthCm">X0 of the material.</param>
    /// <param name="rng">Event random stream.</param>
    ScatteringSample Sample(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm, ref EventRng rng);

    /// <summary>
    /// Transport mean free path λ1 (cm) for a step of true length <paramref name="stepCm"/>: ⟨cos θ⟩ = exp(−t/λ1).
    /// Used for the true-to-geometric path-length conversion z = λ1(1 − e^{−t/λ1}).
    /// </summary>
    double TransportMeanFreePathCm(double kineticGeV, double massGeV, double stepCm, double radiationLengthCm);
}

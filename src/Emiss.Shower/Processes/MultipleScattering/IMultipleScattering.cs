using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// A multiple-scattering model: the transport mean free path λ1 that the transport uses to limit steps and convert
/// true to geometric path lengths, the step scales of its boundary algorithm, and the deflection and lateral
/// displacement accumulated over a step.
/// </summary>
public interface IMultipleScattering
{
    /// <summary>Transport mean free path λ1 (cm) of a charged <paramref name="type"/> in material
    /// <paramref name="material"/> at ln(kinetic energy/GeV) = <paramref name="lnKineticGeV"/>: ⟨cos θ⟩ = e^{−t/λ1}.</summary>
    double Lambda1Cm(ShowerSpecies type, int material, double lnKineticGeV);

    /// <summary>λ1 (cm) at a kinetic energy already located on the model's energy grid (<see cref="EnergyGrid.Locate"/>;
    /// the same value as the overload taking ln T).</summary>
    double Lambda1Cm(ShowerSpecies type, int material, GridPoint at);

    /// <summary>The step scales of the boundary algorithm at kinetic energy <paramref name="kineticGeV"/> with transport mean
    /// free path <paramref name="lambda1Cm"/>.</summary>
    ScatteringScales Scales(ShowerSpecies type, int material, double kineticGeV, double lambda1Cm);

    /// <summary>Upper bound of the straight-line distance a charged <paramref name="type"/> can get from where it is in
    /// material <paramref name="material"/>, as a fraction of its residual range: a particle whose bound lies inside the
    /// safety cannot reach a boundary, so its steps need no multiple-scattering limit.</summary>
    double MaxReachPerRange(ShowerSpecies type, int material);

    /// <summary>Samples, in the frame of the initial direction, the deflection at the end of <paramref name="scatteringStep"/> and the
    /// lateral displacement of its end point.</summary>
    ScatteringSample Sample(in ScatteringStep scatteringStep, ref EventRng rng);
}

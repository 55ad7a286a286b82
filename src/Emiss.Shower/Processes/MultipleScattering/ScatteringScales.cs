namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>Step scales of a multiple-scattering boundary algorithm.</summary>
/// <param name="ElasticStepCm">A step of the order of the elastic mean free path: steps this short are single-scattering
/// like and are used inside the skin next to a boundary.</param>
/// <param name="MinimumStepCm">The smallest step the model describes (a few elastic mean free paths); shorter steps scale
/// the width of this one.</param>
public readonly record struct ScatteringScales(double ElasticStepCm, double MinimumStepCm);

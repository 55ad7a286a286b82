using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;

namespace Emiss.Analysis.Projections;

/// <summary>
/// Everything besides the setting that fixes a yield table (docs/physics/projections.md#yield-tables).
/// </summary>
/// <param name="Production">Production approximation of the A′-strahlung cross section.</param>
/// <param name="MissingEnergyMinFraction">Signal region E_A′ &gt; f E0.</param>
/// <param name="MassesMeV">Mass grid, MeV, increasing.</param>
/// <param name="Method">Analytic or Monte Carlo A′-strahlung yield.</param>
/// <param name="ShowerGeometry">Showers of the Monte Carlo yields (A′-strahlung with <see cref="YieldMethod.MonteCarlo"/>, annihilation of
/// shower positrons with <see cref="ShowerAnnihilation"/>).</param>
/// <param name="ShowerEvents">Showers of the Monte Carlo yields, shared by every mass and mediator of a beam energy.</param>
/// <param name="Seed">Master seed of the Monte Carlo yields.</param>
/// <param name="ShowerAnnihilation">Add resonant annihilation of shower positrons to e⁻-beam yields where the resonance can
/// fall in the signal region, √(m_e E_cut) ≲ m ≲ √(2 m_e E0) (docs/physics/resonant-annihilation.md#narrow-width-limit).</param>
/// <param name="AlphaDark">α_D (A′ width in the resonance; the dark-matter interpretation's y).</param>
/// <param name="ChiMassRatio">m_χ/m_A′ (benchmark 1/3).</param>
public sealed record YieldSpec(
    ProductionApproximation Production, double MissingEnergyMinFraction, IReadOnlyList<double> MassesMeV, YieldMethod Method,
    SlabStack ShowerGeometry, long ShowerEvents, ulong Seed, bool ShowerAnnihilation, double AlphaDark, double ChiMassRatio = 1.0 / 3.0);

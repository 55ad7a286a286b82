using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Signal.Processes;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// One (mediator, mass) hypothesis of a <see cref="MonteCarloYieldScan"/>: the A′-strahlung of <paramref name="Model"/>
/// at <paramref name="Mass"/>, and resonant annihilation of shower positrons when <paramref name="Annihilation"/> is set.
/// </summary>
/// <param name="Model">Production model of the A′-strahlung part, or null for annihilation only.</param>
/// <param name="Mass">A′ mass.</param>
/// <param name="Annihilation">Resonant-annihilation cross section (vector mediator), or null to leave it out.</param>
public sealed record YieldScanPoint(IDarkProductionModel? Model, Mass Mass, ResonantAnnihilationCrossSection? Annihilation = null)
{
    /// <summary>A point with resonant annihilation for m_χ = <paramref name="chiMassRatio"/> m and α_D = <paramref name="alphaDark"/>; the
    /// width uses the run coupling of the single-mass signal run (<see cref="Run.SignalOptions.Epsilon"/>), so both estimate the same rate.</summary>
    public static YieldScanPoint WithAnnihilation(IDarkProductionModel? model, Mass mass, double alphaDark, double chiMassRatio) =>
        new(model, mass, new ResonantAnnihilationCrossSection(mass.InGeV, chiMassRatio * mass.InGeV, alphaDark, new Run.SignalOptions().Epsilon));

    /// <summary>A short label, e.g. "vector-etl 10 MeV".</summary>
    public string Label => $"{Model?.Name ?? "annihilation"} {Mass.InMeV:G6} MeV";
}

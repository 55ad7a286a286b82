using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;

namespace Emiss.Analysis.Limits;

/// <summary>
/// Everything a (m_A′, ε) exclusion needs, resolved and validated (the run card of <c>emiss limit</c> maps onto it).
/// The counting inputs (observed events, background, efficiency, EOT) are given, not computed here: for the
/// NA64-2016 card they are the published values until the analysis chain derives them (<see cref="InputSource"/>).
/// </summary>
/// <param name="Name">Name of the card or configuration the request came from (labels the efficiency source).</param>
/// <param name="Seed">Master seed of the Monte Carlo yield (unused by the analytic yield).</param>
/// <param name="Mediator">A′ mediator.</param>
/// <param name="Production">Production approximation of the cross section.</param>
/// <param name="Target">Absorber whose nuclei radiate the A′ (analytic yield).</param>
/// <param name="Beam">Beam energy E0.</param>
/// <param name="MissingEnergyMinFraction">Signal region E_A′ &gt; f·E0, f in (0, 1).</param>
/// <param name="MassesMeV">Mass grid, MeV, increasing.</param>
/// <param name="ShowerYield">The Monte Carlo shower yield's settings; null selects the analytic primary-electron track-length yield.</param>
/// <param name="Runs">Exposure of each run.</param>
/// <param name="Efficiency">Signal-efficiency nodes.</param>
/// <param name="Counting">Observed count, expected background, CL and yield systematic.</param>
/// <param name="GMinus2">Δa_μ and its uncertainty for the favoured band.</param>
/// <param name="InputSource">Where the counting inputs come from, e.g. "published values of NA64, PRL 118, 011802 (2017)".</param>
public sealed record LimitRequest(
    string Name,
    ulong Seed,
    Mediator Mediator,
    ProductionApproximation Production,
    Material Target,
    Energy Beam,
    double MissingEnergyMinFraction,
    IReadOnlyList<double> MassesMeV,
    ShowerYieldSettings? ShowerYield,
    IReadOnlyList<RunExposure> Runs,
    EfficiencyNodes Efficiency,
    CountingInput Counting,
    MuonAnomalyMeasurement GMinus2,
    string InputSource);

using Emiss.Analysis.Limits;
using Emiss.Cli.Commands;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.MuonAnomaly;
using Emiss.Shower.Geometry;

namespace Emiss.Cli.RunCards;

/// <summary>Maps a validated <see cref="LimitCard"/> onto the Analysis layer's <see cref="LimitRequest"/>, resolving names to objects.</summary>
internal static class LimitCardRequest
{
    public static LimitRequest From(LimitCard card) => new(
        card.Name,
        card.Seed,
        ModelNames.Mediator(card.Signal.Mediator),
        ModelNames.Approximation(card.Signal.Production),
        MaterialCatalog.ByName(card.Target.Material),
        Energy.FromGeV(card.Beam.EnergyGeV),
        card.Signal.MissingEnergyMinFraction,
        card.MassesMeV(),
        card.Signal.YieldModel == "monte-carlo"
            ? new ShowerYieldSettings(UserInput.Resolve("signal.geometry", () => GeometryCatalog.Load(card.Signal.Geometry)), card.Signal.MonteCarloEvents)
            : null,
        card.Runs.Select(r => new RunExposure(r.Name, r.ElectronsOnTarget)).ToArray(),
        new EfficiencyNodes(card.Efficiency.MassMeV, card.Efficiency.Signal),
        new CountingInput(card.Statistics.ObservedEvents, card.Statistics.ExpectedBackground,
            card.Statistics.ConfidenceLevel, card.Statistics.SignalYieldRelativeUncertainty),
        new MuonAnomalyMeasurement(card.GMinus2.DeltaAmu * 1e11, card.GMinus2.DeltaAmuSigma * 1e11, card.GMinus2.Label),
        card.InputSource);
}

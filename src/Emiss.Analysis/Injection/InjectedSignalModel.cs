using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;
using Emiss.Analysis.Seeding;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Analysis.Injection;

/// <summary>
/// What a pseudo-data signal injection at (m_A′, ε) needs from the limit's own signal model, so that an injected
/// signal is exactly the one the limit would exclude: the yield n_A′(ε = 1, m) per EOT above the signal threshold from
/// the same yield model as <see cref="LimitComputation"/> (the card's <c>signal.yieldModel</c>: the analytic
/// primary-electron track length by default, the shower Monte Carlo when the card asks for it), and the A′ emissions of
/// <see cref="SignalEfficiencyScan"/> (<see cref="SignalEmissionSample"/>: emitter, depth and E_A′ inside the shower of
/// each run's ECAL), so that the detector sees injected events as the efficiency scan sees its signal.
/// </summary>
/// <param name="MassMeV">m_A′, MeV.</param>
/// <param name="Epsilon">ε.</param>
/// <param name="YieldPerEotAtEps1">n_A′(ε = 1, m) per EOT.</param>
/// <param name="YieldModel">Name of the yield calculation.</param>
/// <param name="Production">A′ production model of the limit.</param>
/// <param name="MissingEnergyMinFraction">Signal window E_A′ &gt; f·E0.</param>
/// <param name="Seed">Seed of the emission samples.</param>
public sealed record InjectedSignalModel(double MassMeV, double Epsilon, double YieldPerEotAtEps1, string YieldModel, IDarkProductionModel Production,
                                         double MissingEnergyMinFraction, ulong Seed)
{
    /// <summary>Beam electrons of each run's emission sample (about one A′ emission per two electrons).</summary>
    public const long EmissionElectrons = 8192;

    /// <summary>Draws emissions for a run with set-up <paramref name="card"/> (two uniform deviates to an emission in the
    /// card's ECAL); the sample is simulated once per ECAL layering and shared with the efficiency scan's cache.</summary>
    public Func<double, double, AprimeEmission> EmissionDrawFor(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        ulong seed = RngStreams.DerivedSeed(Seed, StreamKind.Signal, SignalStreamKeys.InjectedSignal);
        SignalEmissionSample sample = SignalEfficiencyScan.EmissionSample(card, Production, MassMeV, MissingEnergyMinFraction, EmissionElectrons, seed,
                                                                          Environment.ProcessorCount);
        return sample.Draw;
    }

    /// <summary>Builds the injection model of <paramref name="request"/> at (<paramref name="massMeV"/>, <paramref name="epsilon"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">m outside the request's mass grid, or ε outside (0, 1).</exception>
    public static InjectedSignalModel For(LimitRequest request, double massMeV, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(request);
        double lo = request.MassesMeV.Min(), hi = request.MassesMeV.Max();
        if (!(massMeV >= lo && massMeV <= hi))
            throw new ArgumentOutOfRangeException(nameof(massMeV), massMeV, $"outside the limit's mass grid [{lo:G4}, {hi:G4}] MeV");
        if (!(epsilon > 0 && epsilon < 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "must lie in (0, 1)");
        IDarkProductionModel production = DarkProductionModels.Create(request.Mediator, request.Production);
        // Same construction as LimitComputation.Run: a scan's value at a mass does not depend on the other masses scanned,
        // so at a grid mass this one-point scan reproduces the limit's yield bit for bit.
        ISignalYieldModel yield = request.ShowerYield is { } mc
            ? new ScannedSignalYield(MonteCarloYieldScan.Run([new YieldScanPoint(production, Mass.FromMeV(massMeV))], mc.Geometry, request.Beam, mc.Events,
                request.Seed, request.MissingEnergyMinFraction, Environment.ProcessorCount), production.Name)
            : new TrackLengthSignalYield(production, request.Target, request.Beam, request.MissingEnergyMinFraction);
        double perEot = yield.PerElectronOnTargetAtEps1(Mass.FromMeV(massMeV));
        return new InjectedSignalModel(massMeV, epsilon, perEot, yield.Name, production, request.MissingEnergyMinFraction, request.Seed);
    }
}

using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Shower.Geometry;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// The Monte Carlo signal yield behind the analytic yield's interface (docs/physics/signal-yield.md#master-formula): n_A′(ε = 1, m) per EOT with
/// E_A′ &gt; f E0 from the shower's track-length estimator. Each call builds the tables and runs
/// <see cref="Events"/> yield-mode electrons (deterministic for a given seed).
/// </summary>
public sealed class MonteCarloSignalYield : ISignalYieldModel
{
    private readonly IDarkProductionModel _model;
    private readonly SlabStack _geometry;
    private readonly Energy _beam;
    private readonly double _fraction;
    private readonly SignalOptions _options;
    private readonly ulong _seed;
    private readonly int _threads;

    /// <summary>Creates the yield model.</summary>
    public MonteCarloSignalYield(IDarkProductionModel model, SlabStack geometry, Energy beam, long events, ulong seed,
        double missingEnergyFraction = 0.5, SignalOptions? options = null, int threads = 1)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _geometry = geometry ?? throw new ArgumentNullException(nameof(geometry));
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        _beam = beam;
        _fraction = missingEnergyFraction;
        _options = options ?? new SignalOptions();
        Events = events;
        _seed = seed;
        _threads = threads;
        Name = $"shower-mc/{model.Name}/{geometry.Name}/{beam.InGeV:G6}GeV/f={missingEnergyFraction:G4}/N={events}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Electrons per mass point.</summary>
    public long Events { get; }

    /// <inheritdoc />
    public double PerElectronOnTargetAtEps1(Mass m) => Run(m).Estimator.Value;

    /// <summary>The full run result at mass <paramref name="m"/>.</summary>
    public SignalRunResult Run(Mass m)
    {
        SignalTables tables = SignalTables.Build(_model, _geometry.Materials, m, _beam, _fraction);
        return SignalRunner.Run(tables, _geometry, _options, Events, _seed, _threads);
    }
}

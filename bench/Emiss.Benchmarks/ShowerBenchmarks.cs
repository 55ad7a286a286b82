using BenchmarkDotNet.Attributes;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Benchmarks;

/// <summary>
/// Shower MC throughput: one e⁻ shower per invocation with the standard tally (issue 4 goal: ≤ 10 ms per 100 GeV e⁻
/// in the NA64 ECAL per core; Geant4 needs 500–1000 ms). Run with
/// <c>dotnet run -c Release --project bench/Emiss.Benchmarks -- --filter '*Shower*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ShowerBenchmarks
{
    private ShowerTransport _transport = null!;
    private ShowerTransport _fast = null!;
    private EventTally _tally = null!;
    private ulong _event;

    /// <summary>Geometry and primary energy (GeV).</summary>
    [Params("na64-ecal:100", "na64-ecal:10", "testem2-pbwo4:5")]
    public string Case { get; set; } = "na64-ecal:100";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split(':');
        var physics = new ShowerPhysics(GeometryCatalog.Load(parts[0]), PhysicsOptions.Standard);
        _transport = new ShowerTransport(physics);
        _fast = new ShowerTransport(physics, ShowerLibrary.Build(physics, FastShowerOptions.Default, Environment.ProcessorCount));
        _tally = new EventTally(physics.Geometry, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), physics.Processes.Length);
    }

    [Benchmark]
    public double OneShower()
    {
        _tally.Reset();
        var obs = new TallyObserver(_tally);
        EventRng rng = RngStreams.For(1, StreamKind.Shower, _event++);
        return _transport.RunEvent(ShowerSpecies.Electron, _tally.PrimaryKineticGeV, ref rng, ref obs).DepositedGeV;
    }

    /// <summary>The same shower in fast mode (default shower library, built once in the set-up).</summary>
    [Benchmark]
    public double OneShowerFast()
    {
        _tally.Reset();
        var obs = new TallyObserver(_tally);
        EventRng rng = RngStreams.For(1, StreamKind.Shower, _event++);
        return _fast.RunEvent(ShowerSpecies.Electron, _tally.PrimaryKineticGeV, ref rng, ref obs).DepositedGeV;
    }
}

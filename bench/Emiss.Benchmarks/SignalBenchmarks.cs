using BenchmarkDotNet.Attributes;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;

namespace Emiss.Benchmarks;

/// <summary>
/// Signal Monte Carlo (issue 5): 10⁶ weighted signal events at one mass (vector ETL, 10 MeV, NA64 ECAL, 100 GeV,
/// automatic bias, yield mode) on 2 threads — target &lt; 60 s on 2 cores; the analog yield run of the same size;
/// and the per-mass table build (ETL, Pb + polystyrene), which dominates a 20-mass scan together with the runs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class SignalBenchmarks
{
    private SlabStack _ecal = null!;
    private SignalTables _tables = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ecal = GeometryCatalog.Load("na64-ecal");
        _tables = SignalTables.Build(new ExactEtlModel(Mediator.Vector), _ecal.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
    }

    [Benchmark]
    public double WeightedSignalEvents1e6() =>
        SignalRunner.Run(_tables, _ecal, new SignalOptions { KeepEvents = true }, 1_000_000, 1, threads: 2).EmissionsTotal.Value;

    [Benchmark]
    public double AnalogYield1e6() =>
        SignalRunner.Run(_tables, _ecal, new SignalOptions { BiasFactor = 1.0 }, 1_000_000, 2, threads: 2).Estimator.Value;

    [Benchmark]
    public int EtlTablesOneMass() =>
        SignalTables.Build(new ExactEtlModel(Mediator.Vector), _ecal.Materials, Mass.FromMeV(30), Energy.FromGeV(100)).Count;
}

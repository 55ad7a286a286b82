using BenchmarkDotNet.Attributes;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Core.Numerics;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;

namespace Emiss.Benchmarks;

/// <summary>
/// The ETL yield table: n_X(ε = 1) for 40 log-spaced masses (1 MeV–1 GeV) × 4 mediators in thick lead at
/// 100 GeV, 120×120×80 grid, one shared spectrum cache so S, P and A reuse the vector's 3-D passes.
/// Target: &lt; 5 s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PhysicsYieldTableBenchmarks
{
    private Mass[] _masses = [];

    [GlobalSetup]
    public void Setup() => _masses = ValueGrid.Logspace(1, 1000, 40).Select(Mass.FromMeV).ToArray();

    [Benchmark]
    public double EtlYieldTable40Masses4Mediators()
    {
        var cache = new EtlSpectrumCache();
        double sum = 0;
        foreach (Mediator m in Enum.GetValues<Mediator>())
        {
            IDarkProductionModel model = m == Mediator.Vector
                ? new ExactEtlModel(Mediator.Vector, EtlGrid.Coarse, cache: cache)
                : new CorrectedIwwEtlModel(m, EtlGrid.Coarse, cache: cache);
            var yield = new TrackLengthSignalYield(model, MaterialCatalog.Lead, Energy.FromGeV(100));
            sum += MassGridYield.Evaluate(yield, _masses).Sum();
        }
        return sum;
    }

    [Benchmark]
    public double EtlTotalCrossSection10MeV() =>
        new ExactEtlModel(Mediator.Vector, EtlGrid.Coarse).TotalCrossSection(MaterialCatalog.Lead.Elements[0], Energy.FromGeV(100),
                                                             new DarkParameters(Mass.FromMeV(10), 1.0)).InCm2;
}

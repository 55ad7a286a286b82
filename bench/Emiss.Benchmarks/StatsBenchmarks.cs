using BenchmarkDotNet.Attributes;
using Emiss.Stats;
using Emiss.Stats.Nuisance;

namespace Emiss.Benchmarks;

/// <summary>Cost of the counting limits used per mass point and per expected-band evaluation.</summary>
[MemoryDiagnoser]
public class StatsBenchmarks
{
    private readonly CountingLimitCalculator _plain = new(new CountingModel(0.15));
    private readonly CountingLimitCalculator _cousinsHighland =
        new(new CountingModel(0.15, new YieldUncertainty(0.19, YieldSpreadShape.LogNormalMeanOne)));
    private readonly CountingLimitCalculator _both =
        new(new CountingModel(0.15, new YieldUncertainty(0.19, YieldSpreadShape.LogNormalMeanOne),
            new YieldUncertainty(0.447, YieldSpreadShape.LogNormalMeanOne)));

    [Benchmark(Baseline = true)]
    public double ClsLimitN1() => _plain.UpperLimit(1, 0.90);

    [Benchmark]
    public double CousinsHighlandLimitN1() => _cousinsHighland.UpperLimit(1, 0.90);

    [Benchmark]
    public double SignalAndBackgroundSpreadLimitN1() => _both.UpperLimit(1, 0.90);

    [Benchmark]
    public double ExpectedBandsCousinsHighland() => _cousinsHighland.ExpectedLimits(0.90).Plus2Sigma;

    [Benchmark]
    public double FeldmanCousinsN1() => FeldmanCousins.Interval(1, 0.5, 0.90).Upper;
}

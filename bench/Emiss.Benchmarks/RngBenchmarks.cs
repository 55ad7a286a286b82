using BenchmarkDotNet.Attributes;
using Emiss.Core.Random;

namespace Emiss.Benchmarks;

/// <summary>Cost of creating a per-event stream and drawing from it.</summary>
[MemoryDiagnoser]
public class RngBenchmarks
{
    [Benchmark]
    public double DeriveStreamAndDraw1000()
    {
        EventRng r = RngStreams.For(1, StreamKind.Shower, 12345);
        double s = 0;
        for (int i = 0; i < 1000; i++) s += r.NextDouble();
        return s;
    }
}

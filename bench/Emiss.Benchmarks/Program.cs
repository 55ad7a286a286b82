using BenchmarkDotNet.Running;
using Emiss.Benchmarks.CutFlow;

namespace Emiss.Benchmarks;

/// <summary>BenchmarkDotNet entry: <c>dotnet run -c Release --project bench/Emiss.Benchmarks -- --filter '*'</c>;
/// <c>-- cutflow-throughput [repetitions]</c> times the Parquet cut flow by wall clock and CPU time
/// (<see cref="CutFlowThroughput"/>).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cutflow-throughput") return CutFlowThroughput.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// A run split into equal batches of consecutive events (each batch is a shard of the same run: stream (seed, i) for
/// event i), so that statistical errors of derived observables (t_max, bin contents, shares) follow from the spread
/// of the batch values: σ(mean) ≈ stdev(batches) / √K. The merged result holds all events.
/// </summary>
internal sealed class BatchedRun
{
    private BatchedRun(ShowerRunResult all, ShowerRunResult[] batches)
    {
        All = all;
        Batches = batches;
    }

    public ShowerRunResult All { get; }

    public ShowerRunResult[] Batches { get; }

    public static BatchedRun Run(string geometry, double e0, int batches, int perBatch, ulong seed, double beamCm, ShowerLibrary? library,
        ShowerSpecies primary = ShowerSpecies.Electron)
    {
        ShowerPhysics phys = TestShowers.Physics(geometry);
        var parts = new ShowerRunResult[batches];
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
            parts[k] = ShowerRunner.Run(phys, primary, e0, perBatch, seed, threads: 1, firstEvent: (long)k * perBatch,
                beamXCm: beamCm, beamYCm: beamCm, library: library));
        var sums = new RunAccumulator(new EventTally(phys.Geometry, e0, phys.Processes.Length));
        foreach (ShowerRunResult p in parts) sums.Merge(p.Sums);
        return new BatchedRun(new ShowerRunResult(phys.Geometry, primary, e0, sums, parts[0].ProcessNames, parts[0].ProcessTicks, 0), parts);
    }

    /// <summary>Statistical error of the full-run value of <paramref name="q"/>, from the batch spread.</summary>
    public double Error(Func<ShowerRunResult, double> q)
    {
        double[] v = [.. Batches.Select(q)];
        double m = v.Average();
        double var = v.Sum(x => (x - m) * (x - m)) / (v.Length - 1);
        return Math.Sqrt(var / v.Length);
    }
}

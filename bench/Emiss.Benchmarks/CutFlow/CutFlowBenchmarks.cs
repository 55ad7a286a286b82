using BenchmarkDotNet.Attributes;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Core.IO;
using Emiss.Core.Random;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Storage.Events;
using Emiss.Testing;

namespace Emiss.Benchmarks.CutFlow;

/// <summary>
/// Throughput of the seed's cut flow (issue target: ≥ 20 M events/s on 2 cores). <see cref="InMemory"/> and
/// <see cref="InMemoryTwoThreads"/> evaluate the selection over columns already in memory; <see cref="FromParquet"/>
/// is the whole blind path: open the event store, read the columns row group by row group as the cuts need them,
/// drop the blinded region, count. <see cref="FromParquetBefore"/> is the same cut flow as it was read before the
/// staged reader, on the store as it was written before (Snappy; <see cref="BeforeCutFlow"/>), so one run gives the
/// ratio; <see cref="FromParquetSnappyStore"/> is the staged reader on that older store. <see cref="Rows"/> events per
/// invocation, so events/s = Rows / mean time (<c>cutflow-throughput</c> in <see cref="Program"/> prints them, with
/// CPU time). The rows are a mixture in which every stage is reached (≈ 1/8 fail each cut, the rest pass with
/// template showers), so every row group needs its shower columns and the χ² of the shape cut is computed for about
/// half of the rows: a harder mixture than data, where most events stop early. The 27 cells outside the 3×3 carry
/// pedestal noise (σ = 5 MeV, kept with its sign as in the event store), so that the store compresses like real data.
/// </summary>
[MemoryDiagnoser]
public class CutFlowBenchmarks
{
    /// <summary>Events per invocation.</summary>
    public const int Rows = 1 << 20;

    private SelectionColumns _columns = null!;
    private SelectionEvaluator _evaluator = null!;
    private SelectionCuts _cuts = null!;
    private string _root = null!, _dataDir = null!, _beforeDir = null!, _analysisDir = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cuts = SeedCuts.Na64_2016();
        _evaluator = new SelectionEvaluator(_cuts, 6, 6);
        var batch = new EventBatch(Rows, 36, 4) { Count = Rows };
        EventRng rng = RngStreams.For(1, StreamKind.Beam, 0);
        for (int i = 0; i < Rows; i++) Fill(batch, i, _cuts, ref rng);
        _columns = SelectionColumns.FromBatch(batch, 6, 6);
        _root = Directory.CreateTempSubdirectory("emiss-bench-cutflow").FullName;
        _dataDir = Path.Combine(_root, "data");
        _beforeDir = Path.Combine(_root, "before");
        _analysisDir = Path.Combine(_root, "analysis");
        Directory.CreateDirectory(_dataDir);
        Directory.CreateDirectory(_beforeDir);
        WriteStore(Path.Combine(_dataDir, "bench.parquet"), batch).GetAwaiter().GetResult();
        SnappyStore.CopyAsync(Path.Combine(_dataDir, "bench.parquet"), BeforeStore).GetAwaiter().GetResult();
    }

    /// <summary>The store as written before (Snappy).</summary>
    public string BeforeStore => Path.Combine(_beforeDir, "bench.parquet");

    /// <summary>The store as written now.</summary>
    public string Store => Path.Combine(_dataDir, "bench.parquet");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Cut flow over in-memory columns, one thread.</summary>
    [Benchmark]
    public long InMemory()
    {
        var counter = new CutFlowCounter(_evaluator);
        counter.Add("bench", _columns);
        return counter.Result(true).Rows[^1].Events;
    }

    /// <summary>Cut flow over in-memory columns split over two threads (two counters, merged).</summary>
    [Benchmark]
    public long InMemoryTwoThreads()
    {
        var counters = new CutFlowCounter[2];
        Parallel.For(0, 2, h =>
        {
            counters[h] = new CutFlowCounter(_evaluator);
            counters[h].Add("bench", _halves[h]);
        });
        counters[0].Merge(counters[1]);
        return counters[0].Result(true).Rows[^1].Events;
    }

    private SelectionColumns[] _halves = [];

    [GlobalSetup(Target = nameof(InMemoryTwoThreads))]
    public void SetupHalves()
    {
        Setup();
        _halves = new SelectionColumns[2];
        for (int h = 0; h < 2; h++)
        {
            _halves[h] = new SelectionColumns(Rows / 2, 6, 6);
            for (int i = h * (Rows / 2); i < (h + 1) * (Rows / 2); i++) _halves[h].Append(_columns, i);
        }
    }

    /// <summary>Blind cut flow read from a Parquet event store (staged column reading, row groups in parallel).</summary>
    [Benchmark]
    public long FromParquet() => Blind(_dataDir).Rows[^1].Events;

    /// <summary>The staged reader on the store as written before (Snappy column chunks).</summary>
    [Benchmark]
    public long FromParquetSnappyStore() => Blind(_beforeDir).Rows[^1].Events;

    /// <summary>The blind cut flow as read before, on the store as written before (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public long FromParquetBefore() => BeforeCutFlow.Run(BeforeStore, _cuts).Rows[^1].Events;

    /// <summary>The blind cut flow of the data directory <paramref name="dataDir"/>.</summary>
    public CutFlowResult Blind(string dataDir)
    {
        BlindDataSet set = BlindDataSet.OpenAsync(dataDir, _analysisDir).GetAwaiter().GetResult();
        try
        {
            return set.CutFlowAsync(_cuts).GetAwaiter().GetResult();
        }
        finally
        {
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The blind cut flow of <see cref="Store"/> and <see cref="BeforeStore"/>, new and before.</summary>
    public (CutFlowResult Now, CutFlowResult SnappyStore, CutFlowResult Before) AllPaths() =>
        (Blind(_dataDir), Blind(_beforeDir), BeforeCutFlow.Run(BeforeStore, _cuts));


    private static void Fill(EventBatch b, int i, SelectionCuts cuts, ref EventRng rng)
    {
        int fail = (int)(rng.NextDouble() * 8); // 0–5: fail that cut; 6, 7: pass everything
        double e = 10 + 80 * rng.NextDouble();
        b.Run[i] = 1;
        b.Event[i] = i;
        b.Weight[i] = 1;
        b.Trigger[i] = fail == 0 ? 1 : 15;
        b.SrdEnergyMeV[i] = fail == 1 ? 0.2 : fail == 3 ? 2.0 : 20 + 60 * rng.NextDouble();
        b.SrdTimeNs[i] = rng.NextGaussian();
        b.TrackOk[i] = true;
        b.TrackMomentumGeV[i] = 100 + rng.NextGaussian();
        b.TrackThetaMrad[i] = fail == 2 ? 5 : 0.3 * rng.NextDouble();
        b.EcalEnergyGeV[i] = e;
        b.EcalPreshowerGeV[i] = 0.05 * e;
        b.EcalMaxCell[i] = fail == 4 ? 20 : 21;
        for (int c = 0; c < 36; c++) b.EcalCellGeV[i * 36 + c] = (float)(0.005 * rng.NextGaussian());
        for (int dy = -1, k = 0; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++, k++)
                b.EcalCellGeV[i * 36 + 21 + dx + 6 * dy] = (float)(e * cuts.Ecal.ShapeFractions[k] * (1 + 0.05 * rng.NextGaussian()));
        b.V2EnergyMeV[i] = fail == 5 ? 3 : 0.1 * rng.NextGaussian();
        b.HcalEnergyGeV[i] = rng.NextDouble() < 0.5 ? 0.1 * rng.NextDouble() : 100 - e;
        b.HcalModuleGeV[i * 4] = b.HcalEnergyGeV[i];
        b.TriggerEcalSumGeV[i] = e;
    }

    private static async Task WriteStore(string path, EventBatch all)
    {
        await using EventStoreWriter w = await EventStoreWriter.CreateAsync(path, 6, 6, 4, new Provenance("emiss bench", 1, ""), "{}");
        const int group = 65_536;
        var b = new EventBatch(group, 36, 4);
        for (int start = 0; start < all.Count; start += group)
        {
            int n = Math.Min(group, all.Count - start);
            b.Clear();
            b.Count = n;
            Array.Copy(all.Run, start, b.Run, 0, n);
            Array.Copy(all.Event, start, b.Event, 0, n);
            Array.Copy(all.Weight, start, b.Weight, 0, n);
            Array.Copy(all.Trigger, start, b.Trigger, 0, n);
            Array.Copy(all.SrdEnergyMeV, start, b.SrdEnergyMeV, 0, n);
            Array.Copy(all.SrdTimeNs, start, b.SrdTimeNs, 0, n);
            Array.Copy(all.TrackOk, start, b.TrackOk, 0, n);
            Array.Copy(all.TrackMomentumGeV, start, b.TrackMomentumGeV, 0, n);
            Array.Copy(all.TrackThetaMrad, start, b.TrackThetaMrad, 0, n);
            Array.Copy(all.EcalEnergyGeV, start, b.EcalEnergyGeV, 0, n);
            Array.Copy(all.EcalPreshowerGeV, start, b.EcalPreshowerGeV, 0, n);
            Array.Copy(all.EcalMaxCell, start, b.EcalMaxCell, 0, n);
            Array.Copy(all.EcalCellGeV, start * 36, b.EcalCellGeV, 0, n * 36);
            Array.Copy(all.V2EnergyMeV, start, b.V2EnergyMeV, 0, n);
            Array.Copy(all.HcalEnergyGeV, start, b.HcalEnergyGeV, 0, n);
            Array.Copy(all.HcalModuleGeV, start * 4, b.HcalModuleGeV, 0, n * 4);
            Array.Copy(all.TriggerEcalSumGeV, start, b.TriggerEcalSumGeV, 0, n);
            await w.WriteAsync(b);
        }
        await w.CompleteAsync();
    }
}

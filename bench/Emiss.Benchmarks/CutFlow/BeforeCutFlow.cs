using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Events.Selection;
using Emiss.Storage.Events;
using Parquet;
using Parquet.Schema;

namespace Emiss.Benchmarks.CutFlow;

/// <summary>
/// The blind cut flow as read before the staged reader (commit aa2ec92, <c>BlindDataSet.CutFlowAsync</c> with
/// <c>EventFile.ReadAsync</c>), kept here as the benchmark's baseline: every row group read in full (the 14 selection
/// scalars, nullable columns through <c>double?[]</c>, all 36 ECAL cells scattered row-major), the blinded rows dropped
/// by gathering the kept rows into a second buffer, then <see cref="CutFlowCounter.Add"/>; row groups in parallel on
/// all cores, one counter per row group, merged in order. Only public APIs, so it counts exactly what the library counts.
/// </summary>
internal static class BeforeCutFlow
{
    public static CutFlowResult Run(string path, SelectionCuts cuts) => RunAsync(path, cuts).GetAwaiter().GetResult();

    private static async Task<CutFlowResult> RunAsync(string path, SelectionCuts cuts)
    {
        int groups;
        int cellsX, cellsY;
        await using (FileStream fs = File.OpenRead(path))
        await using (ParquetReader r = await ParquetReader.CreateAsync(fs))
        {
            groups = r.RowGroupCount;
            cellsX = int.Parse(r.CustomMetadata["emiss.ecal_cells_x"], System.Globalization.CultureInfo.InvariantCulture);
            cellsY = int.Parse(r.CustomMetadata["emiss.ecal_cells_y"], System.Globalization.CultureInfo.InvariantCulture);
        }
        var schema = new EventSchema(cellsX, cellsY, 4);
        var evaluator = new SelectionEvaluator(cuts, cellsX, cellsY);
        var counters = new CutFlowCounter[groups];
        int next = -1;
        async Task Work()
        {
            await using FileStream fs = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
            await using ParquetReader r = await ParquetReader.CreateAsync(fs);
            SelectionColumns? buffer = null, kept = null;
            int[] rows = [];
            double?[] optional = [];
            float[] cellBuffer = [];
            int g;
            while ((g = Interlocked.Increment(ref next)) < groups)
            {
                using ParquetRowGroupReader rg = r.OpenRowGroupReader(g);
                int n = checked((int)rg.RowCount);
                if (buffer is null || buffer.Capacity < n) buffer = new SelectionColumns(n, cellsX, cellsY);
                buffer.Count = n;
                SelectionColumns c = buffer;
                async Task R<T>(DataField<T> f, T[] dest) where T : struct => await rg.ReadAsync(f, new Memory<T>(dest, 0, n));
                await R(schema.Run, c.Run);
                await R(schema.Event, c.Event);
                await R(schema.Weight, c.Weight);
                await R(schema.TriggerBits, c.Trigger);
                await R(schema.TrackOk, c.TrackOk);
                if (optional.Length < n) optional = new double?[n];
                double?[] opt = optional;
                async Task O(DataField<double?> f, double[] dest)
                {
                    await rg.ReadAsync(f, new Memory<double?>(opt, 0, n));
                    for (int i = 0; i < n; i++) dest[i] = opt[i] ?? double.NaN;
                }
                await O(schema.TrackP, c.TrackMomentumGeV);
                await O(schema.TrackTheta, c.TrackThetaMrad);
                await R(schema.SrdEnergy, c.SrdEnergyMeV);
                await R(schema.SrdTime, c.SrdTimeNs);
                await R(schema.EcalEnergy, c.EcalEnergyGeV);
                await R(schema.EcalPreshower, c.EcalPreshowerGeV);
                await R(schema.EcalMaxCell, c.EcalMaxCell);
                int cells = c.Cells;
                if (cellBuffer.Length < n) cellBuffer = new float[n];
                for (int k = 0; k < cells; k++)
                {
                    await R(schema.EcalCells[k], cellBuffer);
                    for (int i = 0, j = k; i < n; i++, j += cells) c.EcalCellGeV[j] = cellBuffer[i];
                }
                await R(schema.V2Energy, c.V2EnergyMeV);
                await R(schema.HcalEnergy, c.HcalEnergyGeV);
                if (rows.Length < n) rows = new int[n];
                int m = 0;
                for (int i = 0; i < n; i++)
                    if (!BlindingRegion.Contains(c.EcalEnergyGeV[i], c.HcalEnergyGeV[i])) rows[m++] = i;
                if (kept is null || kept.Capacity < m) kept = new SelectionColumns(Math.Max(m, n), cellsX, cellsY);
                kept.Gather(c, rows.AsSpan(0, m));
                var counter = new CutFlowCounter(evaluator);
                counter.Add(Path.GetFileNameWithoutExtension(path), kept);
                counters[g] = counter;
            }
        }
        int workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(groups, 1));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Work)));
        var total = new CutFlowCounter(evaluator);
        foreach (CutFlowCounter c in counters) total.Merge(c);
        return total.Result(includeSignalBox: false);
    }
}

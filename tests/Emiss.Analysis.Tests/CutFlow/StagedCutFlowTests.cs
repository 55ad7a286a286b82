using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Analysis.EventData;
using Emiss.Analysis.Tests.EventData;
using Emiss.Core.IO;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Storage.Events;
using Emiss.Testing;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Emiss.Analysis.Tests.CutFlow;

/// <summary>
/// The staged reader of <see cref="BlindDataSet.CutFlowAsync"/> (columns read as the cuts need them, the plain
/// fast path for uncompressed chunks, shower columns only for rows reaching cut (iii)) against a straightforward
/// reference: every row group read whole through the storage reader (<see cref="EventStoreReader"/>), the blinded rows
/// dropped, every remaining row put through <see cref="SelectionEvaluator.LastPassed"/> by
/// <see cref="CutFlowCounter.Add(string, SelectionColumns, ReadOnlySpan{int})"/>, one counter per row group merged in
/// order. The data are random pseudo-data spread over both sides of every cut edge, with non-unit weights, absent
/// tracks, noisy cells, two files of several runs and uneven row groups, so that "equal" means the same counts and
/// the same weighted sums to the last bit.
/// </summary>
public sealed class StagedCutFlowTests
{
    private const int Rows = 12_000, RowGroup = 1_700;

    [Fact]
    public async Task The_blind_cut_flow_equals_a_row_by_row_reference_evaluation()
    {
        string root = TestScratch.NewDirectory("staged-blind");
        string data = await PseudoDataAsync(root);
        CutFlowResult reference = await ReferenceAsync(data, blind: true);
        NotVacuous(reference);
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, Path.Combine(root, "analysis"));
        CutFlowResult staged = await set.CutFlowAsync(SyntheticEvents.SeedCuts());
        Assert.Equal(reference.Rows, staged.Rows);
        Assert.Equal(reference.Regions, staged.Regions);
        Assert.False(staged.SignalBoxIncluded);
    }

    [Fact]
    public async Task The_unblinded_cut_flow_equals_the_reference_with_the_box()
    {
        string root = TestScratch.NewDirectory("staged-open");
        string data = await PseudoDataAsync(root);
        CutFlowResult reference = await ReferenceAsync(data, blind: false);
        Assert.True(reference.Regions.Single(r => r.Region == "signal_box" && r.Sample == "run-a" && r.Run == 1).Events > 0);
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, Path.Combine(root, "analysis"));
        set.Unblind(SyntheticEvents.SeedCuts(), "staged reader test", "tester", new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));
        CutFlowResult staged = await set.CutFlowAsync(SyntheticEvents.SeedCuts());
        Assert.Equal(reference.Rows, staged.Rows);
        Assert.Equal(reference.Regions, staged.Regions);
    }

    [Fact]
    public async Task A_snappy_store_written_before_the_uncompressed_default_gives_the_same_cut_flow()
    {
        string root = TestScratch.NewDirectory("staged-snappy");
        string data = await PseudoDataAsync(root);
        string snappy = Path.Combine(root, "snappy");
        Directory.CreateDirectory(snappy);
        foreach (string f in EventDirectory.Files(data)) await SnappyCopyAsync(f, Path.Combine(snappy, Path.GetFileName(f)));
        CutFlowResult reference = await ReferenceAsync(data, blind: true);
        await using BlindDataSet set = await BlindDataSet.OpenAsync(snappy, Path.Combine(root, "analysis"));
        CutFlowResult staged = await set.CutFlowAsync(SyntheticEvents.SeedCuts());
        Assert.Equal(reference.Rows, staged.Rows);
        Assert.Equal(reference.Regions, staged.Regions);
    }

    [Fact]
    public async Task The_plain_fast_path_reads_the_written_store_and_declines_a_compressed_one()
    {
        string root = TestScratch.NewDirectory("staged-plain");
        string data = await PseudoDataAsync(root);
        string path = EventDirectory.Files(data)[0];
        string snappy = Path.Combine(root, "snappy.parquet");
        await SnappyCopyAsync(path, snappy);
        var schema = new EventSchema(SyntheticEvents.CellsX, SyntheticEvents.CellsY, SyntheticEvents.HcalModules);
        double[] expected = new double[RowGroup], fast = new double[RowGroup];
        float[] expectedCell = new float[RowGroup], fastCell = new float[RowGroup];
        await using (FileStream fs = File.OpenRead(path))
        await using (ParquetReader r = await ParquetReader.CreateAsync(fs))
        {
            using ParquetRowGroupReader g = r.OpenRowGroupReader(1);
            await g.ReadAsync(schema.SrdEnergy, expected.AsMemory());
            await g.ReadAsync(schema.EcalCells[21], expectedCell.AsMemory());
            Assert.Equal(Parquet.Meta.CompressionCodec.UNCOMPRESSED, g.GetMetadata(schema.SrdEnergy)!.MetaData!.Codec);
        }
        Parquet.Meta.ColumnChunk srd = await ChunkAsync(path, schema.SrdEnergy), cell = await ChunkAsync(path, schema.EcalCells[21]);
        await using (EventFile f = await EventFile.OpenAsync(path))
        {
            Assert.True(f.TryReadPlain(srd, fast.AsSpan()));
            Assert.True(f.TryReadPlain(cell, fastCell.AsSpan()));
            Assert.False(f.TryReadPlain(srd, new double[RowGroup - 1].AsSpan()));
        }
        Assert.Equal(expected, fast);
        Assert.Equal(expectedCell, fastCell);
        Parquet.Meta.ColumnChunk compressed = await ChunkAsync(snappy, schema.SrdEnergy);
        await using (EventFile f = await EventFile.OpenAsync(snappy))
            Assert.False(f.TryReadPlain(compressed, new double[RowGroup].AsSpan()));
    }

    /// <summary>The metadata of <paramref name="field"/>'s chunk in row group 1 of <paramref name="path"/>.</summary>
    private static async Task<Parquet.Meta.ColumnChunk> ChunkAsync(string path, DataField field)
    {
        await using FileStream fs = File.OpenRead(path);
        await using ParquetReader r = await ParquetReader.CreateAsync(fs);
        using ParquetRowGroupReader g = r.OpenRowGroupReader(1);
        return g.GetMetadata(field)!;
    }

    /// <summary>Every stage and both sidebands are populated, so that equality is a test of every branch.</summary>
    private static void NotVacuous(CutFlowResult r)
    {
        foreach (string sample in new[] { "run-a", "run-b" })
        {
            long[] cumulative = [.. r.Rows.Where(x => x.Sample == sample && x.Run == (sample == "run-a" ? 1 : 3)).Select(x => x.Events)];
            Assert.Equal(CutNames.StageCount, cumulative.Length);
            for (int s = 1; s < cumulative.Length; s++) Assert.True(cumulative[s] < cumulative[s - 1] && cumulative[s] > 0, $"{sample}: stage {s} {cumulative[s]}");
        }
        Assert.True(r.Regions.Where(x => x.Region == "sideband_a").Sum(x => x.Events) > 0);
        Assert.True(r.Regions.Where(x => x.Region == "sideband_c").Sum(x => x.Events) > 0);
    }

    /// <summary>Two pseudo-data files (runs 1–2 and 3), random rows around every cut edge.</summary>
    private static async Task<string> PseudoDataAsync(string root)
    {
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await WriteAsync(Path.Combine(data, "run-a.parquet"), new Random(20161), [1, 2]);
        await WriteAsync(Path.Combine(data, "run-b.parquet"), new Random(20162), [3]);
        return data;
    }

    private static async Task WriteAsync(string path, Random rng, int[] runs)
    {
        const int cells = SyntheticEvents.CellsX * SyntheticEvents.CellsY;
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using EventStoreWriter w = await EventStoreWriter.CreateAsync(path, SyntheticEvents.CellsX, SyntheticEvents.CellsY, SyntheticEvents.HcalModules,
            new Provenance(SyntheticEvents.DataCommand, 1, ""), "{}");
        var b = new EventBatch(RowGroup, cells, SyntheticEvents.HcalModules);
        for (int i = 0; i < Rows; i++)
        {
            int r = b.Count++;
            bool edge = rng.NextDouble() < 0.15; // values right at the cut values, where < and ≤ differ
            b.Run[r] = runs[i * runs.Length / Rows];
            b.Event[r] = i;
            b.Weight[r] = 0.25 + 1.5 * rng.NextDouble();
            b.Trigger[r] = rng.NextDouble() < 0.1 ? (int)TriggerBits.BeamCounters : (int)(TriggerBits.BeamCounters | TriggerBits.Physics);
            b.SrdEnergyMeV[r] = edge ? Pick(rng, cuts.LooseSrd.MinMeV, cuts.Srd.MinMeV, cuts.Srd.MaxMeV) : rng.NextDouble() < 0.1 ? 0.5 : 300 * rng.NextDouble();
            b.SrdTimeNs[r] = edge ? Pick(rng, cuts.Srd.TimeWindowNs, -cuts.LooseSrd.TimeWindowNs) : 25 * (rng.NextDouble() - 0.5);
            bool track = rng.NextDouble() > 0.05;
            b.TrackOk[r] = track;
            b.TrackMomentumGeV[r] = track ? (edge ? cuts.Track.MomentumGeV + cuts.Track.MomentumHalfWidthGeV : 100 + 12 * (rng.NextDouble() - 0.5)) : double.NaN;
            b.TrackThetaMrad[r] = track ? (edge ? cuts.Track.ThetaMaxMrad : 4 * rng.NextDouble()) : double.NaN;
            double e = rng.NextDouble() < 0.6 ? 100 * rng.NextDouble() : 100 - 30 * rng.NextDouble();
            if (edge) e = Pick(rng, cuts.Regions.EcalMaxGeV, cuts.Regions.SidebandCEcalMaxGeV, cuts.Ecal.MinEnergyGeV);
            b.EcalEnergyGeV[r] = e;
            b.EcalPreshowerGeV[r] = edge ? cuts.Ecal.PreshowerMinGeV : e * 0.02 * rng.NextDouble();
            b.EcalTimeNs[r] = 0;
            int centre = rng.NextDouble() < 0.9 ? SyntheticEvents.BeamCell : SyntheticEvents.BeamCell + 1;
            b.EcalMaxCell[r] = centre;
            double spread = rng.NextDouble() < 0.5 ? 0.02 : 0.4;
            for (int c = 0; c < cells; c++) b.EcalCellGeV[r * cells + c] = (float)(0.005 * (rng.NextDouble() - 0.5));
            for (int dy = -1, k = 0; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++, k++)
                    b.EcalCellGeV[r * cells + centre + dx + SyntheticEvents.CellsX * dy] = (float)(e * cuts.Ecal.ShapeFractions[k] * (1 + spread * (rng.NextDouble() - 0.5)));
            b.V2EnergyMeV[r] = edge ? cuts.V2.MaxMeV : rng.NextDouble() < 0.2 ? 2.0 : 0.3 * (rng.NextDouble() - 0.5);
            double hcal = edge ? Pick(rng, cuts.Regions.HcalMaxGeV, 0.0) : rng.NextDouble() < 0.5 ? 1.5 * rng.NextDouble() : 100 - e;
            b.HcalEnergyGeV[r] = hcal;
            for (int k = 0; k < SyntheticEvents.HcalModules; k++) b.HcalModuleGeV[r * SyntheticEvents.HcalModules + k] = k < 2 ? 0.5 * hcal : 0;
            b.TriggerEcalSumGeV[r] = e;
            if (b.Count == RowGroup || i == Rows - 1)
            {
                await w.WriteAsync(b);
                b.Clear();
            }
        }
        await w.CompleteAsync();
    }

    private static double Pick(Random rng, params double[] values) => values[rng.Next(values.Length)];

    /// <summary>The reference: whole row groups through the storage reader, rows evaluated one by one.</summary>
    private static async Task<CutFlowResult> ReferenceAsync(string data, bool blind)
    {
        var evaluator = new SelectionEvaluator(SyntheticEvents.SeedCuts(), SyntheticEvents.CellsX, SyntheticEvents.CellsY);
        var total = new CutFlowCounter(evaluator);
        foreach (string path in EventDirectory.Files(data))
        {
            await using EventStoreReader r = await EventStoreReader.OpenAsync(path);
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                EventBatch batch = await r.ReadRowGroupAsync(g);
                SelectionColumns all = SelectionColumns.FromBatch(batch, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
                int[] rows = [.. Enumerable.Range(0, all.Count).Where(i => !blind || !BlindingRegion.Contains(all.EcalEnergyGeV[i], all.HcalEnergyGeV[i]))];
                var kept = new SelectionColumns(all.Count, SyntheticEvents.CellsX, SyntheticEvents.CellsY);
                kept.Gather(all, rows);
                var counter = new CutFlowCounter(evaluator);
                counter.Add(EventDirectory.SampleName(path), kept);
                total.Merge(counter);
            }
        }
        return total.Result(includeSignalBox: !blind);
    }

    /// <summary>The store re-encoded with Snappy, as the writer wrote it before uncompressed chunks became its default.</summary>
    private static async Task SnappyCopyAsync(string from, string to)
    {
        await using FileStream input = File.OpenRead(from);
        await using ParquetReader r = await ParquetReader.CreateAsync(input);
        await using FileStream output = File.Create(to);
        await using ParquetWriter w = await ParquetWriter.CreateAsync(r.Schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        w.CustomMetadata = r.CustomMetadata;
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rg = r.OpenRowGroupReader(g);
            int n = checked((int)rg.RowCount);
            using ParquetRowGroupWriter wg = w.CreateRowGroup();
            foreach (DataField f in r.Schema.GetDataFields())
            {
                if (f.ClrType == typeof(double) && f.IsNullable) await Copy<double>(rg, wg, f, n, nullable: true);
                else if (f.ClrType == typeof(double)) await Copy<double>(rg, wg, f, n, nullable: false);
                else if (f.ClrType == typeof(float)) await Copy<float>(rg, wg, f, n, nullable: false);
                else if (f.ClrType == typeof(int)) await Copy<int>(rg, wg, f, n, nullable: false);
                else if (f.ClrType == typeof(long)) await Copy<long>(rg, wg, f, n, nullable: false);
                else await Copy<bool>(rg, wg, f, n, nullable: false);
            }
            wg.CompleteValidate();
        }
    }

    private static async Task Copy<T>(ParquetRowGroupReader r, ParquetRowGroupWriter w, DataField f, int n, bool nullable) where T : struct
    {
        if (nullable)
        {
            var v = new T?[n];
            await r.ReadAsync(f, v.AsMemory());
            await w.WriteAsync(f, (ReadOnlyMemory<T?>)v.AsMemory());
        }
        else
        {
            var v = new T[n];
            await r.ReadAsync(f, v.AsMemory());
            await w.WriteAsync(f, (ReadOnlyMemory<T>)v.AsMemory());
        }
    }
}

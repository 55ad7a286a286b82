using System.Buffers.Binary;
using Emiss.Core.IO;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Storage.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Storage.Tests.Events;

public sealed class EventStoreConcatenationTests : IDisposable
{
    private static readonly SetupCard Card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
    private readonly string _dir = TestScratch.NewDirectory("emiss-concat");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Simulates events [first, first + count) in row groups of 40 into a store.</summary>
    private async Task<string> StoreAsync(string name, long first, long count, int cellsX = 6)
    {
        var model = new DetectorModel(Card, 11);
        string path = Path.Combine(_dir, name);
        var prov = new Provenance("emiss simulate", 11, "");
        await using EventStoreWriter w = await EventStoreWriter.CreateAsync(path, cellsX, 6, 4, prov, SetupCardJson.Serialize(Card));
        SimulationPipeline.Run(model, new SimulationRequest(first, count, 1, 40, 1), b =>
        {
            if (cellsX == 6) w.WriteAsync(b).GetAwaiter().GetResult();
        });
        await w.CompleteAsync();
        return path;
    }

    /// <summary>Everything before the Parquet footer: the row data (the footer length precedes the closing magic).</summary>
    private static byte[] DataRegion(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        return b[..(b.Length - 8 - BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(b.Length - 8, 4)))];
    }

    [Fact]
    public async Task Stores_of_consecutive_row_groups_concatenate_to_the_single_store()
    {
        string whole = await StoreAsync("whole.parquet", 0, 200);
        string[] parts = [await StoreAsync("a.parquet", 0, 80), await StoreAsync("b.parquet", 80, 40), await StoreAsync("c.parquet", 120, 80)];
        string merged = Path.Combine(_dir, "merged.parquet");
        long rows = await EventStoreConcatenation.WriteAsync(parts, merged, new Provenance("emiss simulate (merged)", 11, ""));
        Assert.Equal(200, rows);
        Assert.Equal(DataRegion(whole), DataRegion(merged));
        await using EventStoreReader r = await EventStoreReader.OpenAsync(merged);
        Assert.Equal(5, r.RowGroupCount);
        Assert.Equal("emiss simulate (merged)", r.Metadata["emiss.command"]);
        Assert.Equal(SetupCardJson.Serialize(Card), r.Metadata["emiss.setup_card"]);
    }

    [Fact]
    public async Task A_store_of_another_layout_is_refused_and_nothing_is_written()
    {
        string a = await StoreAsync("a.parquet", 0, 40);
        string other = await StoreAsync("other.parquet", 0, 40, cellsX: 5);   // declares a 5 × 6 ECAL
        string merged = Path.Combine(_dir, "merged.parquet");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => EventStoreConcatenation.WriteAsync([a, other], merged, new Provenance("m", 11, "")));
        Assert.Contains("layout or set-up card differs", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(merged));
    }
}

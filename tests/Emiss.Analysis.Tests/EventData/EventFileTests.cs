using Emiss.Analysis.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Testing;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Emiss.Analysis.Tests.EventData;

public sealed class EventFileTests
{
    [Fact]
    public async Task Projected_columns_read_back_the_written_rows_across_row_groups()
    {
        string dir = TestScratch.NewDirectory("evfile");
        string path = Path.Combine(dir, "mc.parquet");
        List<EventSpec> specs = [.. Enumerable.Range(0, 250).Select(i => new EventSpec(10 + i % 90, (i % 7) * 0.5))];
        await SyntheticEvents.WriteAsync(path, SyntheticEvents.SimulationCommand, specs, rowGroup: 100);
        await using EventFile f = await EventFile.OpenAsync(path);
        Assert.Equal(250, f.RowCount);
        Assert.Equal(3, f.RowGroupCount);
        var b = new EventBatch(250, 36, 4) { Count = 250 };
        for (int i = 0; i < 250; i++) SyntheticEvents.Fill(b, i, i, specs[i]);
        SelectionColumns expected = SelectionColumns.FromBatch(b, 6, 6);
        int row = 0;
        SelectionColumns? buffer = null;
        for (int g = 0; g < f.RowGroupCount; g++)
        {
            buffer = await f.ReadAsync(g, buffer);
            for (int i = 0; i < buffer.Count; i++, row++)
            {
                Assert.Equal(expected.Event[row], buffer.Event[i]);
                Assert.Equal(expected.EcalEnergyGeV[row], buffer.EcalEnergyGeV[i]);
                Assert.Equal(expected.HcalEnergyGeV[row], buffer.HcalEnergyGeV[i]);
                Assert.True(expected.CellsOf(row).SequenceEqual(buffer.CellsOf(i)));
                Assert.Equal(expected.EcalMaxCell[row], buffer.EcalMaxCell[i]);
            }
        }
        Assert.Equal(250, row);
    }

    [Fact]
    public async Task A_missing_track_reads_as_nan()
    {
        string dir = TestScratch.NewDirectory("evnull");
        string path = Path.Combine(dir, "mc.parquet");
        var b = new EventBatch(2, 36, 4) { Count = 2 };
        SyntheticEvents.Fill(b, 0, 0, new EventSpec(30, 0));
        SyntheticEvents.Fill(b, 1, 1, new EventSpec(30, 0));
        b.TrackOk[1] = false;
        b.TrackMomentumGeV[1] = double.NaN;
        b.TrackThetaMrad[1] = double.NaN;
        await using (var w = await Emiss.Storage.Events.EventStoreWriter.CreateAsync(path, 6, 6, 4, new Emiss.Core.IO.Provenance(SyntheticEvents.SimulationCommand, 1, ""), "{}"))
        {
            await w.WriteAsync(b);
            await w.CompleteAsync();
        }
        await using EventFile f = await EventFile.OpenAsync(path);
        SelectionColumns c = await f.ReadAsync(0, null);
        Assert.False(c.TrackOk[1]);
        Assert.True(double.IsNaN(c.TrackThetaMrad[1]));
        Assert.Equal(0.2, c.TrackThetaMrad[0]);
    }

    [Fact]
    public async Task Another_schema_version_is_refused_naming_the_file_and_both_versions()
    {
        string path = Path.Combine(TestScratch.NewDirectory("evv2"), "old.parquet");
        await WriteRawAsync(path, new Dictionary<string, string> { ["emiss.schema"] = "emiss-events/2" });
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => EventFile.OpenAsync(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("emiss-events/2", e.Message, StringComparison.Ordinal);
        Assert.Contains("emiss-events/3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_columns_are_listed_with_the_file()
    {
        string path = Path.Combine(TestScratch.NewDirectory("evcols"), "cut.parquet");
        await WriteRawAsync(path, new Dictionary<string, string>
        {
            ["emiss.schema"] = "emiss-events/3", ["emiss.ecal_cells_x"] = "6", ["emiss.ecal_cells_y"] = "6", ["emiss.hcal_modules"] = "4",
        });
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => EventFile.OpenAsync(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("missing column(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("ecal_energy_gev", e.Message, StringComparison.Ordinal);
        Assert.Contains("ecal_cell_5_5_gev", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_naming_the_file()
    {
        string dir = TestScratch.NewDirectory("evtrunc");
        string good = Path.Combine(dir, "good.parquet"), cut = Path.Combine(dir, "cut.parquet");
        await SyntheticEvents.WriteAsync(good, SyntheticEvents.SimulationCommand, [.. Enumerable.Repeat(new EventSpec(30, 0), 50)]);
        byte[] bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(cut, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => EventFile.OpenAsync(cut));
        Assert.Contains(cut, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_refused_naming_the_file()
    {
        string path = Path.Combine(TestScratch.NewDirectory("evtext"), "notes.parquet");
        await File.WriteAllTextAsync(path, "run,event\n1,2\n");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => EventFile.OpenAsync(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_directory_is_refused()
    {
        string dir = TestScratch.NewDirectory("evempty");
        var e = Assert.Throws<InvalidDataException>(() => EventDirectory.Files(dir));
        Assert.Contains(dir, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A Parquet file with one int column <c>run</c> and the given metadata.</summary>
    private static async Task WriteRawAsync(string path, Dictionary<string, string> metadata)
    {
        var field = new DataField<int>("run");
        var schema = new ParquetSchema(field);
        await using FileStream fs = File.Create(path);
        await using ParquetWriter w = await ParquetWriter.CreateAsync(schema, fs);
        w.CustomMetadata = metadata;
        using ParquetRowGroupWriter g = w.CreateRowGroup();
        await g.WriteAsync(field, new ReadOnlyMemory<int>([1]));
    }
}

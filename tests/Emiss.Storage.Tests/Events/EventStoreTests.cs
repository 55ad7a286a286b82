using DuckDB.NET.Data;
using Emiss.Core.IO;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Storage.Events;
using Xunit;

namespace Emiss.Storage.Tests.Events;

public sealed class EventStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "emiss-store-" + Guid.NewGuid().ToString("N"));
    private static readonly SetupCard Card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);

    public EventStoreTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<EventBatch> Simulate(int events, int chunk)
    {
        var model = new DetectorModel(Card, 77);
        var copies = new List<EventBatch>();
        SimulationPipeline.Run(model, new SimulationRequest(0, events, 5, chunk, 2), b =>
        {
            // Batches are reused by the pipeline: round-trip through a store-independent copy.
            var c = new EventBatch(b.Capacity, b.EcalCells, b.HcalModules) { Count = b.Count };
            b.EcalEnergyGeV.CopyTo(c.EcalEnergyGeV, 0); b.Event.CopyTo(c.Event, 0); b.EcalCellGeV.CopyTo(c.EcalCellGeV, 0);
            b.HcalModuleGeV.CopyTo(c.HcalModuleGeV, 0); b.TrackMomentumGeV.CopyTo(c.TrackMomentumGeV, 0); b.Trigger.CopyTo(c.Trigger, 0);
            b.TrackOk.CopyTo(c.TrackOk, 0); b.TrackThetaMrad.CopyTo(c.TrackThetaMrad, 0); b.Run.CopyTo(c.Run, 0); b.Weight.CopyTo(c.Weight, 0); b.SrdEnergyMeV.CopyTo(c.SrdEnergyMeV, 0);
            copies.Add(c);
        });
        return copies;
    }

    private async Task<string> WriteAsync(IEnumerable<EventBatch> batches, string name = "events.parquet")
    {
        string path = Path.Combine(_dir, name);
        var prov = new Provenance("emiss simulate --setup na64-2016-pbsc", 77, SetupCardJson.Serialize(Card));
        await using EventStoreWriter w = await EventStoreWriter.CreateAsync(path, 6, 6, 4, prov, SetupCardJson.Serialize(Card));
        foreach (EventBatch b in batches) await w.WriteAsync(b);
        await w.CompleteAsync();
        return path;
    }

    [Fact]
    public async Task Round_trip_preserves_rows_row_groups_and_metadata()
    {
        List<EventBatch> batches = Simulate(250, 100);
        string path = await WriteAsync(batches);
        await using EventStoreReader r = await EventStoreReader.OpenAsync(path);
        Assert.Equal(3, r.RowGroupCount); // 100 + 100 + 50
        Assert.Equal("77", r.Metadata["emiss.seed"]);
        Assert.Equal(SetupCardJson.Serialize(Card), r.Metadata["emiss.setup_card"]);
        Assert.Equal(EventSchema.Identifier, r.Metadata[EventSchema.SchemaKey]);
        Assert.Contains("0=BeamElectron", r.Metadata["emiss.true_process_codes"], StringComparison.Ordinal);
        for (int g = 0; g < r.RowGroupCount; g++)
        {
            EventBatch back = await r.ReadRowGroupAsync(g);
            EventBatch orig = batches[g];
            Assert.Equal(orig.Count, back.Count);
            for (int i = 0; i < orig.Count; i++)
            {
                Assert.Equal(orig.Event[i], back.Event[i]);
                Assert.Equal(orig.EcalEnergyGeV[i], back.EcalEnergyGeV[i]);
                Assert.Equal(orig.TrackMomentumGeV[i], back.TrackMomentumGeV[i]); // NaN compares equal here
                Assert.Equal(orig.Trigger[i], back.Trigger[i]);
                Assert.Equal(orig.TrackOk[i], back.TrackOk[i]);
                for (int c = 0; c < 36; c++) Assert.Equal(orig.EcalCellGeV[i * 36 + c], back.EcalCellGeV[i * 36 + c]);
                for (int k = 0; k < 4; k++) Assert.Equal(orig.HcalModuleGeV[i * 4 + k], back.HcalModuleGeV[i * 4 + k]);
            }
        }
    }

    [Fact]
    public async Task Incomplete_write_leaves_no_file_and_no_temporary()
    {
        string path = Path.Combine(_dir, "partial.parquet");
        var prov = new Provenance("test", 1, "");
        await using (EventStoreWriter w = await EventStoreWriter.CreateAsync(path, 6, 6, 4, prov, "{}"))
            await w.WriteAsync(Simulate(10, 10)[0]);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Reader_refuses_a_foreign_parquet_file()
    {
        string path = Path.Combine(_dir, "foreign.parquet");
        var f = new Parquet.Schema.DataField<double>("x");
        await using (var fs = File.Create(path))
        await using (var w = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(f), fs))
        {
            using var g = w.CreateRowGroup();
            await g.WriteAsync(f, new ReadOnlyMemory<double>([1.0]));
            g.CompleteValidate();
        }
        await Assert.ThrowsAsync<InvalidDataException>(() => EventStoreReader.OpenAsync(path));
    }

    [Fact]
    public async Task Independent_reader_DuckDB_sees_the_same_rows_sums_and_metadata()
    {
        List<EventBatch> batches = Simulate(300, 128);
        string path = await WriteAsync(batches, "duck.parquet");
        double expectSum = batches.Sum(b => b.EcalEnergyGeV.Take(b.Count).Sum());
        double expectCell = batches.Sum(b => Enumerable.Range(0, b.Count).Sum(i => (double)b.EcalCellGeV[i * 36 + 3 + 6 * 3]));
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        using DuckDBCommand cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*), sum(ecal_energy_gev), sum(ecal_cell_3_3_gev), min(event), max(event), CAST(sum(CAST(track_ok AS INTEGER)) AS BIGINT) FROM read_parquet('{path}')";
        using (var rd = cmd.ExecuteReader())
        {
            Assert.True(rd.Read());
            Assert.Equal(300L, Convert.ToInt64(rd.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expectSum, rd.GetDouble(1), 1e-9 * Math.Abs(expectSum));
            Assert.Equal(expectCell, rd.GetDouble(2), 1e-5 * Math.Abs(expectCell));
            Assert.Equal(0L, Convert.ToInt64(rd.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(299L, Convert.ToInt64(rd.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(batches.Sum(b => b.TrackOk.Take(b.Count).Count(t => t)), Convert.ToInt64(rd.GetValue(5), System.Globalization.CultureInfo.InvariantCulture));
        }
        cmd.CommandText = $"SELECT CAST(value AS VARCHAR) FROM parquet_kv_metadata('{path}') WHERE CAST(key AS VARCHAR) = 'emiss.seed'";
        Assert.Equal("77", cmd.ExecuteScalar()?.ToString());
        cmd.CommandText = $"SELECT count(*) FROM parquet_metadata('{path}') WHERE path_in_schema = 'event'";
        Assert.Equal(3L, Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)); // row groups 128 + 128 + 44
    }

    [Fact]
    public async Task Missing_tracks_are_null_for_DuckDB_so_avg_works()
    {
        List<EventBatch> batches = Simulate(400, 200);
        string path = await WriteAsync(batches, "nulls.parquet");
        var rows = batches.SelectMany(b => Enumerable.Range(0, b.Count).Select(i => (Ok: b.TrackOk[i], P: b.TrackMomentumGeV[i]))).ToList();
        int missing = rows.Count(r => !r.Ok);
        Assert.True(missing > 0, "the sample needs events without a track");
        double expectAvg = rows.Where(r => r.Ok).Average(r => r.P);
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        using DuckDBCommand cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FILTER (WHERE track_p_gev IS NULL), count(*) FILTER (WHERE track_theta_mrad IS NULL), " +
                          $"count(*) FILTER (WHERE (track_p_gev IS NULL) <> (NOT track_ok)), count(*) FILTER (WHERE isnan(track_p_gev)), avg(track_p_gev) " +
                          $"FROM read_parquet('{path}')";
        using (var rd = cmd.ExecuteReader())
        {
            Assert.True(rd.Read());
            Assert.Equal(missing, Convert.ToInt64(rd.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(missing, Convert.ToInt64(rd.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0L, Convert.ToInt64(rd.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)); // null exactly when track_ok is false
            Assert.Equal(0L, Convert.ToInt64(rd.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expectAvg, rd.GetDouble(4), 1e-9 * Math.Abs(expectAvg));
        }
        // Only the documented columns are OPTIONAL; everything else is REQUIRED (no nulls, no NaN).
        cmd.CommandText = $"SELECT name FROM parquet_schema('{path}') WHERE repetition_type = 'OPTIONAL' ORDER BY name";
        var optional = new List<string>();
        using (var rd = cmd.ExecuteReader())
            while (rd.Read()) optional.Add(rd.GetString(0));
        Assert.Equal(["track_p_gev", "track_theta_mrad"], optional);
        cmd.CommandText = $"SELECT CAST(value AS VARCHAR) FROM parquet_kv_metadata('{path}') WHERE CAST(key AS VARCHAR) = 'emiss.nullable_columns'";
        Assert.Equal(EventSchema.NullableColumns, cmd.ExecuteScalar()?.ToString());
    }

    [Fact]
    public async Task NaN_in_a_required_column_is_refused_naming_column_and_event()
    {
        List<EventBatch> batches = Simulate(20, 20);
        batches[0].HcalEnergyGeV[7] = double.NaN;
        string path = Path.Combine(_dir, "nan.parquet");
        var prov = new Provenance("test", 1, "");
        InvalidDataException ex;
        await using (EventStoreWriter w = await EventStoreWriter.CreateAsync(path, 6, 6, 4, prov, "{}"))
            ex = await Assert.ThrowsAsync<InvalidDataException>(() => w.WriteAsync(batches[0]));
        Assert.Contains("hcal_energy_gev", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"event {batches[0].Event[7]}", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Reader_refuses_another_schema_version_naming_the_file()
    {
        string path = Path.Combine(_dir, "old.parquet");
        var f = new Parquet.Schema.DataField<double>("x");
        await using (var fs = File.Create(path))
        await using (var w = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(f), fs))
        {
            w.CustomMetadata = new Dictionary<string, string> { [EventSchema.SchemaKey] = "emiss-events/1" };
            using var g = w.CreateRowGroup();
            await g.WriteAsync(f, new ReadOnlyMemory<double>([1.0]));
            g.CompleteValidate();
        }
        InvalidDataException ex = await Assert.ThrowsAsync<InvalidDataException>(() => EventStoreReader.OpenAsync(path));
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'emiss-events/1' is not supported", ex.Message, StringComparison.Ordinal);
        Assert.Contains(EventSchema.Identifier, ex.Message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using DuckDB.NET.Data;
using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Readers;

/// <summary>
/// Every Parquet file Emiss writes, read by DuckDB (an independent Parquet implementation): schema, row counts,
/// nulls, NaN, and the numbers the metadata states (one number, one value: the signal sample's yield is the string
/// yield.csv holds; Σ weight / N of its rows is its weighted-emission value).
/// </summary>
[Collection(SignalOutputsGroup.Name)]
public sealed class ParquetReaderTests(SignalOutputs outputs) : IDisposable
{
    private readonly DuckDBConnection _db = Open();

    public void Dispose() => _db.Dispose();

    private static DuckDBConnection Open()
    {
        var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        return c;
    }

    private List<object[]> Query(string sql)
    {
        using DuckDBCommand cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        using var rd = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (rd.Read())
        {
            var row = new object[rd.FieldCount];
            rd.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private Dictionary<string, string> Metadata(string path) =>
        Query($"SELECT CAST(key AS VARCHAR), CAST(value AS VARCHAR) FROM parquet_kv_metadata('{path}')")
            .ToDictionary(r => (string)r[0], r => (string)r[1], StringComparer.Ordinal);

    private static long L(object o) => Convert.ToInt64(o, CultureInfo.InvariantCulture);

    /// <summary>(name, DuckDB type, repetition) of every column, in file order.</summary>
    private List<(string Name, string Type, string Repetition)> Schema(string path) =>
        [.. Query($"SELECT name, CAST(type AS VARCHAR), CAST(repetition_type AS VARCHAR) FROM parquet_schema('{path}') WHERE num_children IS NULL OR num_children = 0")
            .Select(r => ((string)r[0], (string)r[1], (string)r[2]))];

    /// <summary>Count of nulls and of NaN over all columns of a file (floating columns for NaN).</summary>
    private (long Nulls, long NaN) NullsAndNaN(string path, IEnumerable<(string Name, string Type, string Repetition)> columns, IEnumerable<string>? except = null)
    {
        var skip = new HashSet<string>(except ?? [], StringComparer.Ordinal);
        var cols = columns.Where(c => !skip.Contains(c.Name)).ToList();
        string nulls = string.Join(" + ", cols.Select(c => $"count(*) FILTER (WHERE \"{c.Name}\" IS NULL)"));
        string nans = string.Join(" + ", cols.Where(c => c.Type is "DOUBLE" or "FLOAT").Select(c => $"count(*) FILTER (WHERE isnan(\"{c.Name}\"))"));
        object[] r = Query($"SELECT {nulls}, {(nans.Length > 0 ? nans : "0")} FROM read_parquet('{path}')")[0];
        return (L(r[0]), L(r[1]));
    }

    [Fact]
    public void Signal_samples_match_yield_csv_and_their_own_metadata()
    {
        foreach (string dir in new[] { outputs.YieldDir, outputs.DetectorDir })
        {
            CsvTable yield = CsvTable.Read(Path.Combine(dir, "yield.csv"));
            string Cell(string[] row, string col) => row[yield.Columns.ToList().IndexOf(col)];
            string[] files = Directory.GetFiles(dir, "signal_*.parquet");
            Assert.Equal(yield.Rows.Count, files.Length);
            bool detector = dir == outputs.DetectorDir;
            foreach (string[] row in yield.Rows)
            {
                string path = Path.Combine(dir, $"signal_m{Cell(row, "mA_MeV")}MeV.parquet");
                Dictionary<string, string> meta = Metadata(path);
                // One number, one value: the yield and its error are yield.csv's strings.
                Assert.Equal(Cell(row, "n_per_eot_eps1"), meta["emiss.signal.yield_per_eot_eps1"]);
                Assert.Equal(Cell(row, "stat_err"), meta["emiss.signal.yield_stat_err"]);
                Assert.Equal(Cell(row, "events"), meta["emiss.signal.yield_pass.simulated_electrons"]);
                Assert.Equal("0", meta["emiss.signal.yield_pass.first_event"]);
                // The detector pass names the shower library it used by its content address (the disk cache's file name).
                Assert.Equal(detector, System.Text.RegularExpressions.Regex.IsMatch(meta["emiss.notes"], "detector pass: shower library sha256 [0-9a-f]{64} "));
                Assert.Equal("1", meta["emiss.signal.yield_pass.bias_factor"]);
                long n = long.Parse(meta["emiss.signal.simulated_electrons"], CultureInfo.InvariantCulture);
                long first = long.Parse(meta["emiss.signal.first_event"], CultureInfo.InvariantCulture);
                // The campaign's passes: yield [0, N), biased [N, 2N), detector [2N, 2N + N_det).
                Assert.Equal(detector ? (SignalOutputs.DetectorEvents, 2L * SignalOutputs.Events) : (SignalOutputs.Events, SignalOutputs.Events), (n, first));
                if (!detector)
                {
                    Assert.Equal(Cell(row, "weighted_emissions"), meta["emiss.signal.weighted_emissions_per_eot_eps1"]);
                    Assert.Equal(Cell(row, "weighted_emissions_err"), meta["emiss.signal.weighted_emissions_stat_err"]);
                }
                object[] r = Query($"SELECT count(*), sum(weight_per_eot_eps1), min(event_index), max(event_index), count(DISTINCT event_index) FROM read_parquet('{path}')")[0];
                long rows = L(r[0]);
                Assert.True(rows > 0, path);
                Assert.Equal(long.Parse(meta["emiss.signal.rows"], CultureInfo.InvariantCulture), rows);
                Assert.Equal(rows, L(r[4]));
                Assert.InRange(L(r[2]), first, first + n - 1);
                Assert.InRange(L(r[3]), first, first + n - 1);
                // Σ w / N of the rows is the stated weighted emissions; only the summation order differs (1e-12).
                double stated = double.Parse(meta["emiss.signal.weighted_emissions_per_eot_eps1"], CultureInfo.InvariantCulture);
                double sumOverN = Convert.ToDouble(r[1], CultureInfo.InvariantCulture) / n;
                Assert.True(Math.Abs(sumOverN / stated - 1) < 1e-12, $"{path}: Σw/N {sumOverN:R} vs metadata {stated:R}");
                // Rows in increasing event order (the file order DuckDB preserves).
                Assert.Equal(0L, L(Query($"SELECT count(*) FROM (SELECT event_index - lag(event_index) OVER () AS d FROM read_parquet('{path}')) WHERE d <= 0")[0][0]));

                var schema = Schema(path);
                Assert.Equal(("event_index", "INT64", "REQUIRED"), schema[0]);
                Assert.Equal(["event_index", "process", "emitter_pdg", "emitter_is_primary", "slab", "emitter_energy_gev", "aprime_energy_gev", "x",
                    "weight_per_eot_eps1", "leaked_gev"], schema.Take(10).Select(c => c.Name));
                Assert.Equal(detector, schema.Any(c => c.Name == "ecal_cell_00_gev"));
                Assert.All(schema, c => Assert.Equal("REQUIRED", c.Repetition));
                Assert.Equal((0L, 0L), NullsAndNaN(path, schema));
            }
        }
    }

    [Fact]
    public void Event_store_of_simulate_reads_with_its_rows_row_groups_nulls_and_version()
    {
        string dir = TestScratch.NewDirectory("readers-simulate");
        try
        {
            string path = Path.Combine(dir, "events.parquet");
            var (code, stdout, stderr) = EmissProcess.Run("simulate", "--events", "500", "--chunk", "200", "--seed", "3", "--threads", "2", "--out", path);
            Assert.True(code == 0, stderr + stdout);
            Dictionary<string, string> meta = Metadata(path);
            Assert.Equal("emiss-events/3", meta["emiss.schema"]);
            Assert.Equal("3", meta["emiss.seed"]);
            object[] r = Query($"SELECT count(*), min(event), max(event), count(DISTINCT event), count(*) FILTER (WHERE NOT track_ok), avg(track_p_gev), avg(track_theta_mrad) FROM read_parquet('{path}')")[0];
            Assert.Equal((500L, 0L, 499L, 500L), (L(r[0]), L(r[1]), L(r[2]), L(r[3])));
            Assert.Equal(3L, L(Query($"SELECT count(*) FROM parquet_metadata('{path}') WHERE path_in_schema = 'event'")[0][0])); // 200 + 200 + 100
            // avg over the measured tracks is a number, not NaN (missing tracks are null, not NaN).
            Assert.InRange(Convert.ToDouble(r[5], CultureInfo.InvariantCulture), 50.0, 150.0);
            Assert.True(double.IsFinite(Convert.ToDouble(r[6], CultureInfo.InvariantCulture)));
            var schema = Schema(path);
            Assert.Equal(["track_p_gev", "track_theta_mrad"], schema.Where(c => c.Repetition == "OPTIONAL").Select(c => c.Name));
            Assert.Equal(0L, L(Query($"SELECT count(*) FROM read_parquet('{path}') WHERE (track_p_gev IS NULL) <> (NOT track_ok) OR (track_theta_mrad IS NULL) <> (NOT track_ok)")[0][0]));
            Assert.Equal((0L, 0L), NullsAndNaN(path, schema, except: ["track_p_gev", "track_theta_mrad"]));
            Assert.Equal(0L, NullsAndNaN(path, schema.Where(c => c.Repetition == "OPTIONAL")).NaN);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

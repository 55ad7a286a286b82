using System.Globalization;
using DuckDB.NET.Data;
using Emiss.Cli.Cuts;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Analyze;

/// <summary>
/// <c>box-events.csv</c> (docs/physics/blinding.md#box-events) end to end: pseudo-data at 2·10⁻⁴ of the seed's EOT with
/// the dimuon source and an injected 10 MeV A′ at ε = 0.1 (≈ 60 injected events, ≈ 20 of them in the box, so the box is
/// not empty); absent while blind (a stale copy is removed), written by <c>unblind</c> with one line per event counted
/// in the box of <c>regions.csv</c>, each line equal to its event-store row as DuckDB reads the Parquet files.
/// </summary>
public sealed class BoxEventsCommandTests
{
    private static string[] DataLines(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    [Fact]
    public void Box_events_are_absent_while_blind_and_after_unblinding_match_the_box_count_and_the_event_store()
    {
        string root = TestScratch.NewDirectory("box-events");
        string data = Path.Combine(root, "data"), analysis = Path.Combine(root, "analysis");
        var (code, stdout, err) = InProcessEmiss.Run("pseudodata", "--out", data, "--eot-scale", "0.0002", "--sources", "dimuon", "--estimate-events", "200",
                                                     "--threads", "2", "--inject-signal", "10,0.1");
        Assert.True(code == 0, err + stdout);
        string boxFile = Path.Combine(analysis, AnalysisOutputs.BoxEventsFile);

        // Blind: no list, and one left in the directory (e.g. from before a ledger was deleted) is removed.
        Directory.CreateDirectory(analysis);
        File.WriteAllText(boxFile, "stale");
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis);
        Assert.True(code == 0, err);
        Assert.False(File.Exists(boxFile), "box-events.csv exists while blind");

        (code, _, err) = InProcessEmiss.Run("unblind", "--analysis", analysis, "--reason", "test: box events", "--who", "tester");
        Assert.True(code == 0, err);
        string text = File.ReadAllText(boxFile);
        Assert.Contains("# note: unblinded: unblinding.log line 1", text, StringComparison.Ordinal);
        Assert.Contains("# note: cuts sha256: ", text, StringComparison.Ordinal);
        string[] lines = DataLines(boxFile);
        Assert.Equal(string.Join(',', AnalysisOutputs.BoxEventColumns), lines[0]);
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        long boxCount = DataLines(Path.Combine(analysis, "regions.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] == "all" && f[3] == "signal_box").Sum(f => long.Parse(f[4], CultureInfo.InvariantCulture));
        Assert.True(boxCount > 0, "the injected signal must put events in the box");
        Assert.Equal(boxCount, rows.Length);
        Assert.Contains(rows, f => f[10] == nameof(TrueProcess.DarkPhotonSignal));

        // DuckDB reads the CSV and joins it with the Parquet event stores on (run, event): every listed value is the
        // stored one, inside the seed's box (E_ECAL < 50 GeV, E_HCAL < 1 GeV), and true_process names the stored code.
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using DuckDBCommand cmd = db.CreateCommand();
        string csv = boxFile.Replace("'", "''", StringComparison.Ordinal), parquet = Path.Combine(data, "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        cmd.CommandText =
            $"SELECT b.true_process, p.true_process, b.ecal_gev = p.ecal_energy_gev AND b.hcal_gev = p.hcal_energy_gev AND b.srd_mev = p.srd_energy_mev " +
            $"AND b.track_momentum_gev = p.track_p_gev AND b.track_theta_mrad = p.track_theta_mrad AND b.v2_mev = p.v2_energy_mev AND b.weight = p.weight, " +
            $"b.ecal_gev < 50 AND b.hcal_gev < 1 " +
            $"FROM read_csv('{csv}', comment = '#', header = true, types = {{'true_process': 'VARCHAR'}}) b " +
            $"JOIN read_parquet('{parquet}') p ON b.run = p.run AND b.event = p.event";
        int joined = 0;
        using (var rd = cmd.ExecuteReader())
            while (rd.Read())
            {
                joined++;
                Assert.Equal(Enum.GetName((TrueProcess)rd.GetInt32(1)), rd.GetString(0));
                Assert.True(rd.GetBoolean(2), "a listed value differs from the event store");
                Assert.True(rd.GetBoolean(3), "a listed event lies outside the box");
            }
        Assert.Equal(rows.Length, joined);

        // A rerun of the unblinded analysis with the frozen cuts writes the same list.
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis);
        Assert.True(code == 0, err);
        Assert.Equal(lines, DataLines(boxFile));
    }
}

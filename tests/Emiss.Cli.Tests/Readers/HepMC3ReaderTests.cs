using System.Globalization;
using System.Text.RegularExpressions;
using Emiss.Reporting.Tables;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Readers;

/// <summary>
/// Every HepMC3 file <c>emiss signal</c> writes is read by the HepMC3 C++ library (ReaderAscii) through
/// tests/readers/hepmc3_check.cc, which checks four-momentum conservation at every vertex to 1e-10 of the vertex's
/// incoming energy (the checker's header says why) and counts the events.
/// </summary>
[Collection(SignalOutputsGroup.Name)]
public sealed partial class HepMC3ReaderTests(SignalOutputs outputs, ITestOutputHelper log)
{
    [HepMC3Fact]
    public void HepMC3_library_reads_every_signal_file_and_every_vertex_conserves_four_momentum()
    {
        if (ExternalReaders.HepMC3Missing() is string why) Assert.Fail($"HepMC3 C++ reader unavailable: {why}; {ExternalReaders.Hint}");
        string checker = ExternalReaders.CompileHepMC3Checker(outputs.Root);
        string[] files = [.. Directory.GetFiles(outputs.YieldDir, "*.hepmc3"), .. Directory.GetFiles(outputs.DetectorDir, "*.hepmc3")];
        Assert.Equal(3, files.Length); // 10 and 300 MeV; 10 MeV with a detector pass
        var processes = new HashSet<string>();
        foreach (string f in files)
        {
            // Events expected: one per signal event of the biased pass, up to --hepmc-events; the Parquet sample of a
            // yield-mode run holds exactly those events, so its row count is the expectation (read with DuckDB).
            bool capped = f.StartsWith(outputs.DetectorDir, StringComparison.Ordinal);
            long expected = capped ? SignalOutputs.DetectorHepMCEvents : ParquetRows(Path.ChangeExtension(f, ".parquet"));
            var (code, stdout, stderr) = ExternalReaders.Run(checker, [f, "--expect-events", expected.ToString(CultureInfo.InvariantCulture)]);
            log.WriteLine(stdout.Trim());
            Assert.True(code == 0, $"{f}: {stdout}{stderr}");
            Match m = Summary().Match(stdout);
            Assert.True(m.Success, stdout);
            Assert.Equal(expected, long.Parse(m.Groups["events"].Value, CultureInfo.InvariantCulture));
            Assert.Equal("0", m.Groups["violations"].Value);
            Assert.Equal(2 * expected, long.Parse(m.Groups["vertices"].Value, CultureInfo.InvariantCulture)); // shower vertex + emission vertex
            // Every event has exactly one A′ (PDG 1023) in its final state.
            Assert.Contains($"1023:{expected}", m.Groups["pdg"].Value, StringComparison.Ordinal);
            string text = File.ReadAllText(f);
            foreach (string p in Regex.Matches(text, "A 0 emiss_process (\\S+)").Select(x => x.Groups[1].Value)) processes.Add(p);
            // One number, one value: the run attributes carry yield.csv's yield, and Σ weights / N (all events written)
            // is its weighted emissions, to the summation order (1e-12).
            CsvTable yield = CsvTable.Read(Path.Combine(Path.GetDirectoryName(f)!, "yield.csv"));
            string mass = Path.GetFileNameWithoutExtension(f)["signal_m".Length..^"MeV".Length];
            string[] row = yield.Rows.Single(r => r[0] == mass);
            string Cell(string col) => row[yield.Columns.ToList().IndexOf(col)];
            Assert.Contains($"\nA emiss.signal.yield_per_eot_eps1 {Cell("n_per_eot_eps1")}\n", text, StringComparison.Ordinal);
            Assert.Contains($"\nA emiss.signal.simulated_electrons {SignalOutputs.Events}\n", text, StringComparison.Ordinal);
            if (!capped)
            {
                double perEot = double.Parse(m.Groups["wsum"].Value, CultureInfo.InvariantCulture) / SignalOutputs.Events;
                double stated = double.Parse(Cell("weighted_emissions"), CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(perEot / stated - 1) < 1e-12, $"{f}: Σw/N {perEot:R} vs yield.csv weighted_emissions {stated:R}");
            }
        }
        Assert.Equal(["aprime-brem", "resonant-annihilation"], processes.Order());
    }

    [HepMC3Fact]
    public void Checker_rejects_a_vertex_that_does_not_conserve_energy()
    {
        // The check must be able to fail: the beam particle entering the A′ vertex directly (the old record) is caught.
        if (ExternalReaders.HepMC3Missing() is string why) Assert.Fail($"HepMC3 C++ reader unavailable: {why}; {ExternalReaders.Hint}");
        string dir = Path.Combine(outputs.Root, "bad");
        Directory.CreateDirectory(dir);
        string checker = ExternalReaders.CompileHepMC3Checker(dir);
        string bad = Path.Combine(dir, "bad.hepmc3");
        File.WriteAllText(bad, "HepMC::Version 3.02.06\nHepMC::Asciiv3-START_EVENT_LISTING\nW w\nE 0 1 3\nU GEV MM\nW 1.0\n" +
            "P 1 0 11 0 0 100 100 0.000511 4\nV -1 0 [1] @ 0 0 150 0\nP 2 -1 11 0 0 20 20 0.000511 1\n" +
            "P 3 -1 1023 0 0 60 60.0000 0.0166 1\nHepMC::Asciiv3-END_EVENT_LISTING\n\n");
        var (code, stdout, stderr) = ExternalReaders.Run(checker, [bad, "--expect-events", "1"]);
        Assert.Equal(1, code);
        Assert.Contains("violations=1", stdout, StringComparison.Ordinal);
        Assert.Contains("event 0 vertex -1", stderr, StringComparison.Ordinal);
    }

    private static long ParquetRows(string path)
    {
        using var conn = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM read_parquet('{path}')";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"events=(?<events>\d+) vertices=(?<vertices>\d+) particles=\d+ violations=(?<violations>\d+) structural=0 .* weight_sum=(?<wsum>\S+) final_state_pdg=(?<pdg>\S+)")]
    private static partial Regex Summary();
}

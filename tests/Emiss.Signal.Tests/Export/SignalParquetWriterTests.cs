using System.Globalization;
using Emiss.Core.IO;
using Emiss.Signal.Export;
using Emiss.Signal.Run;
using Parquet;
using Xunit;

namespace Emiss.Signal.Tests.Export;

public sealed class SignalParquetWriterTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private static string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public async Task SampleRoundTripsWithProvenanceAndOneValuePerQuantity()
    {
        // The campaign's layout: an unbiased yield pass on events [0, 1024), the biased sample pass on [1024, 2048).
        SignalRunResult yieldPass = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = 1.0 }, 1024, 61, threads: 2);
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 1024, 61, threads: 2, firstEvent: 1024);
        var prov = new Provenance("emiss signal --test", 61, "seed: 61\n");
        using var ms = new MemoryStream();
        await SignalParquetWriter.WriteAsync(ms, r, yieldPass, prov);
        ms.Position = 0;
        await using ParquetReader reader = await ParquetReader.CreateAsync(ms);
        var meta = reader.CustomMetadata;
        Assert.Equal("61", meta["emiss.seed"]);
        Assert.Equal("seed: 61\n", meta["emiss.run_card"]);
        Assert.Equal("0.01", meta["emiss.signal.mass_gev"]);
        // The yield is the yield pass's estimator (what yield.csv reports), not the sample pass's.
        Assert.Equal(G(yieldPass.Estimator.Value), meta["emiss.signal.yield_per_eot_eps1"]);
        Assert.Equal(G(yieldPass.Estimator.StatError), meta["emiss.signal.yield_stat_err"]);
        Assert.NotEqual(G(r.Estimator.Value), meta["emiss.signal.yield_per_eot_eps1"]);
        Assert.Equal(("1024", "0", "1"), (meta["emiss.signal.yield_pass.simulated_electrons"], meta["emiss.signal.yield_pass.first_event"], meta["emiss.signal.yield_pass.bias_factor"]));
        Assert.Equal(("1024", "1024"), (meta["emiss.signal.simulated_electrons"], meta["emiss.signal.first_event"]));
        Assert.Equal(G(r.EmissionsTotal.Value), meta["emiss.signal.weighted_emissions_per_eot_eps1"]);
        Assert.Contains("track-length", meta["emiss.signal.yield_definition"], StringComparison.Ordinal);

        using ParquetRowGroupReader g = reader.OpenRowGroupReader(0);
        Assert.Equal(r.Kept.Count, (int)g.RowCount);
        Assert.Equal(r.Emissions, long.Parse(meta["emiss.signal.rows"], CultureInfo.InvariantCulture));
        var fields = reader.Schema.DataFields;
        var w = new double[r.Kept.Count];
        await g.ReadAsync<double>(fields.Single(f => f.Name == "weight_per_eot_eps1"), w);
        Assert.Equal(r.Kept.Select(e => e.WeightPerEotEps1), w);
        var ea = new double[r.Kept.Count];
        await g.ReadAsync<double>(fields.Single(f => f.Name == "aprime_energy_gev"), ea);
        Assert.All(ea, e => Assert.InRange(e, r.CutGeV, r.BeamGeV));
        var idx = new long[r.Kept.Count];
        await g.ReadAsync<long>(fields.Single(f => f.Name == "event_index"), idx);
        Assert.All(idx, i => Assert.InRange(i, 1024L, 2047L));
        Assert.True(idx.Zip(idx.Skip(1)).All(p => p.First < p.Second), "event_index increasing");
        // Σ w / N of the rows is the metadata's weighted emissions; only the summation order differs (1e-12).
        double perEot = w.Sum() / r.Events;
        Assert.True(Math.Abs(perEot / r.EmissionsTotal.Value - 1) < 1e-12, $"Σw/N {perEot} vs {r.EmissionsTotal.Value}");
    }

    [Fact]
    public async Task RowsThatAreNotTheRunsOwnEventsAreRefused()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 512, 62, threads: 2, firstEvent: 512);
        var prov = new Provenance("test", 62, "");
        SignalRunResult shifted = r with { FirstEvent = 0 };
        await Assert.ThrowsAsync<ArgumentException>(() => SignalParquetWriter.WriteAsync(new MemoryStream(), shifted, r, prov));
        SignalRunResult notKept = r with { Kept = [] };
        await Assert.ThrowsAsync<ArgumentException>(() => SignalParquetWriter.WriteAsync(new MemoryStream(), notKept, r, prov));
    }
}

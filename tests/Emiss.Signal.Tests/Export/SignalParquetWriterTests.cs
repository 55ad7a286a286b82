using Emiss.Core.IO;
using Emiss.Signal.Export;
using Emiss.Signal.Run;
using Parquet;
using Xunit;

namespace Emiss.Signal.Tests.Export;

public sealed class SignalParquetWriterTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public async Task SampleRoundTripsWithProvenance()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 1024, 61, threads: 2);
        var prov = new Provenance("emiss signal --test", 61, "seed: 61\n");
        using var ms = new MemoryStream();
        await SignalParquetWriter.WriteAsync(ms, r, prov);
        ms.Position = 0;
        await using ParquetReader reader = await ParquetReader.CreateAsync(ms);
        Assert.Equal("61", reader.CustomMetadata["emiss.seed"]);
        Assert.Equal("seed: 61\n", reader.CustomMetadata["emiss.run_card"]);
        Assert.Equal("0.01", reader.CustomMetadata["emiss.signal.mass_gev"]);
        using ParquetRowGroupReader g = reader.OpenRowGroupReader(0);
        Assert.Equal(r.Kept.Count, (int)g.RowCount);
        var fields = reader.Schema.DataFields;
        var w = new double[r.Kept.Count];
        await g.ReadAsync<double>(fields.Single(f => f.Name == "weight_per_eot_eps1"), w);
        Assert.Equal(r.Kept.Select(e => e.WeightPerEotEps1), w);
        var ea = new double[r.Kept.Count];
        await g.ReadAsync<double>(fields.Single(f => f.Name == "aprime_energy_gev"), ea);
        Assert.All(ea, e => Assert.InRange(e, r.CutGeV, r.BeamGeV));
        // Σ w / N_EOT reproduces the run's weighted emission yield.
        Assert.Equal(r.EmissionsTotal.Value, w.Sum() / r.Events, 10);
    }
}

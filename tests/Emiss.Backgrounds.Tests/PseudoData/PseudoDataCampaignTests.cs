using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Core.IO;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Backgrounds.Tests.PseudoData;

public sealed class PseudoDataCampaignTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "emiss-pd-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static PseudoDataRequest Request()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), bgo = SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);
        return new PseudoDataRequest([new PseudoDataRun("pbsc-srd", 1, pbsc, 2e6), new PseudoDataRun("bgo-srd", 2, bgo, 1e6)], 9,
            [new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus)], 300, SeedCuts.Na64_2016(), 0, new Provenance("test", 9, ""));
    }

    private string Stage(string name)
    {
        string p = Path.Combine(_dir, name);
        Directory.CreateDirectory(p);
        return p;
    }

    [Fact]
    public void An_interrupted_campaign_resumes_with_the_finished_runs_and_gives_the_same_files()
    {
        PseudoDataRequest req = Request();
        string work = Path.Combine(_dir, "work");
        var cts = new CancellationTokenSource();
        // Cancel as soon as the second run starts: the first run is finished and kept in the work directory.
        Assert.ThrowsAny<OperationCanceledException>(() => PseudoDataCampaign.Run(req, work, Stage("a"),
            s => { if (s.StartsWith("bgo-srd", StringComparison.Ordinal)) cts.Cancel(); }, null, cts.Token));
        Assert.True(File.Exists(Path.Combine(work, "pbsc-srd.done")));
        Assert.False(File.Exists(Path.Combine(work, "bgo-srd.done")));

        var messages = new List<string>();
        PseudoDataCampaign.Run(req, work, Stage("b"), messages.Add);
        Assert.Contains(messages, m => m.StartsWith("pbsc-srd: finished earlier", StringComparison.Ordinal));

        PseudoDataCampaign.Run(req, Path.Combine(_dir, "fresh-work"), Stage("c"));
        foreach (string f in new[] { "pbsc-srd.parquet", "bgo-srd.parquet", "pbsc-srd-spills.csv", "backgrounds.csv", "background-regions.csv", "sealed/truth.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "c", f)), File.ReadAllBytes(Path.Combine(_dir, "b", f)));
    }

    [Fact]
    public void A_changed_request_does_not_reuse_the_work_directory()
    {
        PseudoDataRequest req = Request();
        string work = Path.Combine(_dir, "work");
        PseudoDataCampaign.Run(req, work, Stage("a"));
        var messages = new List<string>();
        PseudoDataCampaign.Run(req with { Seed = 10 }, work, Stage("b"), messages.Add);
        Assert.DoesNotContain(messages, m => m.Contains("finished earlier", StringComparison.Ordinal));
    }
}

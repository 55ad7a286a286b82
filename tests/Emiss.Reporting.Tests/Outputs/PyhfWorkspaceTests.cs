using System.Text.Json.Nodes;
using Emiss.Reporting.Report;
using Emiss.Reporting.Workspace;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// The pyhf workspace against pyhf's published schema 1.0.0 (scikit-hep/pyhf, src/pyhf/schemas/1.0.0, copied under
/// Schemas/pyhf-1.0.0), and its yields against the analysis inputs they were made from.
/// </summary>
public class PyhfWorkspaceTests
{
    private static readonly SchemaValidator Pyhf = new("pyhf-1.0.0");

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void Workspace_validates_against_the_pyhf_schema(double eotRelative)
    {
        JsonNode workspace = JsonNode.Parse(PyhfWorkspaceWriter.Format(OutputFixtures.Result(eotRelative: eotRelative)))!;
        Assert.Null(Pyhf.Errors("workspace.json", workspace));
    }

    [Fact]
    public void The_schema_check_rejects_a_broken_workspace()
    {
        // The validator must be able to fail: an unknown modifier type and a missing version are both outside the schema.
        JsonNode workspace = JsonNode.Parse(PyhfWorkspaceWriter.Format(OutputFixtures.Result()))!;
        workspace["channels"]![0]!["samples"]![0]!["modifiers"]![0]!["type"] = "normfactr";
        Assert.NotNull(Pyhf.Errors("workspace.json", workspace));
        JsonNode other = JsonNode.Parse(PyhfWorkspaceWriter.Format(OutputFixtures.Result()))!;
        other.AsObject().Remove("version");
        Assert.NotNull(Pyhf.Errors("workspace.json", other));
    }

    [Fact]
    public void Expected_yields_per_channel_equal_the_inputs_for_every_mass()
    {
        AnalysisResult r = OutputFixtures.Result();
        JsonNode ws = JsonNode.Parse(PyhfWorkspaceWriter.Format(r))!;
        JsonNode side = JsonNode.Parse(PyhfWorkspaceWriter.FormatProvenance(r, OutputFixtures.Provenance))!;
        var measurements = side["measurements"]!.AsArray();
        // The last mass has no signal (produced = 0): no hypothesis to test, so no measurement.
        Assert.Equal(OutputFixtures.Masses.Where(m => m < 1000), measurements.Select(m => (double)m!["mA_MeV"]!));
        foreach (JsonNode? m in measurements)
        {
            double mass = (double)m!["mA_MeV"]!, epsRef = (double)m["epsilon_ref"]!;
            string sampleName = (string)m["signal_sample"]!, poi = (string)m["poi"]!;
            double totalSignal = 0;
            foreach (RunSummary run in r.Runs)
            {
                JsonNode channel = ws["channels"]!.AsArray().Single(c => (string)c!["name"]! == run.Name)!;
                SignalYield s = r.Signal.Single(x => x.Run == run.Name && x.MassMeV == mass);
                double signalIn = epsRef * epsRef * s.ProducedPerEpsilonSquared * s.Efficiency;
                double backgroundIn = r.Backgrounds.Where(b => b.Run == run.Name).Sum(b => b.Expected);
                // Expected yield of the measurement at μ = 1: this mass's signal plus the background; every other signal has μ fixed at 0.
                JsonNode measurement = ws["measurements"]!.AsArray().Single(x => (string)x!["name"]! == (string)m["name"]!)!;
                var fixedAtZero = measurement["config"]!["parameters"]!.AsArray()
                    .Where(p => p!["fixed"] is not null && (bool)p["fixed"]! && (double)p["inits"]![0]! == 0).Select(p => (string)p!["name"]!).ToHashSet();
                Assert.Equal(poi, (string)measurement["config"]!["poi"]!);
                double expected = 0;
                foreach (JsonNode? sample in channel["samples"]!.AsArray())
                {
                    string? norm = sample!["modifiers"]!.AsArray().FirstOrDefault(x => (string)x!["type"]! == "normfactor")?["name"]?.GetValue<string>();
                    if (norm is not null && fixedAtZero.Contains(norm)) continue;
                    expected += (double)sample["data"]![0]!;
                }
                Assert.Equal(backgroundIn + signalIn, expected, 1e-12 * (backgroundIn + signalIn));
                Assert.Equal(signalIn, (double)channel["samples"]!.AsArray().Single(x => (string)x!["name"]! == sampleName)!["data"]![0]!, 1e-12 * signalIn);
                totalSignal += signalIn;
            }
            Assert.Equal(PyhfWorkspaceWriter.ReferenceSignalEvents, totalSignal, 1e-9);
            Assert.Equal(OutputFixtures.Masses.Count(x => x < 1000) - 1, ws["measurements"]!.AsArray()
                .Single(x => (string)x!["name"]! == (string)m["name"]!)!["config"]!["parameters"]!.AsArray().Count(p => p!["fixed"] is not null));
        }
    }

    [Fact]
    public void Observations_and_modifiers_carry_the_counts_and_uncertainties()
    {
        AnalysisResult r = OutputFixtures.Result(eotRelative: 0.05);
        JsonNode ws = JsonNode.Parse(PyhfWorkspaceWriter.Format(r))!;
        foreach (RunSummary run in r.Runs)
        {
            JsonNode obs = ws["observations"]!.AsArray().Single(o => (string)o!["name"]! == run.Name)!;
            Assert.Equal(r.Observed.Single(o => o.Run == run.Name).Events, (double)obs["data"]![0]!);
            JsonNode bkg = ws["channels"]!.AsArray().Single(c => (string)c!["name"]! == run.Name)!["samples"]!.AsArray().Single(s => (string)s!["name"]! == "background")!;
            BackgroundEstimate[] sources = r.Backgrounds.Where(b => b.Run == run.Name).ToArray();
            double b = sources.Sum(x => x.Expected);
            double stat = Math.Sqrt(sources.Sum(x => x.StatError * x.StatError)), syst = Math.Sqrt(sources.Sum(x => x.SystError * x.SystError));
            var mods = bkg["modifiers"]!.AsArray();
            Assert.Equal(stat, (double)mods.Single(x => (string)x!["type"]! == "staterror")!["data"]![0]!, 1e-15);
            JsonNode histo = mods.Single(x => (string)x!["type"]! == "histosys")!["data"]!;
            Assert.Equal(b + syst, (double)histo["hi_data"]![0]!, 1e-15);
            Assert.Equal(b - syst, (double)histo["lo_data"]![0]!, 1e-15);
            JsonNode signal = ws["channels"]!.AsArray().Single(c => (string)c!["name"]! == run.Name)!["samples"]![0]!;
            JsonNode normsys = signal["modifiers"]!.AsArray().Single(x => (string)x!["type"]! == "normsys")!["data"]!;
            Assert.Equal(1.19, (double)normsys["hi"]!, 1e-15);
            Assert.Equal(0.81, (double)normsys["lo"]!, 1e-15);
            Assert.Contains(signal["modifiers"]!.AsArray(), x => (string)x!["type"]! == "lumi");
        }
        JsonNode lumi = ws["measurements"]![0]!["config"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "lumi")!;
        Assert.Equal(0.05, (double)lumi["sigmas"]![0]!);
    }

    [Fact]
    public void Written_files_are_the_formatted_text_with_provenance_beside()
    {
        string dir = TestScratch.NewDirectory("pyhf");
        try
        {
            AnalysisResult r = OutputFixtures.Result();
            PyhfWorkspaceWriter.Write(dir, r, OutputFixtures.Provenance);
            Assert.Equal(PyhfWorkspaceWriter.Format(r), File.ReadAllText(Path.Combine(dir, PyhfWorkspaceWriter.FileName)));
            JsonNode side = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, PyhfWorkspaceWriter.ProvenanceFileName)))!;
            Assert.Equal("emiss reproduce --config na64-2016", (string)side["provenance"]!["emiss.command"]!);
            Assert.Equal("20160901", (string)side["provenance"]!["emiss.seed"]!);
            Assert.Equal(["workspace.json", "workspace.provenance.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

using System.Text.Json;
using Emiss.Reporting.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class ShowerCommandTests
{
    private static readonly string[] Args = ["shower", "--particle", "e-", "--energy-GeV", "2", "--geometry", "pb-thick", "--events", "24", "--seed", "7", "--threads", "2", "--out", "out"];

    /// <summary>Runs the same command line in two fresh working directories (relative --out, so the recorded command is identical).</summary>
    private static (string A, string B) TwoRuns()
    {
        string a = TestScratch.NewDirectory("shower-a"), b = TestScratch.NewDirectory("shower-b");
        foreach (string dir in new[] { a, b })
        {
            var (code, stdout, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), Args);
            Assert.True(code == 0, stderr + stdout);
        }
        return (Path.Combine(a, "out"), Path.Combine(b, "out"));
    }

    [Fact]
    public void Reruns_with_the_same_seed_are_byte_identical_apart_from_timing_json()
    {
        var (a, b) = TwoRuns();
        string[] files = [.. Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["cells.csv", "longitudinal.csv", "longitudinal.pdf", "longitudinal.png", "longitudinal.svg", "radial.csv", "radial.pdf", "radial.png", "radial.svg",
                      "summary.json", "timing.json", "tracklength.csv", "tracklength.pdf", "tracklength.png", "tracklength.svg"], files);
        foreach (string f in files.Where(f => f != "timing.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs between reruns");
        using JsonDocument timing = JsonDocument.Parse(File.ReadAllText(Path.Combine(a, "timing.json")));
        Assert.Equal(2, timing.RootElement.GetProperty("threads").GetInt32());
        Assert.True(timing.RootElement.GetProperty("ms_per_event_per_core").GetDouble() > 0);
    }

    [Fact]
    public void Summary_keeps_the_physics_results_and_records_the_resolved_inputs_but_no_timing()
    {
        string dir = TestScratch.NewDirectory("shower-summary");
        var (code, _, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), Args);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        JsonElement s = doc.RootElement;
        foreach (string physics in new[] { "events", "mean_edep_active_GeV", "mean_edep_total_GeV", "sampling_fraction", "resolution_rel", "leakage_fraction",
                                           "tmax_X0", "tracklength_charged_X0", "particle", "energy_GeV", "geometry", "rms_edep_active_GeV",
                                           "steps_charged_per_event", "interactions_per_event", "electron_cut_GeV", "gamma_cut_GeV" })
            Assert.True(s.TryGetProperty(physics, out _), physics);
        Assert.False(s.TryGetProperty("ms_per_event_per_core", out _));
        Assert.False(s.TryGetProperty("threads", out _));
        JsonElement inputs = s.GetProperty("inputs");
        Assert.Equal(7UL, inputs.GetProperty("seed").GetUInt64());
        Assert.Equal("pb-thick", inputs.GetProperty("geometry").GetString());
        Assert.Equal(24, inputs.GetProperty("events").GetInt64());
        Assert.Equal(2.0, inputs.GetProperty("energyGeV").GetDouble());
        Assert.Equal(JsonValueKind.Null, inputs.GetProperty("electronCutMeV").ValueKind);
        Assert.False(inputs.GetProperty("fast").GetBoolean());
        Assert.Equal("mean-projection", inputs.GetProperty("msc").GetString());
        Assert.Equal("everywhere", inputs.GetProperty("mscDisplacement").GetString());
        Assert.Equal(0.0, inputs.GetProperty("muonPairFactor").GetDouble());
        Assert.False(s.TryGetProperty("muon_pairs", out _));
        JsonElement provenance = s.GetProperty("provenance");
        Assert.False(string.IsNullOrEmpty(provenance.GetProperty("emiss.version").GetString()));
        Assert.False(string.IsNullOrEmpty(provenance.GetProperty("emiss.git_commit").GetString()));
        Assert.Contains("geometry: pb-thick", provenance.GetProperty("emiss.run_card").GetString(), StringComparison.Ordinal);

        // Every table records the same inputs in its '#' lines.
        CsvTable t = CsvTable.Read(Path.Combine(dir, "out", "longitudinal.csv"));
        Assert.Contains(t.Comments, c => c.Contains("run card:", StringComparison.Ordinal));
        Assert.Contains(t.Comments, c => c.Contains("seed: 7", StringComparison.Ordinal));
        Assert.Contains(t.Comments, c => c.Contains("schema: emiss-shower/1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_presta_ii_step_is_recorded_and_changes_the_shower()
    {
        // --msc presta-ii selects the EGSnrc-style electron step (docs/physics/multiple-scattering.md#presta-ii-electron-step):
        // the run card and the provenance say so, and the same seed gives another shower than the default step.
        string dir = TestScratch.NewDirectory("shower-msc");
        var (code, _, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. Args.Take(Args.Length - 1), "presta", "--msc", "presta-ii"]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. Args.Take(Args.Length - 1), "default"]);
        Assert.True(code == 0, stderr);
        using JsonDocument presta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "presta", "summary.json")));
        using JsonDocument standard = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "default", "summary.json")));
        Assert.Equal("presta-ii", presta.RootElement.GetProperty("inputs").GetProperty("msc").GetString());
        Assert.Contains("msc: presta-ii", presta.RootElement.GetProperty("provenance").GetProperty("emiss.run_card").GetString(), StringComparison.Ordinal);
        Assert.Contains("presta-ii step", presta.RootElement.GetProperty("provenance").GetProperty("emiss.notes").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(standard.RootElement.GetProperty("steps_charged_per_event").GetDouble(), presta.RootElement.GetProperty("steps_charged_per_event").GetDouble());
    }

    [Fact]
    public void Geant4s_displacement_rule_is_recorded_and_moves_the_radial_profile()
    {
        // --msc-displacement near-boundaries skips the lateral displacement of steps that cannot reach a boundary, as Geant4's
        // Urban model does (docs/physics/multiple-scattering.md#lateral-displacement-far-from-boundaries): in pb-thick, one block,
        // that is most steps, so the same seed must give another radial profile; the run card and the notes say so.
        string dir = TestScratch.NewDirectory("shower-displacement");
        var (code, _, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. Args.Take(Args.Length - 1), "g4", "--msc-displacement", "near-boundaries"]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), [.. Args.Take(Args.Length - 1), "default"]);
        Assert.True(code == 0, stderr);
        using JsonDocument g4 = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "g4", "summary.json")));
        Assert.Equal("near-boundaries", g4.RootElement.GetProperty("inputs").GetProperty("mscDisplacement").GetString());
        Assert.Contains("mscDisplacement: near-boundaries", g4.RootElement.GetProperty("provenance").GetProperty("emiss.run_card").GetString(), StringComparison.Ordinal);
        Assert.Contains("only for steps that can reach a boundary", g4.RootElement.GetProperty("provenance").GetProperty("emiss.notes").GetString(), StringComparison.Ordinal);
        CsvTable a = CsvTable.Read(Path.Combine(dir, "g4", "radial.csv")), b = CsvTable.Read(Path.Combine(dir, "default", "radial.csv"));
        Assert.NotEqual(a.Doubles("edep_GeV"), b.Doubles("edep_GeV"));
    }

    [Fact]
    public void Muon_pair_conversions_are_counted_and_scaled_by_the_cross_section_factor()
    {
        // --muon-pair-factor adds γ → μ⁺μ⁻ with a raised cross section (docs/physics/muon-pairs.md#in-the-shower-engine):
        // summary.json counts the conversions and divides by events × factor; the card and the provenance record it.
        string dir = TestScratch.NewDirectory("shower-mupair");
        string[] args = ["shower", "--energy-GeV", "100", "--geometry", "pb-thick", "--events", "40", "--seed", "3", "--threads", "2",
                         "--e-cut-MeV", "400", "--gamma-cut-MeV", "400", "--muon-pair-factor", "20000", "--out", "out"];
        var (code, stdout, stderr) = EmissProcess.RunIn(dir, new Dictionary<string, string>(), args);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        JsonElement s = doc.RootElement, mu = s.GetProperty("muon_pairs");
        double n = mu.GetProperty("conversions").GetDouble();
        Assert.True(n > 0, "no conversion at a factor of 20 000 (≈ 3 per shower expected)");
        Assert.Equal(n, s.GetProperty("interactions_per_event").GetProperty("muPair").GetDouble() * 40, 9);
        Assert.Equal(n / (40 * 20000.0), mu.GetProperty("per_event").GetDouble(), 15);
        Assert.Equal(20000.0, s.GetProperty("inputs").GetProperty("muonPairFactor").GetDouble());
        Assert.Contains("muonPairFactor: 20000", s.GetProperty("provenance").GetProperty("emiss.run_card").GetString(), StringComparison.Ordinal);
        Assert.Contains("μ⁺μ⁻", s.GetProperty("provenance").GetProperty("emiss.notes").GetString(), StringComparison.Ordinal);
        Assert.Contains("γ → μ⁺μ⁻:", stdout, StringComparison.Ordinal);
        Assert.True(s.GetProperty("max_energy_balance_error_rel").GetDouble() < 1e-12);
    }
}

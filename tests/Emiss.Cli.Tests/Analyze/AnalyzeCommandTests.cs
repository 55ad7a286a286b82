using Emiss.Analysis.Blinding;
using Emiss.Cli.Cuts;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Analyze;

/// <summary>
/// <c>emiss analyze</c> and <c>emiss unblind</c> end to end on a small <c>emiss simulate</c> sample (300 beam events),
/// including the attempts to get around the blinding from the command line.
/// </summary>
public sealed class AnalyzeCommandTests
{
    private static (string Data, string Analysis) Simulated(string name)
    {
        string root = TestScratch.NewDirectory(name);
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var (code, _, err) = InProcessEmiss.Run("simulate", "--events", "300", "--seed", "3", "--threads", "1", "--out", Path.Combine(data, "pbsc-srd.parquet"));
        Assert.True(code == 0, err);
        return (data, Path.Combine(root, "analysis"));
    }

    private static string[] DataLines(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    [Fact]
    public void The_built_in_card_states_the_seeds_box_and_the_assumed_cuts()
    {
        SelectionCuts c = CutsCardLoader.Load(CutsCardLoader.Default);
        Assert.Empty(c.Validate());
        // Seed (PRL 118, 011802): box E_ECAL < 50 GeV, E_HCAL < 1 GeV; trigger E_ECAL ≲ 80 GeV.
        Assert.Equal((50.0, 1.0, 80.0), (c.Regions.EcalMaxGeV, c.Regions.HcalMaxGeV, c.Regions.SidebandCEcalMaxGeV));
        // Later NA64 analysis cuts (docs/physics/analysis-selection.md#cut-values).
        Assert.Equal((3.0, 10.0, 0.7, 0.94, 3.9), (c.Track.ThetaMaxMrad, c.Track.MomentumHalfWidthGeV, c.Ecal.PreshowerMinGeV, c.Ecal.ContainmentMin, c.Ecal.Chi2Max));
        Assert.Equal(9, c.Ecal.ShapeFractions.Count);
    }

    /// <summary>The library tests' copy of the card (Emiss.Testing.SeedCuts) states the same values as the card.</summary>
    [Fact]
    public void The_library_tests_copy_of_the_card_equals_the_card()
    {
        static string Json(SelectionCuts c) => System.Text.Json.JsonSerializer.Serialize(c);
        Assert.Equal(Json(CutsCardLoader.Load(CutsCardLoader.Default)), Json(SeedCuts.Na64_2016()));
    }

    /// <summary>
    /// The card's preshower threshold table is 0.7 GeV scaled by the preshower energy expected for an EM shower of
    /// E_ECAL: E·F(E)/(100 GeV·F(100 GeV)), F the fraction of the parametrised ECAL's median longitudinal profile
    /// (<see cref="EmLongitudinalProfile"/>: GFlash, in the set-up card's Pb/Sc ECAL as <see cref="CalorimeterLayout"/>
    /// describes it) inside the card's preshower (15 × (1.5 mm Pb + 1.5 mm Sc), 4.06 X0). Tolerance 1 %: the card's values
    /// are rounded to 4 digits. Fails if the table is hand-edited away from the profile, or the profile or the set-up's
    /// preshower changes without regenerating it.
    /// </summary>
    [Fact]
    public void The_preshower_threshold_table_follows_the_expected_preshower_energy()
    {
        SelectionCuts c = CutsCardLoader.Load(CutsCardLoader.Default);
        PreshowerThresholdTable t = Assert.IsType<PreshowerThresholdTable>(c.Ecal.PreshowerMinTable);
        var layout = new CalorimeterLayout(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc));
        double depthX0 = layout.Regions[0].X0Thickness;
        double Expected(double e) => e * EmLongitudinalProfile.FractionBetween(EmLongitudinalProfile.Median(e, layout.EcalShowerMedium), 0, depthX0);
        string table = string.Join(", ", t.EnergiesGeV.Select(e => (c.Ecal.PreshowerMinGeV * Expected(e) / Expected(c.Ecal.ReferenceEnergyGeV)).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)));
        for (int i = 0; i < t.EnergiesGeV.Count; i++)
        {
            double want = c.Ecal.PreshowerMinGeV * Expected(t.EnergiesGeV[i]) / Expected(c.Ecal.ReferenceEnergyGeV);
            Tolerance.Rel(0.01, $"GFlash-profile scaling of the 0.7 GeV cut; the profile gives [{table}]").AssertClose(want, t.MinGeV[i], $"threshold at {t.EnergiesGeV[i]} GeV");
        }
    }

    [Fact]
    public void Analyze_is_blind_and_unblind_opens_the_box_once_for_the_frozen_cuts()
    {
        var (data, analysis) = Simulated("analyze-flow");
        var (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis);
        Assert.True(code == 0, err);
        string[] flow = DataLines(Path.Combine(analysis, "cutflow.csv"));
        Assert.Equal("run,sample,source,cut,events,weighted_events,efficiency,cumulative_efficiency", flow[0]);
        Assert.Equal(8, flow.Length);
        Assert.StartsWith("1,pbsc-srd,all,all,", flow[1], StringComparison.Ordinal);
        Assert.Contains("# note: blind:", File.ReadAllText(Path.Combine(analysis, "cutflow.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(DataLines(Path.Combine(analysis, "regions.csv")), l => l.Contains("signal_box", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(analysis, UnblindingLedger.FileName)));

        (code, string stdout, err) = InProcessEmiss.Run("unblind", "--analysis", analysis, "--reason", "sidebands validated", "--who", "tester");
        Assert.True(code == 0, err);
        Assert.Contains("unblinded: unblinding.log line 1", stdout, StringComparison.Ordinal);
        Assert.Single(UnblindingLedger.Read(analysis));
        Assert.Contains(DataLines(Path.Combine(analysis, "regions.csv")), l => l.StartsWith("1,pbsc-srd,all,signal_box,", StringComparison.Ordinal));

        // Rerunning with the frozen cuts works and keeps the box.
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis);
        Assert.True(code == 0, err);
        Assert.Contains(DataLines(Path.Combine(analysis, "regions.csv")), l => l.Contains("signal_box", StringComparison.Ordinal));

        // A second unblinding is refused.
        (code, _, err) = InProcessEmiss.Run("unblind", "--analysis", analysis, "--reason", "again");
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: --analysis:", err, StringComparison.Ordinal);
        Assert.Contains("already unblinded", err, StringComparison.Ordinal);

        // Changed cuts are refused.
        string looser = Path.Combine(Path.GetDirectoryName(analysis)!, "looser.yaml");
        File.WriteAllText(looser, CardText().Replace("maxMeV: 0.8 ", "maxMeV: 5.0 ", StringComparison.Ordinal));
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis, "--cuts", looser);
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: --cuts:", err, StringComparison.Ordinal);
        Assert.Contains("differ from those frozen", err, StringComparison.Ordinal);

        // An edited ledger is refused.
        string log = Path.Combine(analysis, UnblindingLedger.FileName);
        File.WriteAllText(log, File.ReadAllText(log).Replace("sidebands validated", "sidebands validated!", StringComparison.Ordinal));
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", data, "--out", analysis);
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: --out:", err, StringComparison.Ordinal);
        Assert.Contains("line 1 was edited", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_inputs_are_one_line_errors_with_exit_code_2()
    {
        string root = TestScratch.NewDirectory("analyze-bad");
        var (code, _, err) = InProcessEmiss.Run("analyze", "--data", Path.Combine(root, "nope"), "--out", Path.Combine(root, "a"));
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: --data:", err, StringComparison.Ordinal);

        string unknown = Path.Combine(root, "unknown.yaml");
        File.WriteAllText(unknown, CardText().Replace("chi2Max:", "chi2Maximum:", StringComparison.Ordinal));
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", root, "--out", Path.Combine(root, "a"), "--cuts", unknown);
        Assert.Equal(2, code);
        Assert.Contains("unknown key 'chi2Maximum'", err, StringComparison.Ordinal);

        string missing = Path.Combine(root, "missing.yaml");
        File.WriteAllText(missing, string.Join('\n', CardText().Split('\n').Where(l => !l.TrimStart().StartsWith("chi2Max:", StringComparison.Ordinal))));
        (code, _, err) = InProcessEmiss.Run("analyze", "--data", root, "--out", Path.Combine(root, "a"), "--cuts", missing);
        Assert.Equal(2, code);
        Assert.Contains("chi2Max", err, StringComparison.Ordinal);

        (code, _, err) = InProcessEmiss.Run("unblind", "--analysis", root, "--reason", "why not");
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: --analysis:", err, StringComparison.Ordinal);
        Assert.Contains("run `emiss analyze", err, StringComparison.Ordinal);
    }

    /// <summary>The built-in cut card's text (to write altered copies).</summary>
    internal static string CardText()
    {
        using Stream s = typeof(CutsCardLoader).Assembly.GetManifestResourceStream("Emiss.Cli.Cuts.na64-2016.yaml")!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

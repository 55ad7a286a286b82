using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Study;

/// <summary><c>emiss study ecal-leakage</c> on a small engine sample: both tables with their provenance, rows that hang
/// together (the model's flow is the profile's share over the card's two constants, the summary the mean of the rows), a
/// card's own constants reported, and bad input refused before anything is written.</summary>
public sealed class StudyEcalLeakageCommandTests
{
    private static string[] Data(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<string, string>[] Rows(string path)
    {
        string[] lines = Data(path);
        string[] head = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => head.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void Writes_the_leakage_per_energy_and_a_summary_of_the_card_constants()
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-ecal-leakage"), "o");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-leakage", "--showers-scale", "0.02", "--threads", "2", "--out", outDir);
        Assert.True(code == 0, err + stdout);
        Assert.Equal("energy_GeV,showers,deep_sampling_ratio,deep_sampling_ratio_error,absorbed_fraction,absorbed_fraction_error,flow_MeV,flow_error_MeV," +
                     "photons_per_shower,photon_mean_MeV,photon_median_MeV,photon_mean_inverse_cosine,charged_per_shower,profile_share_MeV,model_flow_MeV,model_over_engine_flow",
            Data(Path.Combine(outDir, "leakage.csv"))[0]);
        Dictionary<string, string>[] rows = Rows(Path.Combine(outDir, "leakage.csv"));
        Assert.Equal(["10,32", "30,12", "50,6"], rows.Select(r => r["energy_GeV"] + "," + r["showers"]));
        double factor = ShowerMedium.NA64PbScDeepSamplingRatio * ShowerMedium.NA64PbScBackFlowAbsorbedFraction;
        foreach (var r in rows)
        {
            Assert.Equal(D(r["profile_share_MeV"]) / factor, D(r["model_flow_MeV"]), 9);
            Assert.True(D(r["flow_MeV"]) > 0, "a 10–50 GeV shower sends energy out of a 40 X0 ECAL's back");
            Assert.True(D(r["deep_sampling_ratio_error"]) > 0 && D(r["absorbed_fraction_error"]) > 0, "statistical errors are positive");
            // the profile's share grows with the energy (a deeper shower) and is a few 10⁻⁵ of it at these energies
            Assert.InRange(D(r["profile_share_MeV"]) / (D(r["energy_GeV"]) * 1e3), 1e-6, 1e-3);
        }
        Assert.True(D(rows[2]["profile_share_MeV"]) > D(rows[0]["profile_share_MeV"]), "the share past the back rises with the energy");
        string[] summary = Data(Path.Combine(outDir, "summary.csv"));
        Assert.Equal("deep_sampling_ratio_mean,deep_sampling_ratio_mean_error,card_deep_sampling_ratio,absorbed_fraction_mean,absorbed_fraction_mean_error," +
                     "card_absorbed_fraction,deep_first_layer,layers,photon_mean_MeV_mean,card_photon_mean_MeV,photon_mean_inverse_cosine_mean,card_photon_obliquity", summary[0]);
        double[] s = [.. summary[1].Split(',').Select(D)];
        Assert.Equal(rows.Average(r => D(r["deep_sampling_ratio"])), s[0], 9);
        Assert.Equal(rows.Average(r => D(r["absorbed_fraction"])), s[3], 9);
        Assert.Equal((ShowerMedium.NA64PbScDeepSamplingRatio, ShowerMedium.NA64PbScBackFlowAbsorbedFraction), (s[2], s[5]));
        Assert.Equal((113.0, 150.0), (s[6], s[7]));
        Assert.Equal((LeakagePhotonsInPlane.MeanPhotonEnergyGeV * 1e3, LeakagePhotonsInPlane.MeanObliquity), (s[9], s[11]));
        double[] photonMeans = [.. rows.Select(r => D(r["photon_mean_MeV"])).Where(double.IsFinite)];
        if (photonMeans.Length > 0) Assert.Equal(photonMeans.Average(), s[8], 9);
        // a photon's 1/cos θ at the back plane is at least 1
        Assert.All(rows.Select(r => D(r["photon_mean_inverse_cosine"])).Where(double.IsFinite), c => Assert.True(c >= 1, $"⟨1/cos θ⟩ {c} below 1"));
        string header = File.ReadAllText(Path.Combine(outDir, "leakage.csv"));
        Assert.Contains("# seed: 65", header, StringComparison.Ordinal);
        Assert.Contains("through 300 layers", header, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"na64-2016-pbsc\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_with_its_own_constants_is_compared_with_them()
    {
        string dir = TestScratch.NewDirectory("study-ecal-leakage-card");
        string card = Path.Combine(dir, "card.yaml");
        File.WriteAllText(card, "base: na64-2016-pbsc\necal:\n  profileDeepSamplingRatio: 0.5\n  profileBackFlowAbsorbedFraction: 1\n  backLeakPhotonMeanMeV: 3\n  backLeakPhotonObliquity: 1.5\n");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-leakage", "--setup", card, "--showers-scale", "0.01", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        Dictionary<string, string> row = Rows(Path.Combine(dir, "o", "leakage.csv"))[0];
        Assert.Equal(D(row["profile_share_MeV"]) / 0.5, D(row["model_flow_MeV"]), 9);
        string[] summary = Data(Path.Combine(dir, "o", "summary.csv"));
        Assert.Equal(("0.5", "1", "3", "1.5"), (summary[1].Split(',')[2], summary[1].Split(',')[5], summary[1].Split(',')[9], summary[1].Split(',')[11]));
    }

    [Theory]
    [InlineData("--showers-scale", "0.001", "--showers-scale")]
    [InlineData("--showers-scale", "0,5", "--showers-scale")]
    [InlineData("--seed", "-3", "--seed")]
    [InlineData("--setup", "na64-2099", "--setup")]
    public void Bad_input_is_refused_before_anything_is_written(string option, string value, string expected)
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-ecal-leakage-bad"), "s");
        var (code, _, err) = InProcessEmiss.Run("study", "ecal-leakage", "--out", outDir, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: " + expected, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}

using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Study;

/// <summary><c>emiss study ecal-profile</c> on a small engine sample: the three tables and the figure with their provenance, a best point
/// that is the grid's least χ², the card's shifts reported (a card overriding them is read), and bad input refused before
/// anything is written.</summary>
public sealed class StudyEcalProfileCommandTests
{
    private static string[] Data(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The summary's one data row by column name.</summary>
    private static Dictionary<string, string> Summary(string dir)
    {
        string[] lines = Data(Path.Combine(dir, "summary.csv"));
        return lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public void Writes_the_grid_the_bins_and_a_summary_whose_best_point_is_the_grid_minimum()
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-ecal"), "t");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--showers-scale", "0.05", "--draws", "200", "--threads", "2", "--out", outDir);
        Assert.True(code == 0, err + stdout);

        string[] grid = Data(Path.Combine(outDir, "fit_grid.csv"));
        Assert.Equal("tmax_shift_X0,alpha_shift,chi2,tail_fraction", grid[0]);
        Assert.Equal(23 * 9, grid.Length - 1);
        double[][] g = [.. grid.Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.All(g, r => Assert.Equal(ShowerMedium.NA64PbScTailFraction, r[3]));      // without --fit-tail the card's tail fraction is held

        string[] summary = Data(Path.Combine(outDir, "summary.csv"));
        Assert.Equal("best_tmax_shift_X0,best_alpha_shift,chi2_best,ndf,tmax_shift_parabola_X0,tmax_shift_error_X0,alpha_shift_parabola,alpha_shift_error," +
                     "card_tmax_shift_X0,card_alpha_shift,chi2_card,chi2_unshifted," +
                     "tmax_shift_quadratic_X0,alpha_shift_quadratic,tmax_shift_marginal_error_X0,alpha_shift_marginal_error,shift_correlation,species," +
                     "tail_fraction,tail_fraction_parabola,tail_fraction_error,card_tail_fraction,tail_slope_per_X0," +
                     "per_energy_tmax_shift_X0,per_energy_tmax_shift_parabola_X0,per_energy_tmax_shift_error_X0,per_energy_chi2,per_energy_ndf," +
                     "tmax_shift_bootstrap_error_X0,alpha_shift_bootstrap_error,tail_fraction_bootstrap_error,per_energy_tmax_shift_bootstrap_error_X0," +
                     "tail_per_energy_tmax_shift_X0,tail_per_energy_alpha_shift,tail_per_energy_chi2,tail_per_energy_ndf", summary[0]);
        Dictionary<string, string> row = Summary(outDir);
        double S(string column) => D(row[column]);
        Assert.Equal("electron", row["species"]);
        double[] min = g.MinBy(r => r[2])!;
        Assert.Equal(min[0], S("best_tmax_shift_X0"));
        Assert.Equal(min[1], S("best_alpha_shift"));
        Assert.Equal(min[2], S("chi2_best"), 9);
        Assert.Equal(6 * 10 - 2, S("ndf"));                 // all ten 15-layer bins of the 150-layer ECAL at six energies
        Assert.All(["per_energy_tmax_shift_X0", "per_energy_chi2", "per_energy_ndf"], c => Assert.Equal("", row[c]));   // no --alpha-per-energy
        // The parabola's minimum lies within half a grid step of the best point when the best point is not on the edge.
        if (!double.IsNaN(S("tmax_shift_parabola_X0"))) Assert.InRange(S("tmax_shift_parabola_X0"), min[0] - 0.025, min[0] + 0.025);
        if (!double.IsNaN(S("tmax_shift_error_X0"))) Assert.True(S("tmax_shift_error_X0") > 0, "error must be positive");
        Assert.Equal((ShowerMedium.NA64PbScTmaxShiftX0, ShowerMedium.NA64PbScAlphaShift), (S("card_tmax_shift_X0"), S("card_alpha_shift")));
        Assert.Equal((ShowerMedium.NA64PbScTailFraction, ShowerMedium.NA64PbScTailFraction, ShowerMedium.NA64PbScTailSlopePerX0), (S("tail_fraction"), S("card_tail_fraction"), S("tail_slope_per_X0")));
        Assert.True(double.IsNaN(S("tail_fraction_parabola")) && double.IsNaN(S("tail_fraction_error")), "no tail parabola without --fit-tail");
        Assert.Equal(g.Single(r => r[0] == 0 && r[1] == 0)[2], S("chi2_unshifted"), 9);
        Assert.True(S("chi2_card") >= S("chi2_best"), "the card's shifts lie on the grid, so their χ² cannot be below the minimum");
        // Marginal errors are never below the conditional ones (both empty on the grid's edge).
        if (!double.IsNaN(S("tmax_shift_marginal_error_X0")) && !double.IsNaN(S("tmax_shift_error_X0")))
            Assert.True(S("tmax_shift_marginal_error_X0") >= S("tmax_shift_error_X0") * (1 - 1e-9), "marginal error below the conditional one");
        if (!double.IsNaN(S("shift_correlation"))) Assert.InRange(S("shift_correlation"), -1.0, 1.0);

        string[] bins = Data(Path.Combine(outDir, "profile_bins.csv"));
        Assert.Equal("energy_GeV,showers,first_layer,last_layer,engine_fraction,engine_error,model_best,model_card,model_best_error,model_card_error,model_alpha_per_energy", bins[0]);
        Assert.Equal(["2,40", "5,20", "10,10", "20,6", "50,3", "100,4"], bins.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).Distinct());
        Assert.Equal(6 * 10, bins.Length - 1);
        Assert.False(File.Exists(Path.Combine(outDir, "alpha_by_energy.csv")));
        Assert.Equal(149, bins.Skip(1).Max(l => D(l.Split(',')[3])));
        Assert.All(bins.Skip(1), l => Assert.InRange(D(l.Split(',')[4]), 0.0, 1.0));
        // The model's means carry the error of their 200 draws: positive, and below the spread of one draw (≤ 1/√200 of 1).
        Assert.All(bins.Skip(1), l => Assert.All(l.Split(',')[8..10].Select(D), e => Assert.InRange(e, 1e-9, 1 / Math.Sqrt(200))));

        foreach (string ext in new[] { "png", "svg", "pdf" })
            Assert.True(new FileInfo(Path.Combine(outDir, "profile_bins." + ext)).Length > 1000, "figure profile_bins." + ext);
        Assert.Contains("study ecal-profile", File.ReadAllText(Path.Combine(outDir, "profile_bins.svg")), StringComparison.Ordinal);

        // The bootstrap (200 replicas by default) gives both shifts an error; the summary quotes its standard deviation.
        string[] boot = Data(Path.Combine(outDir, "bootstrap.csv"));
        Assert.Equal("parameter,estimate,replicas,mean,standard_deviation,p16,p84", boot[0]);
        Assert.Equal(["tmax_shift_X0", "alpha_shift"], boot.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(boot.Skip(1), l => Assert.Equal("200", l.Split(',')[2]));
        Assert.Equal(D(boot[1].Split(',')[4]), S("tmax_shift_bootstrap_error_X0"));
        Assert.Equal(D(boot[2].Split(',')[4]), S("alpha_shift_bootstrap_error"));
        Assert.True(S("tmax_shift_bootstrap_error_X0") > 0 && S("alpha_shift_bootstrap_error") > 0, "a sample of a few showers has a spread");
        Assert.True(double.IsNaN(S("tail_fraction_bootstrap_error")), "no tail fraction fitted without --fit-tail");

        string header = File.ReadAllText(Path.Combine(outDir, "summary.csv"));
        Assert.Contains("# seed: 47", header, StringComparison.Ordinal);
        Assert.Contains("engine multiple-scattering step mean-projection", header, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"na64-2016-pbsc\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_with_its_own_shifts_is_fitted_against_them()
    {
        string dir = TestScratch.NewDirectory("study-ecal-card");
        string card = Path.Combine(dir, "unshifted.yaml");
        File.WriteAllText(card, "base: na64-2016-pbsc\necal:\n  profileTmaxShiftX0: 0\n  profileAlphaShift: 0\n");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--setup", card, "--showers-scale", "0.05", "--draws", "200", "--bootstrap", "0",
            "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        Dictionary<string, string> row = Summary(Path.Combine(dir, "o"));
        Assert.False(File.Exists(Path.Combine(dir, "o", "bootstrap.csv")));      // --bootstrap 0 skips it
        Assert.Equal(("", ""), (row["tmax_shift_bootstrap_error_X0"], row["alpha_shift_bootstrap_error"]));
        Assert.Equal(("0", "0"), (row["card_tmax_shift_X0"], row["card_alpha_shift"]));
        Assert.Equal(D(row["chi2_unshifted"]), D(row["chi2_card"]), 9);      // the card's χ² is the unshifted grid point's
    }

    [Fact]
    public void Photon_showers_are_fitted_on_the_photon_shift_axes()
    {
        string dir = TestScratch.NewDirectory("study-ecal-photon");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--photon", "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        Dictionary<string, string> row = Summary(Path.Combine(dir, "o"));
        Assert.Equal("photon", row["species"]);
        // the card's photon ΔT and α shift
        Assert.Equal((ShowerMedium.NA64PbScPhotonTmaxShiftX0, ShowerMedium.NA64PbScPhotonAlphaShift), (D(row["card_tmax_shift_X0"]), D(row["card_alpha_shift"])));
        double[][] g = [.. Data(Path.Combine(dir, "o", "fit_grid.csv")).Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal(35 * 25, g.Length);
        // the photon grid spans both photon rules' optima
        Assert.Equal(-1.3, g.Min(r => r[1]), 9);
        Assert.Equal(1.1, g.Max(r => r[1]), 9);
        Assert.Equal(-1.5, g.Min(r => r[0]), 9);
        Assert.Equal(0.2, g.Max(r => r[0]), 9);
        Assert.Equal(g.MinBy(r => r[2])![2], D(row["chi2_best"]), 9);
        Assert.Contains("engine photon showers", File.ReadAllText(Path.Combine(dir, "o", "summary.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_tail_scans_the_tail_fraction_and_reports_the_best_slice()
    {
        string dir = TestScratch.NewDirectory("study-ecal-tail");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--fit-tail", "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        double[][] g = [.. Data(Path.Combine(dir, "o", "fit_grid.csv")).Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal(11 * 23 * 9, g.Length);
        Assert.Equal([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2], g.Select(r => r[3]).Distinct().Order().ToArray());
        Dictionary<string, string> row = Summary(Path.Combine(dir, "o"));
        double[] min = g.MinBy(r => r[2])!;
        Assert.Equal((min[0], min[1], min[3]), (D(row["best_tmax_shift_X0"]), D(row["best_alpha_shift"]), D(row["tail_fraction"])));
        Assert.Equal(min[2], D(row["chi2_best"]), 9);
        Assert.Equal(6 * 10 - 3, D(row["ndf"]));      // the tail fraction is a third fitted parameter
        double w = D(row["tail_fraction_parabola"]);
        if (!double.IsNaN(w)) Assert.InRange(w, min[3] - 0.01, min[3] + 0.01);   // within half a step of the best slice
        // The shift columns are the best slice's: its unshifted point is that slice's (0, 0).
        Assert.Equal(g.Single(r => r[0] == 0 && r[1] == 0 && r[3] == min[3])[2], D(row["chi2_unshifted"]), 9);
        // The tail fraction is bootstrapped too, its replicas within the scanned range.
        string[] tail = Data(Path.Combine(dir, "o", "bootstrap.csv")).Single(l => l.StartsWith("tail_fraction,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(D(tail[4]), D(row["tail_fraction_bootstrap_error"]));
        Assert.InRange(D(tail[3]), 0.0, 0.2);
    }

    [Fact]
    public void Tail_per_energy_fits_one_tail_fraction_per_energy_at_common_shifts()
    {
        string dir = TestScratch.NewDirectory("study-ecal-tail-energy");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--tail-per-energy", "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        string[] lines = Data(Path.Combine(dir, "o", "tail_by_energy.csv"));
        Assert.Equal("energy_GeV,showers,tmax_shift_X0,alpha_shift,tail_fraction,tail_fraction_grid,tail_fraction_error,chi2,bins,card_tail_fraction,tail_fraction_bootstrap_error", lines[0]);
        double[][] rows = [.. lines.Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal([2, 5, 10, 20, 50, 100], rows.Select(r => r[0]));
        Assert.Single(rows.Select(r => (r[2], r[3])).Distinct());                // one (ΔT, Δα) for all energies
        Assert.All(rows, r => Assert.Contains(r[5], EcalProfileTune.DefaultTailFractions));
        Assert.All(rows, r => { if (!double.IsNaN(r[6])) Assert.InRange(r[4], r[5] - 0.01, r[5] + 0.01); });   // within half a scan step
        Assert.Equal(ShowerMedium.NA64PbScTailFractionsByEnergy, rows.Select(r => Math.Round(r[9], 10)));   // the card's table at its nodes
        Assert.All(rows, r => Assert.True(r[10] >= 0, $"bootstrap error at {r[0]} GeV"));
        Dictionary<string, string> row = Summary(Path.Combine(dir, "o"));
        Assert.Equal((rows[0][2], rows[0][3]), (D(row["tail_per_energy_tmax_shift_X0"]), D(row["tail_per_energy_alpha_shift"])));
        Assert.Equal(rows.Sum(r => r[7]), D(row["tail_per_energy_chi2"]), 9);
        Assert.Equal(6 * 10 - 2 - 6, D(row["tail_per_energy_ndf"]));
        // w per energy cannot fit worse than one w for all (the common fit is one of its choices)
        Assert.True(D(row["tail_per_energy_chi2"]) <= D(row["chi2_best"]) + 1e-9, "per-energy χ² above the common one");
        Assert.NotEqual("", row["tail_fraction"]);                                   // implies the tail scan
    }

    [Fact]
    public void Tail_per_energy_with_photons_fits_the_photons_own_table_on_the_photon_axes()
    {
        string dir = TestScratch.NewDirectory("study-ecal-tail-photon");
        // a card with both tables: the photons' own one must be the card's photon tail fraction, at the photon's energy
        string card = Path.Combine(dir, "tables.yaml");
        File.WriteAllText(card, "base: na64-2016-pbsc\necal:\n  profileTailFractionTable: {energiesGeV: [2, 100], fractions: [0.3, 0.4]}\n" +
                                "  profilePhotonTailFractionTable: {energiesGeV: [2, 100], fractions: [0.02, 0.12]}\n");
        var table = new TailFractionTable([2, 100], [0.02, 0.12]);
        // the console's card-key line is part of the contract
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--photon", "--tail-per-energy", "--setup", card, "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        double[][] rows = [.. Data(Path.Combine(dir, "o", "tail_by_energy.csv")).Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal([2, 5, 10, 20, 50, 100], rows.Select(r => r[0]));
        Assert.Single(rows.Select(r => (r[2], r[3])).Distinct());
        Assert.All(rows, r => Assert.Contains(r[5], EcalProfileTune.DefaultTailFractions));
        Assert.All(rows, r => Assert.Equal(table.At(r[0]), r[9], 12));
        Assert.Equal("photon", Summary(Path.Combine(dir, "o"))["species"]);
        // the shifts lie on the photon grid, and the printed card keys are the photon's
        Assert.InRange(rows[0][2], -1.5 - 1e-9, 0.2 + 1e-9);
        Assert.Contains("profilePhotonTailFractionTable: {energiesGeV: [2, 5, 10, 20, 50, 100], fractions: [", stdout, StringComparison.Ordinal);
        Assert.Contains("profilePhotonTmaxShiftX0: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Alpha_per_energy_fits_one_shift_per_energy_at_a_common_tmax_shift()
    {
        string dir = TestScratch.NewDirectory("study-ecal-alpha");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--alpha-per-energy", "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        string[] lines = Data(Path.Combine(dir, "o", "alpha_by_energy.csv"));
        Assert.Equal("energy_GeV,showers,tmax_shift_X0,alpha_shift,alpha_shift_grid,alpha_shift_error,chi2,bins,card_alpha_shift,chi2_card,card_tmax_shift_X0,alpha_shift_bootstrap_error", lines[0]);
        double[][] rows = [.. lines.Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal([2, 5, 10, 20, 50, 100], rows.Select(r => r[0]));
        Assert.Single(rows.Select(r => r[2]).Distinct());                       // one ΔT for all energies
        Assert.All(rows, r => Assert.InRange(r[4], -0.6 - 1e-9, 0.6 + 1e-9));   // the per-energy grid's Δα range
        // the refined shift lies within half a step of its grid point, unless it sits on the grid's edge
        Assert.All(rows, r => { if (!double.IsNaN(r[5])) Assert.InRange(r[3], r[4] - 0.025, r[4] + 0.025); });
        // the card's whole α shift at each node is its table's value plus profileAlphaShift
        Assert.Equal(ShowerMedium.NA64PbScAlphaShiftsByEnergy.Select(a => Math.Round(a + ShowerMedium.NA64PbScAlphaShift, 10)), rows.Select(r => Math.Round(r[8], 10)));
        Dictionary<string, string> row = Summary(Path.Combine(dir, "o"));
        Assert.Equal(rows[0][2], D(row["per_energy_tmax_shift_X0"]));
        Assert.Equal(rows.Sum(r => r[6]), D(row["per_energy_chi2"]), 9);
        Assert.Equal(6 * 10 - 1 - 6, D(row["per_energy_ndf"]));
        // each energy's shift has its bootstrap error, the common ΔT too
        Assert.All(rows, r => Assert.True(r[11] > 0, $"bootstrap error at {r[0]} GeV"));
        Assert.True(D(row["per_energy_tmax_shift_bootstrap_error_X0"]) > 0);
        // the model at each energy's best shift is in profile_bins.csv
        Assert.All(Data(Path.Combine(dir, "o", "profile_bins.csv")).Skip(1), l => Assert.InRange(D(l.Split(',')[10]), 0.0, 1.0));
    }

    [Fact]
    public void Alpha_per_energy_with_photons_checks_the_photons_constant_shift()
    {
        string dir = TestScratch.NewDirectory("study-ecal-alpha-photon");
        var (code, stdout, err) = InProcessEmiss.Run("study", "ecal-profile", "--photon", "--alpha-per-energy", "--showers-scale", "0.05", "--draws", "200", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err + stdout);
        double[][] rows = [.. Data(Path.Combine(dir, "o", "alpha_by_energy.csv")).Skip(1).Select(l => l.Split(',').Select(D).ToArray())];
        Assert.Equal([2, 5, 10, 20, 50, 100], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.InRange(r[4], -1.2 - 1e-9, 0.4 + 1e-9));   // the photon per-energy grid's Δα range
        Assert.All(rows, r => Assert.InRange(r[2], -1.3 - 1e-9, -0.5 + 1e-9));  // and its ΔT range
        // photons take one constant shift: the card's is the same at every energy, and so is its ΔT
        Assert.All(rows, r => Assert.Equal((ShowerMedium.NA64PbScPhotonAlphaShift, ShowerMedium.NA64PbScPhotonTmaxShiftX0), (r[8], r[10])));
        Assert.Equal("photon", Summary(Path.Combine(dir, "o"))["species"]);
    }

    [Theory]
    [InlineData("--alpha-per-energy", "--fit-tail", "--alpha-per-energy")]
    [InlineData("--alpha-per-energy", "--tail-per-energy", "--alpha-per-energy")]
    public void Fits_that_do_not_combine_are_refused(string first, string second, string expected)
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-ecal-combination-bad"), "s");
        var (code, _, err) = InProcessEmiss.Run("study", "ecal-profile", first, second, "--out", outDir);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: " + expected, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--showers-scale", "0.01", "--showers-scale")]
    [InlineData("--showers-scale", "0,5", "--showers-scale")]
    [InlineData("--draws", "10", "--draws")]
    [InlineData("--bootstrap", "1", "--bootstrap")]
    [InlineData("--bootstrap", "-5", "--bootstrap")]
    [InlineData("--msc", "gaussian", "--msc")]
    [InlineData("--setup", "na64-2099", "--setup")]
    public void Bad_input_is_refused_before_anything_is_written(string option, string value, string expected)
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-ecal-bad"), "s");
        var (code, _, err) = InProcessEmiss.Run("study", "ecal-profile", "--out", outDir, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: " + expected, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}

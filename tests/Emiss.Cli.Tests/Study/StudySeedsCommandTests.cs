using System.Globalization;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Study;

/// <summary><c>emiss study seeds</c> at 2·10⁻⁴ of the seed's EOT: one line per seed and run, a summary consistent with
/// them, each seed's counts independent of the other seeds in the study, and bad input refused.</summary>
public sealed class StudySeedsCommandTests
{
    private static string[] Data(string path) => [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];

    [Fact]
    public void Seeds_csv_has_every_seed_and_run_and_the_summary_counts_them()
    {
        string root = TestScratch.NewDirectory("study");
        string[] common = ["--eot-scale", "0.0002", "--estimate-events", "200", "--threads", "2"];
        var (code, stdout, err) = InProcessEmiss.Run(["study", "seeds", "--seeds", "3", "--first-seed", "100", "--out", Path.Combine(root, "a"), .. common]);
        Assert.True(code == 0, err + stdout);
        string[] seeds = Data(Path.Combine(root, "a", "seeds.csv"));
        Assert.Equal("seed,run,events_in_box,events_after_cuts_outside_box,loose_srd_events,in_box_weighted,loose_srd_weighted,in_box_true_processes", seeds[0]);
        Assert.Equal(["100,bgo-srd", "100,pbsc-srd", "101,bgo-srd", "101,pbsc-srd", "102,bgo-srd", "102,pbsc-srd"],
                     seeds.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).Order(StringComparer.Ordinal));
        Assert.All(seeds.Skip(1), l => Assert.True(long.Parse(l.Split(',')[4], CultureInfo.InvariantCulture) > 0, "no loose-SRD event: " + l));
        string[] summary = Data(Path.Combine(root, "a", "summary.csv"));
        string[] s = summary[1].Split(',');
        int zero = seeds.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[0]).Count(g => g.Sum(f => long.Parse(f[2], CultureInfo.InvariantCulture)) == 0);
        Assert.Equal("3", s[0]);
        Assert.Equal(zero.ToString(CultureInfo.InvariantCulture), s[1]);
        double mu = double.Parse(s[3], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Exp(-mu), double.Parse(s[4], CultureInfo.InvariantCulture), 12);

        // Seed 101 alone gives the same lines as inside the three-seed study.
        (code, _, err) = InProcessEmiss.Run(["study", "seeds", "--seeds", "1", "--first-seed", "101", "--out", Path.Combine(root, "b"), .. common]);
        Assert.True(code == 0, err);
        Assert.Equal(seeds.Where(l => l.StartsWith("101,", StringComparison.Ordinal)), Data(Path.Combine(root, "b", "seeds.csv")).Skip(1));
    }

    [Theory]
    [InlineData("--seeds", "0", "--seeds")]
    [InlineData("--first-seed", "-1", "--first-seed")]
    [InlineData("--eot-scale", "1,5", "--eot-scale")]
    [InlineData("--sources", "decay-in-flight,nope", "--sources")]
    public void Bad_input_is_refused_before_anything_is_written(string option, string value, string expected)
    {
        string outDir = Path.Combine(TestScratch.NewDirectory("study-bad"), "s");
        var (code, _, err) = InProcessEmiss.Run("study", "seeds", "--out", outDir, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: " + expected, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}

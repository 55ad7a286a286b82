using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Study;

/// <summary>
/// The commands that select pseudo-data refuse a cut (ii) that accepts less SRD energy than the 3 MeV from which the
/// mis-tag sources generate noise-only tags (docs/physics/synchrotron-radiation.md#the-fake-tag-class): such a cut
/// would keep hadrons that neither the pseudo-data nor method 1 contain. One error line, exit 2, nothing written;
/// the card's own 3 MeV passes the check (the built-in card is what every other pseudo-data test runs with).
/// </summary>
public sealed class FakeTagCutCheckTests
{
    [Theory]
    [InlineData("pseudodata")]
    [InlineData("study")]
    [InlineData("reproduce")]
    public void A_cut_ii_below_the_fake_tag_threshold_is_refused_before_any_work(string command)
    {
        string root = TestScratch.NewDirectory("faketag-" + command);
        string card = Analyze.AnalyzeCommandTests.CardText();
        string srdLine = card.Split('\n').Single(l => l.StartsWith("  minMeV: 3.0 ", StringComparison.Ordinal));
        string looser = Path.Combine(root, "srd-2mev.yaml");
        File.WriteAllText(looser, card.Replace(srdLine, "  minMeV: 2.0", StringComparison.Ordinal));
        string outDir = Path.Combine(root, "out");
        string[] args = command switch
        {
            "pseudodata" => ["pseudodata", "--eot-scale", "0.0002", "--cuts", looser, "--out", outDir],
            "study" => ["study", "seeds", "--seeds", "2", "--eot-scale", "0.0002", "--cuts", looser, "--out", outDir],
            _ => ["reproduce", "--eot-scale", "0.0002", "--cuts", looser, "--out", outDir],
        };
        var (code, stdout, err) = InProcessEmiss.Run(args);
        Assert.True(code == 2, err + stdout);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("emiss: error: --cuts: srd.minMeV 2 MeV is below the 3 MeV", line, StringComparison.Ordinal);
        Assert.Contains("; use a cut card with srd.minMeV ≥ 3", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "nothing may be written");
    }
}

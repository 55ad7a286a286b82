using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

public class BenchReproduceCommandTests
{
    [Fact]
    public void Keep_refuses_a_directory_with_content_before_any_work_and_leaves_it_as_it_was()
    {
        // A finished stage in --keep would be skipped rather than timed: the benchmark must start from nothing.
        string dir = Path.Combine(TestScratch.NewDirectory("bench-reproduce"), "kept");
        Directory.CreateDirectory(dir);
        string marker = Path.Combine(dir, "limit.csv");
        File.WriteAllText(marker, "earlier result");
        var (code, stdout, stderr) = InProcessEmiss.Run("bench", "reproduce", "--eot-scale", "0.001", "--keep", dir);
        Assert.Equal(2, code);
        Assert.StartsWith("emiss: error: --keep: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pseudodata", stdout, StringComparison.Ordinal);
        Assert.Equal(["limit.csv"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("earlier result", File.ReadAllText(marker));
    }
}

using Emiss.Core.IO;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Failed_write_keeps_the_old_file_and_leaves_no_temporary()
    {
        string dir = TestScratch.NewDirectory("emiss-atomic");
        string path = Path.Combine(dir, "out.csv");
        AtomicFile.WriteText(path, "old\n");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("interrupted");
        }));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Missing_directories_are_created_with_the_file()
    {
        // The directory is created by TemporaryPaths.CreateFile under its interrupt gate (not by the caller), so writers
        // into a staging directory cannot recreate it after an interrupt removed it.
        string dir = TestScratch.NewDirectory("emiss-atomic");
        string path = Path.Combine(dir, "sealed", "deeper", "truth.csv");
        AtomicFile.WriteText(path, "x\n");
        Assert.Equal("x\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Provenance_block_carries_version_commit_seed_and_card()
    {
        var p = new Provenance("emiss limit", 7UL, "seed: 7\nbeam: {}\n");
        string block = p.ToCommentBlock();
        Assert.Contains("seed: 7", block, StringComparison.Ordinal);
        Assert.Contains(BuildInfo.Version, block, StringComparison.Ordinal);
        Assert.Contains("commit", block, StringComparison.Ordinal);
        Assert.All(block.TrimEnd('\n').Split('\n'), l => Assert.StartsWith("# ", l, StringComparison.Ordinal));
    }
}
